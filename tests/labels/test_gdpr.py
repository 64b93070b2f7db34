"""Personal data: export, account deletion, purge after the retention period."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts import gdpr as account_gdpr
from labels import services
from labels.models import Application, ApplicationStatus, Attachment, EventKind
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, paris

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def test_export_my_data(applicant_client, draft, clock):
    services.submit(draft.pk, draft.owner, clock(), lambda a: "")
    response = applicant_client.get(reverse("accounts:export_data"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(b"".join([response.content]))
    assert data["compte"]["email"] == draft.owner.email
    assert data["candidatures"][0]["reference"] == "TI-2026-0001"
    assert data["candidatures"][0]["versions"][0]["numero"] == 1


def test_delete_account(client, label_index, clock):
    open_campaign = LabelCampaignPageFactory(parent=label_index)
    closed_campaign = LabelCampaignPageFactory(parent=label_index, year=2025, opens_at=paris(2025, 1, 1),
                                               closes_at=paris(2025, 3, 1))
    draft = ApplicationFactory(campaign=open_campaign)
    user = draft.owner
    submitted_open = ApplicationFactory(campaign=open_campaign, owner=user)
    services.submit(submitted_open.pk, user, clock(), lambda a: "")
    old = ApplicationFactory(campaign=closed_campaign, owner=user, status=ApplicationStatus.SUBMITTED,
                             reference="TI-2025-0001")
    laureate = ApplicationFactory(campaign=closed_campaign, owner=user, status=ApplicationStatus.LAUREATE,
                                  reference="TI-2025-0002")
    client.force_login(user)
    response = client.post(reverse("accounts:delete_account"), {"password": "faux"})
    assert response.status_code == 200
    client.post(reverse("accounts:delete_account"), {"password": "un mot de passe solide"})
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert set(Application.objects.values_list("pk", flat=True)) == {old.pk, laureate.pk}
    for application in Application.objects.all():
        assert application.anonymised and application.owner is None and application.contact_email == ""
        assert application.events.filter(kind=EventKind.ANONYMISED).exists()
    laureate.refresh_from_db()
    assert laureate.org_name and laureate.title  # the public record stays


def test_purge_is_idempotent_and_keeps_laureates(label_index, clock, settings):
    old_campaign = LabelCampaignPageFactory(parent=label_index, year=2021, opens_at=paris(2021, 1, 1),
                                            closes_at=paris(2021, 3, 1))
    recent_campaign = LabelCampaignPageFactory(parent=label_index, year=2024, opens_at=paris(2024, 1, 1),
                                               closes_at=paris(2024, 3, 1))
    old = ApplicationFactory(campaign=old_campaign, status=ApplicationStatus.SUBMITTED)
    Attachment.objects.create(application=old, original_name="a.pdf", content_type="application/pdf", size=3,
                              file=SimpleUploadedFile("a.pdf", PDF))
    path = old.attachments.get().file.path
    laureate = ApplicationFactory(campaign=old_campaign, status=ApplicationStatus.LAUREATE)
    recent = ApplicationFactory(campaign=recent_campaign, status=ApplicationStatus.SUBMITTED)
    settings.LABELS_RETENTION_YEARS = 3
    from io import StringIO

    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "1 candidature(s)" in out.getvalue()
    assert set(Application.objects.values_list("pk", flat=True)) == {laureate.pk, recent.pk}
    import os

    assert not os.path.exists(path)
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "0 candidature(s)" in out.getvalue()


def test_anonymisation_reaches_the_event_log(client, label_index, clock, staff):
    """The co-editor's address (logged as the invitation's reason), the contact details staff quoted in a reason,
    the applicant and the co-editor as actors: nothing of them is left in the anonymised application's log."""
    campaign = LabelCampaignPageFactory(parent=label_index)
    application = ApplicationFactory(campaign=campaign, contact_name="Dominique Lefèvre",
                                     contact_phone="06 12 34 56 78",
                                     contact_email="dominique.lefevre@mairie.example.org")
    owner = application.owner
    client.force_login(owner)
    client.post(reverse("labels:invite_coeditor", args=[application.pk]), {"email": "Collegue@example.org"})
    coeditor = get_user_model().objects.create_user("collegue@example.org", "collegue@example.org", "x" * 12)
    invitation = Client()
    invitation.force_login(coeditor)
    invitation.post(re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1))  # accepts the link
    services.submit(application.pk, coeditor, clock(), lambda a: "")
    clock.set(2026, 4, 2, 10, 0)
    services.reopen(application.pk, staff, clock(), paris(2026, 4, 9, 18, 0),
                    "Dominique Lefèvre (06 12 34 56 78, dominique.lefevre@mairie.example.org) doit joindre le budget.",
                    "")
    assert application.events.filter(kind=EventKind.COEDITOR_INVITED, reason="collegue@example.org").exists()
    account_gdpr.delete_account(owner, paris(2026, 6, 1, 10, 0))
    application.refresh_from_db()
    texts = [application.reopen_reason, application.ineligibility_reason,
             *[event.reason for event in application.events.all()]]
    log = " ".join(texts)
    for personal in ("collegue@example.org", "dominique.lefevre@mairie.example.org", "Dominique Lefèvre",
                     "06 12 34 56 78", owner.email):
        assert personal.lower() not in log.lower(), personal
    assert "doit joindre le budget" in application.reopen_reason  # what staff asked stays readable
    actors = {event.kind: event.actor_id for event in application.events.all()}
    assert actors[EventKind.SUBMITTED] is None and actors[EventKind.COEDITOR_INVITED] is None
    assert actors[EventKind.REOPENED] == staff.pk  # staff's own acts keep their author
    staff_client = Client()  # not the applicant's, whose flash message still names the co-editor
    staff_client.force_login(staff)
    page = staff_client.get(reverse("labels_application:inspect", args=[application.pk])).content.decode()
    assert "collegue@example.org" not in page and "dominique.lefevre" not in page
