"""A jury scene for the tests of the Jury area: roles, one round, assigned files with distinct titles."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from labels import jury_services
from labels.models import Assignment, Attachment
from tests.labels.factories import LabelCampaignPageFactory, UserFactory
from tests.labels.jury_factories import OPEN, JuryMemberFactory, JuryRoundFactory, SubmittedApplicationFactory

PDF = b"%PDF-1.4\n%%EOF\n"


def user_with_permissions(*codenames, **fields):
    """A non-superuser holding the given "app_label.codename" permissions through a group."""
    user = UserFactory(**fields)
    group = Group.objects.create(name=f"Groupe {user.pk}")
    for codename in codenames:
        app_label, name = codename.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=name))
    user.groups.add(group)
    return user


@dataclass
class Scene:
    round: object
    juror_a: object  # assigned to `file` and `other_file`, declared no conflict on `file`
    juror_b: object  # assigned to `file`, declared a conflict on it
    outsider: object  # sits on another campaign's jury
    file: object
    other_file: object
    hidden_file: object  # in the round, assigned to nobody above
    foreign_file: object  # another campaign's
    foreign_round: object
    attachment: object


@pytest.fixture
def campaign_staff(db):
    return user_with_permissions("wagtailadmin.access_admin", "labels.review_application",
                                 email="equipe-labels@example.org")


@pytest.fixture
def editor(db):
    return user_with_permissions("wagtailadmin.access_admin", "wagtailimages.add_image", "wagtaildocs.add_document",
                                 email="redaction@example.org")


@pytest.fixture
def scene(campaign, criteria, label_index):
    jury_round = JuryRoundFactory(campaign=campaign)
    juror_a = JuryMemberFactory(campaign=campaign)
    juror_b = JuryMemberFactory(campaign=campaign)
    file = SubmittedApplicationFactory(campaign=campaign, title="Cantines sans gaspillage", org_name="Ville de Plouha")
    other_file = SubmittedApplicationFactory(campaign=campaign, title="Bus à la demande", org_name="Ville de Lannion")
    hidden_file = SubmittedApplicationFactory(campaign=campaign, title="Projet secret des marais",
                                              org_name="Commune de Brière")
    other_campaign = LabelCampaignPageFactory(parent=label_index)
    foreign_round = JuryRoundFactory(campaign=other_campaign)
    outsider = JuryMemberFactory(campaign=other_campaign)
    foreign_file = SubmittedApplicationFactory(campaign=other_campaign, title="Dossier d'une autre campagne",
                                               org_name="Métropole voisine")
    for juror, application in ((juror_a, file), (juror_a, other_file), (juror_b, file)):
        Assignment.objects.create(round=jury_round, juror=juror, application=application)
    Assignment.objects.create(round=foreign_round, juror=outsider, application=foreign_file)
    jury_services.declare(juror_a, file, has_conflict=False, by=juror_a.user, jury_round=jury_round, now=OPEN)
    jury_services.declare(juror_b, file, has_conflict=True, reason="Ancien employeur", by=juror_b.user,
                          jury_round=jury_round, now=OPEN)
    attachment = Attachment.objects.create(application=file, file=SimpleUploadedFile("annexe.pdf", PDF),
                                           original_name="annexe.pdf", content_type="application/pdf", size=len(PDF))
    return Scene(jury_round, juror_a, juror_b, outsider, file, other_file, hidden_file, foreign_file, foreign_round,
                 attachment)
