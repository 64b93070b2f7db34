"""Limits per account and per address (labels/limits.py, settings.LABELS_LIMITS): e-mails sent on request,
drafts per campaign, stored bytes, office documents' archives. Each refusal says why in French; the counts live in
the database, so every worker process sees the same ones."""

import datetime
import io
import re
import zipfile

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from labels import attachments, services
from labels.models import Application, ApplicationStatus, Attachment, CoEditor
from tests.labels.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {"first_name": "Camille", "last_name": "Durand", "email": "camille.durand@example.org",
          "password1": "cantines et données 2026", "password2": "cantines et données 2026"}
PDF = b"%PDF-1.4\n" + b"0" * 1000


@pytest.fixture
def limits(settings):
    """Set some limits for one test: limits(INVITATIONS_PER_ACCOUNT_PER_DAY=2)."""

    def set_limits(**values):
        settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, **values}

    return set_limits


def errors_of(response):
    return " ".join(re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


# --- E-mails sent on someone's request -------------------------------------------------------------


def invite(client, application, email):
    return client.post(reverse("labels:invite_coeditor", args=[application.pk]), {"email": email})


def test_co_editor_invitations_per_account_and_day(client, draft, limits, clock):
    limits(INVITATIONS_PER_ACCOUNT_PER_DAY=2)
    client.force_login(draft.owner)
    for index in range(2):
        assert invite(client, draft, f"collegue{index}@example.org").status_code == 302
    response = invite(client, draft, "relais@example.org")
    assert "Trop d&#x27;invitations envoyées depuis votre compte" in errors_of(response)
    assert 'value="relais@example.org"' in response.content.decode()  # what was typed is kept
    assert len(mail.outbox) == 2
    assert not CoEditor.objects.filter(email="relais@example.org").exists()
    clock.set(clock() + datetime.timedelta(days=1, seconds=1))
    assert invite(client, draft, "relais@example.org").status_code == 302
    assert len(mail.outbox) == 3


def test_co_editor_invitations_per_address_and_day_whoever_sends_them(client, campaign, limits, clock):
    limits(INVITATIONS_PER_ADDRESS_PER_DAY=2)
    drafts = [ApplicationFactory(campaign=campaign) for _ in range(3)]
    for application in drafts:
        client.force_login(application.owner)
        response = invite(client, application, "cible@example.org")
    assert "Trop d&#x27;invitations ont été envoyées à cette adresse" in errors_of(response)
    assert len(mail.outbox) == 2


def test_co_editors_per_application(client, draft, limits, clock):
    limits(COEDITORS_PER_APPLICATION=2)
    client.force_login(draft.owner)
    invite(client, draft, "un@example.org")
    invite(client, draft, "deux@example.org")
    response = invite(client, draft, "trois@example.org")
    assert "2 co-rédacteurs au plus" in errors_of(response)
    assert invite(client, draft, "deux@example.org").status_code == 302  # sending again is not a new co-editor
    assert CoEditor.objects.count() == 2


@pytest.mark.parametrize("known", [True, False])
def test_password_resets_per_address_known_or_not(client, limits, known):
    limits(RESETS_PER_ADDRESS_PER_HOUR=2)
    if known:
        UserFactory(email="cible@example.org")
    for _ in range(2):
        assert client.post(reverse("accounts:password_reset"), {"email": "cible@example.org"}).status_code == 302
    response = client.post(reverse("accounts:password_reset"), {"email": "cible@example.org"})
    assert response.status_code == 429
    assert "Trop de demandes pour cette adresse" in errors_of(response)
    assert 'value="cible@example.org"' in response.content.decode()
    assert len(mail.outbox) == (2 if known else 0)


def test_password_resets_per_network_address(client, limits):
    limits(RESETS_PER_IP_PER_HOUR=2)
    for index in range(2):
        client.post(reverse("accounts:password_reset"), {"email": f"p{index}@example.org"})
    response = client.post(reverse("accounts:password_reset"), {"email": "p9@example.org"})
    assert response.status_code == 429
    assert "depuis votre adresse réseau" in response.content.decode()


def test_sign_ups_per_network_address_are_counted_in_the_database(client, limits):
    limits(SIGNUPS_PER_HOUR=2)
    for index in range(2):
        client.post(reverse("accounts:signup"), {**SIGNUP, "email": f"p{index}@example.org"})
        cache.clear()  # another worker process: nothing of the count lives in a process's memory
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "email": "p9@example.org"})
    assert response.status_code == 429
    assert "Trop de comptes créés depuis votre adresse réseau" in response.content.decode()
    assert 'value="p9@example.org"' in response.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("known", [True, False])
def test_sign_up_e_mails_per_address_known_or_not(client, limits, known):
    limits(SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR=2)
    if known:
        UserFactory(email=SIGNUP["email"], username=SIGNUP["email"])
    for _ in range(2):
        assert client.post(reverse("accounts:signup"), SIGNUP).status_code == 302
    response = client.post(reverse("accounts:signup"), SIGNUP)
    assert response.status_code == 429
    assert "Trop de messages ont été demandés pour cette adresse" in errors_of(response)
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("known", [True, False])
def test_new_confirmation_links_per_address_known_or_not(client, limits, known):
    """Asking for a new confirmation link counts as a sign-up e-mail to that address, unconfirmed account or none."""
    limits(SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR=2)
    if known:
        UserFactory(email="attente@example.org", username="attente@example.org", is_active=False)
    for _ in range(2):
        response = client.post(reverse("accounts:resend_activation"), {"email": "attente@example.org"})
        assert response["Location"] == reverse("accounts:signup_done")
    response = client.post(reverse("accounts:resend_activation"), {"email": "attente@example.org"})
    assert response.status_code == 429
    assert "Trop de messages ont été demandés pour cette adresse" in errors_of(response)
    assert 'value="attente@example.org"' in response.content.decode()
    assert len(mail.outbox) == (2 if known else 0)


def test_new_confirmation_links_per_network_address(client, limits):
    limits(SIGNUPS_PER_HOUR=2)
    for index in range(2):
        UserFactory(email=f"p{index}@example.org", username=f"p{index}@example.org", is_active=False)
        client.post(reverse("accounts:resend_activation"), {"email": f"p{index}@example.org"})
        cache.clear()  # another worker process: the count is in the database
    UserFactory(email="p9@example.org", username="p9@example.org", is_active=False)
    response = client.post(reverse("accounts:resend_activation"), {"email": "p9@example.org"})
    assert response.status_code == 429
    assert "depuis votre adresse réseau" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["p0@example.org"], ["p1@example.org"]]


def test_submission_receipts_per_account_and_day(client, draft, limits, clock):
    """A receipt goes to the contact address the applicant typed: a relay, limited; the submission is never."""
    limits(RECEIPTS_PER_DAY=1)
    client.force_login(draft.owner)
    submit = reverse("labels:submit", args=[draft.pk])
    client.post(submit, {"consent_rules": "on", "consent_data": "on"})
    Application.objects.filter(pk=draft.pk).update(has_unsubmitted_changes=True)
    response = client.post(submit, {"consent_rules": "on", "consent_data": "on"}, follow=True)
    assert draft.versions.count() == 2
    assert len(mail.outbox) == 1
    assert "accusé de réception n&#x27;a pas été envoyé par e-mail" in response.content.decode()


# --- Drafts and stored bytes -----------------------------------------------------------------------


def test_drafts_per_campaign_and_account(applicant_client, applicant, campaign, limits, clock):
    limits(DRAFTS_PER_CAMPAIGN=2)
    applicant_client.post(reverse("labels:start", args=[campaign.pk]))
    Application.objects.filter(owner=applicant).update(status=ApplicationStatus.SUBMITTED)  # one draft at a time
    applicant_client.post(reverse("labels:start", args=[campaign.pk]))
    Application.objects.filter(owner=applicant).update(status=ApplicationStatus.SUBMITTED)
    response = applicant_client.post(reverse("labels:start", args=[campaign.pk]), follow=True)
    assert Application.objects.filter(owner=applicant).count() == 2
    assert "Vous avez déjà 2 candidatures en cours pour cette campagne" in response.content.decode()


def test_stored_bytes_per_account(applicant_client, applicant, campaign, limits, clock, settings):
    limits(STORAGE_MB_PER_ACCOUNT=1)
    first, second = ApplicationFactory(campaign=campaign, owner=applicant), ApplicationFactory(
        campaign=campaign, owner=applicant)
    services.add_attachment(first.pk, applicant, clock(), SimpleUploadedFile("a.pdf", PDF + b"0" * 600_000))
    response = applicant_client.post(reverse("labels:step", args=[second.pk, "pieces-jointes"]),
                                     {"file": SimpleUploadedFile("b.pdf", PDF + b"0" * 600_000)})
    assert "1 Mo de fichiers au plus par compte" in errors_of(response)
    assert Attachment.objects.count() == 1


# --- Office documents: their ZIP's central directory, never decompressed ----------------------------


def docx(extra_members=(), member_size=0):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", "<x/>" + " " * member_size)
        for name in extra_members:
            archive.writestr(name, "")
    return buffer.getvalue()


def test_an_office_document_inflating_beyond_the_limit_is_refused(limits):
    limits(ARCHIVE_MB_UNCOMPRESSED=1)
    data = docx(member_size=2 * 1024 * 1024)
    assert len(data) < 20_000
    with pytest.raises(attachments.ValidationError, match="plus de 1 Mo une fois décompressé"):
        attachments.validate_upload(SimpleUploadedFile("bombe.docx", data), 0)


def test_an_office_document_of_too_many_entries_is_refused_before_its_directory_is_read(limits, monkeypatch):
    limits(ARCHIVE_ENTRIES=50)
    data = docx(extra_members=[f"word/media/{n}.xml" for n in range(60)])

    def no_parsing(*args, **kwargs):
        raise AssertionError("the central directory was parsed")

    monkeypatch.setattr(attachments.zipfile, "ZipFile", no_parsing)
    with pytest.raises(attachments.ValidationError, match="50 éléments au plus"):
        attachments.validate_upload(SimpleUploadedFile("milliers.docx", data), 0)


def test_an_end_record_that_understates_its_entries_is_still_caught(limits):
    limits(ARCHIVE_ENTRIES=50)
    data = bytearray(docx(extra_members=[f"word/media/{n}.xml" for n in range(60)]))
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 12] = (3).to_bytes(2, "little") * 2  # "3 entries", while the directory lists 62
    with pytest.raises(attachments.ValidationError, match="50 éléments au plus"):
        attachments.validate_upload(SimpleUploadedFile("menteur.docx", bytes(data)), 0)


@pytest.mark.parametrize(("data", "refusal"), [
    (lambda: docx(member_size=2 * 1024 * 1024), "plus de 1 Mo une fois décompressé"),
    (lambda: docx(extra_members=[f"word/media/{n}.xml" for n in range(60)]), "50 éléments au plus"),
], ids=["inflating", "many entries"])
def test_the_upload_form_refuses_such_a_document_next_to_the_field_and_stores_nothing(applicant_client, draft, clock,
                                                                                       limits, data, refusal):
    limits(ARCHIVE_MB_UNCOMPRESSED=1, ARCHIVE_ENTRIES=50)
    response = applicant_client.post(reverse("labels:step", args=[draft.pk, "pieces-jointes"]),
                                     {"file": SimpleUploadedFile("dossier.docx", data())})
    assert response.status_code == 200
    assert refusal in errors_of(response)
    assert not Attachment.objects.exists()


def test_an_ordinary_office_document_passes():
    assert attachments.validate_upload(SimpleUploadedFile("projet.docx", docx(member_size=50_000)), 0) == (
        attachments.DOCX, "projet.docx")
