"""Fixtures of the jury's tests: a round with jurors and files, and a scene of roles for the jury's pages.

The campaign, its criteria, the clock and the accounts (staff, campaign staff,
editor, applicant) come from tests/conftest.py.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jury.models import Assignment
from jury.services import conflicts
from labels.models import Attachment
from tests.jury.factories import OPEN, JuryMemberFactory, JuryRoundFactory
from tests.labels.factories import LabelCampaignPageFactory, SubmittedApplicationFactory

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def round1(campaign, criteria):
    return JuryRoundFactory(campaign=campaign)


@pytest.fixture
def jurors(campaign):
    return [JuryMemberFactory(campaign=campaign) for _ in range(4)]


@pytest.fixture
def files(campaign):
    return [SubmittedApplicationFactory(campaign=campaign) for _ in range(7)]


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
def scene(campaign, criteria, label_index):
    """A round and its roles, for the jury's pages: files with distinct titles, one conflict, an attachment."""
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
    conflicts.declare(juror_a, file, has_conflict=False, by=juror_a.user, jury_round=jury_round, now=OPEN)
    conflicts.declare(juror_b, file, has_conflict=True, reason="Ancien employeur", by=juror_b.user,
                      jury_round=jury_round, now=OPEN)
    attachment = Attachment.objects.create(application=file, file=SimpleUploadedFile("annexe.pdf", PDF),
                                           original_name="annexe.pdf", content_type="application/pdf", size=len(PDF))
    return Scene(jury_round, juror_a, juror_b, outsider, file, other_file, hidden_file, foreign_file, foreign_round,
                 attachment)
