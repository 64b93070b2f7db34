"""Drafts, submission, versions, deadline, reopening, withdrawal and e-mails."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from labels import services
from labels.forms import STEP_FORMS
from labels.models import Application, ApplicationEvent, ApplicationStatus, EventKind
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, UserFactory, paris

pytestmark = pytest.mark.django_db


def step_url(application, slug):
    return reverse("labels:step", args=[application.pk, slug])


def step_data(application, slug, **extra):
    """What the browser would post for this step, with the application's current values."""
    form = STEP_FORMS[slug](instance=application)
    data = {name: form[name].value() for name in form.fields}
    return {**{k: ("" if v is None else v) for k, v in data.items()}, "action": "save", **extra}


def submit(client, application, **extra):
    return client.post(reverse("labels:submit", args=[application.pk]),
                       {"consent_rules": "on", "consent_data": "on", **extra})


def test_start_creates_a_draft_owned_by_the_user(applicant_client, applicant, campaign, clock):
    response = applicant_client.post(reverse("labels:start", args=[campaign.pk]))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == step_url(application, "organisation")
    assert application.owner == applicant
    assert application.status == ApplicationStatus.DRAFT
    assert application.events.get().kind == EventKind.CREATED


def test_start_refused_when_campaign_is_not_open(applicant_client, campaign, clock):
    clock.set(2026, 4, 2, 10, 0)
    applicant_client.post(reverse("labels:start", args=[campaign.pk]))
    assert not Application.objects.exists()


def test_draft_is_saved_without_required_fields_and_resumed(client, applicant, campaign, clock):
    client.force_login(applicant)
    application = Application.objects.create(campaign=campaign, owner=applicant)
    response = client.post(step_url(application, "organisation"),
                           {"org_name": "Ville de Lyon", "siren": "", "action": "save"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.org_name == "Ville de Lyon"
    # Another device: a new session finds the draft.
    client.logout()
    client.force_login(applicant)
    response = client.get(step_url(application, "organisation"))
    assert 'value="Ville de Lyon"' in response.content.decode()


def test_invalid_field_keeps_typed_values_and_saves_the_valid_ones(applicant_client, applicant, campaign, clock):
    application = Application.objects.create(campaign=campaign, owner=applicant)
    response = applicant_client.post(step_url(application, "organisation"),
                                     {"org_name": "Ville de Nantes", "siren": "123456789", "action": "save"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "SIREN n&#x27;est pas valide" in content
    assert 'value="123456789"' in content
    assert 'aria-describedby="id_siren_helptext id_siren_error"' in content
    application.refresh_from_db()
    assert application.org_name == "Ville de Nantes"
    assert application.siren == ""


def test_siren_with_spaces_is_accepted(applicant_client, draft, clock):
    applicant_client.post(step_url(draft, "organisation"), {"org_name": "X", "siren": "444 444 442", "action": "save"})
    draft.refresh_from_db()
    assert draft.siren == "444444442"


def test_autosave_answers_json_with_the_time(applicant_client, draft, clock):
    response = applicant_client.post(step_url(draft, "projet"), {"title": "Nouveau titre"}, HTTP_X_AUTOSAVE="1")
    assert response.json()["saved_at"] == "10:00"
    draft.refresh_from_db()
    assert draft.title == "Nouveau titre"


def test_next_button_goes_to_the_next_step(applicant_client, draft, clock):
    response = applicant_client.post(step_url(draft, "projet"), {"title": "T", "action": "next"})
    assert response["Location"] == step_url(draft, "impact")


def test_hidden_fields_cannot_be_set_by_posting_them(applicant_client, applicant, draft, campaign, clock):
    other_campaign = LabelCampaignPageFactory(parent=campaign.get_parent())
    intruder = UserFactory()
    for slug in ("organisation", "projet", "impact"):
        applicant_client.post(step_url(draft, slug), step_data(
            draft, slug, status=ApplicationStatus.LAUREATE, reference="TI-2026-9999", owner=intruder.pk,
            campaign=other_campaign.pk, anonymised="on", reopened_until="2030-01-01 00:00",
        ))
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.reference is None
    assert draft.owner == applicant
    assert draft.campaign_id == campaign.pk
    assert draft.reopened_until is None
    submit(applicant_client, draft, status=ApplicationStatus.LAUREATE, reference="X-1", owner=intruder.pk)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.reference == "TI-2026-0001"
    assert draft.owner == applicant


def test_submission_refused_with_missing_fields_keeps_the_draft(applicant_client, applicant, campaign, clock):
    application = Application.objects.create(campaign=campaign, owner=applicant, title="Mon projet")
    response = submit(applicant_client, application)
    assert response["Location"] == step_url(application, "recapitulatif")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.title == "Mon projet"
    assert application.reference is None
    page = applicant_client.get(step_url(application, "recapitulatif")).content.decode()
    assert "Il manque des informations" in page
    assert "nom de l&#x27;organisation" in page.lower() or "nom de l'organisation" in page.lower()
    assert not mail.outbox


def test_submission_gives_reference_version_and_receipt_email(applicant_client, applicant, draft, clock):
    response = submit(applicant_client, draft)
    assert response["Location"] == reverse("labels:receipt", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.reference == "TI-2026-0001"
    version = draft.versions.get()
    assert version.number == 1 and version.created_by == applicant
    assert version.snapshot["title"] == draft.title
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "TI-2026-0001" in message.subject
    assert "TI-2026-0001" in message.body
    assert draft.title in message.body
    assert "&#x27;" not in message.body
    assert message.to == [applicant.email]
    html = message.alternatives[0][0]
    assert "TI-2026-0001" in html
    receipt = applicant_client.get(reverse("labels:receipt", args=[draft.pk]))
    assert "TI-2026-0001" in receipt.content.decode()


def test_references_are_numbered_per_campaign(campaign, clock):
    first, second = ApplicationFactory(campaign=campaign), ApplicationFactory(campaign=campaign)
    for application in (first, second):
        services.submit(application.pk, application.owner, clock(), lambda a: "http://localhost/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.reference, second.reference) == ("TI-2026-0001", "TI-2026-0002")


def test_double_click_yields_one_submission(applicant_client, draft, clock):
    submit(applicant_client, draft)
    response = submit(applicant_client, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.versions.count() == 1
    assert len(mail.outbox) == 1
    assert draft.reference == "TI-2026-0001"


def test_edit_and_resubmit_creates_a_new_version(applicant_client, draft, clock):
    submit(applicant_client, draft)
    clock.set(2026, 3, 2, 11, 0)
    applicant_client.post(step_url(draft, "projet"), step_data(draft, "projet", title="Titre révisé"))
    draft.refresh_from_db()
    assert draft.has_unsubmitted_changes
    assert draft.status == ApplicationStatus.SUBMITTED
    submit(applicant_client, draft)
    draft.refresh_from_db()
    versions = list(draft.versions.all())
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].changed_fields == ["title"]
    assert versions[0].snapshot["title"] != versions[1].snapshot["title"]
    assert draft.reference == "TI-2026-0001"
    assert not draft.has_unsubmitted_changes
    assert len(mail.outbox) == 2
    assert list(draft.events.values_list("kind", flat=True)) == [EventKind.SUBMITTED, EventKind.RESUBMITTED]


@pytest.mark.parametrize(("closes_at", "offset", "accepted"), [
    (paris(2026, 3, 31, 23, 59, 59), -1, True),
    (paris(2026, 3, 31, 23, 59, 59), 0, True),
    (paris(2026, 3, 31, 23, 59, 59), 0.4, True),  # within the closing second, which is inclusive
    (paris(2026, 3, 31, 23, 59, 59), 1, False),
    # Daylight-saving days: 29 March 2026 (02:00 → 03:00) and 25 October 2026 (03:00 → 02:00).
    (paris(2026, 3, 29, 3, 0), -1, True),
    (paris(2026, 3, 29, 3, 0), 1, False),
    (paris(2026, 10, 25, 2, 30), -1, True),
    (paris(2026, 10, 25, 2, 30), 1, False),
])
def test_submission_racing_the_deadline(applicant_client, label_index, applicant, clock, closes_at, offset, accepted):
    campaign = LabelCampaignPageFactory(parent=label_index, closes_at=closes_at)
    application = ApplicationFactory(campaign=campaign, owner=applicant)
    # Arithmetic in UTC: "03:00 − 1 s" in Paris wall-clock time would be 02:59:59, which does not exist that day.
    clock.set(closes_at.astimezone(datetime.UTC) + datetime.timedelta(seconds=offset))
    response = submit(applicant_client, application)
    application.refresh_from_db()
    assert (application.status == ApplicationStatus.SUBMITTED) is accepted
    if not accepted:
        assert response["Location"] == step_url(application, "recapitulatif")
        page = applicant_client.get(response["Location"]).content.decode()
        assert "date limite de dépôt est passée" in page
        assert not mail.outbox


@pytest.mark.parametrize(("offset", "open_"), [(0.0, True), (0.4, True), (1.0, False)])
def test_the_lists_of_open_calls_keep_the_campaign_through_its_closing_second(applicant_client, client, campaign,
                                                                             clock, offset, open_):
    """The home page and the applicant's dashboard ask the database which campaigns are open: the stored
    `closes_at` (:59.000000) still counts 0.4 s into its second, on SQLite and PostgreSQL alike."""
    clock.set(campaign.closes_at.astimezone(datetime.UTC) + datetime.timedelta(seconds=offset))
    start = reverse("labels:start", args=[campaign.pk])
    dashboard = applicant_client.get(reverse("labels:dashboard")).content.decode()
    assert (start in dashboard) is open_
    assert (campaign.title in client.get("/").content.decode()) is open_
    applicant_client.post(start)
    assert Application.objects.filter(campaign=campaign).exists() is open_


def test_after_the_deadline_the_application_is_read_only(applicant_client, draft, clock):
    submit(applicant_client, draft)
    clock.set(2026, 4, 1, 0, 0)
    response = applicant_client.post(step_url(draft, "projet"), {"title": "Trop tard", "action": "save"})
    assert response.status_code == 302
    response = applicant_client.post(step_url(draft, "projet"), {"title": "Trop tard"}, HTTP_X_AUTOSAVE="1")
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.title != "Trop tard"
    assert not draft.has_unsubmitted_changes
    page = applicant_client.get(step_url(draft, "projet")).content.decode()
    assert "lecture seule" in page
    assert "<fieldset disabled>" in page


def test_staff_reopening_is_logged_and_emailed(applicant_client, draft, staff, clock):
    submit(applicant_client, draft)
    clock.set(2026, 4, 3, 10, 0)
    mail.outbox.clear()
    services.reopen(draft.pk, staff, clock(), paris(2026, 4, 10, 18, 0), "Merci de préciser le budget.",
                    "http://localhost/candidatures/")
    event = ApplicationEvent.objects.get(application=draft, kind=EventKind.REOPENED)
    assert event.actor == staff and event.reason == "Merci de préciser le budget."
    assert len(mail.outbox) == 1 and "préciser le budget" in mail.outbox[0].body
    applicant_client.post(step_url(draft, "impact"), step_data(draft, "impact", budget="52000"))
    submit(applicant_client, draft)
    draft.refresh_from_db()
    assert draft.budget == 52000
    assert draft.versions.count() == 2
    clock.set(2026, 4, 10, 18, 0, 1)
    applicant_client.post(step_url(draft, "impact"), {"budget": "1", "action": "save"})
    draft.refresh_from_db()
    assert draft.budget == 52000


def test_reopening_needs_staff_and_a_reason(draft, applicant, staff, clock):
    with pytest.raises(services.PermissionDenied):
        services.reopen(draft.pk, applicant, clock(), paris(2026, 4, 10), "x", "")
    with pytest.raises(services.Refused):
        services.reopen(draft.pk, staff, clock(), paris(2026, 4, 10), "  ", "")


def test_withdrawal_before_the_deadline(applicant_client, draft, clock):
    submit(applicant_client, draft)
    assert applicant_client.get(reverse("labels:withdraw", args=[draft.pk])).status_code == 200
    applicant_client.post(reverse("labels:withdraw", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.WITHDRAWN
    assert draft.events.filter(kind=EventKind.WITHDRAWN).exists()
    # Withdrawn is final: no edit, no resubmission.
    submit(applicant_client, draft)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.WITHDRAWN


def test_withdrawal_refused_after_the_deadline(applicant_client, draft, clock):
    submit(applicant_client, draft)
    clock.set(2026, 4, 1, 0, 0)
    applicant_client.post(reverse("labels:withdraw", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED


def test_one_application_per_organisation_and_campaign(client, campaign, clock):
    first = ApplicationFactory(campaign=campaign, siren="732829320")
    second = ApplicationFactory(campaign=campaign, siren="732829320", owner=first.owner)
    services.submit(first.pk, first.owner, clock(), lambda a: "")
    client.force_login(first.owner)
    response = submit(client, second)
    second.refresh_from_db()
    assert second.status == ApplicationStatus.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert "même SIREN" in page
    assert step_url(first, "recapitulatif") in page  # link to the existing one (visible to this user)


def test_duplicate_of_another_account_gives_no_link(client, campaign, clock):
    first = ApplicationFactory(campaign=campaign, siren="732829320")
    services.submit(first.pk, first.owner, clock(), lambda a: "")
    second = ApplicationFactory(campaign=campaign, siren="732829320")
    client.force_login(second.owner)
    response = submit(client, second)
    page = client.get(response["Location"]).content.decode()
    assert "même SIREN" in page
    assert step_url(first, "recapitulatif") not in page


def test_startup_too_old_is_refused_at_submission(client, label_index, clock):
    campaign = LabelCampaignPageFactory(parent=label_index, label="startup-interconnectee")
    application = ApplicationFactory(campaign=campaign, org_kind="startup", population=None,
                                     org_created_on=datetime.date(2020, 1, 1))
    client.force_login(application.owner)
    submit(client, application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    application.org_created_on = datetime.date(2024, 1, 1)
    application.save()
    submit(client, application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.reference == "SI-2026-0001"


def test_territoire_innovant_refuses_a_company(client, draft, clock):
    draft.org_kind = "entreprise"
    draft.save()
    client.force_login(draft.owner)
    submit(client, draft)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT


def test_staff_can_mark_ineligible_with_a_reason(draft, staff, clock):
    services.submit(draft.pk, draft.owner, clock(), lambda a: "")
    services.mark_ineligible(draft.pk, staff, clock(), "Hors périmètre")
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.INELIGIBLE
    assert draft.events.filter(kind=EventKind.INELIGIBLE, reason="Hors périmètre").exists()


def test_coeditor_can_edit_and_submit(client, draft, clock):
    colleague = UserFactory(email="collegue@example.org")
    client.force_login(draft.owner)
    client.post(reverse("labels:invite_coeditor", args=[draft.pk]), {"email": "Collegue@example.org"})
    assert mail.outbox[-1].to == ["collegue@example.org"]
    client.force_login(colleague)
    client.post(re.search(r"http://localhost(/\S+)", mail.outbox[-1].body).group(1))  # accept the invitation
    assert client.get(step_url(draft, "projet")).status_code == 200
    submit(client, draft)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.versions.get().created_by == colleague


@pytest.mark.parametrize(("slug", "data", "field"), [
    ("organisation", {"org_created_on": "31/02/2024"}, "org_created_on"),
    ("organisation", {"population": "-5"}, "population"),
    ("organisation", {"org_kind": "pirate"}, "org_kind"),
    ("organisation", {"contact_email": "pas-une-adresse"}, "contact_email"),
    ("organisation", {"siret": "1234567890123"}, "siret"),
    ("projet", {"category": "999999"}, "category"),
    ("projet", {"title": "x" * 500}, "title"),
    ("impact", {"budget": "99999999999999"}, "budget"),
    ("impact", {"budget": "abc"}, "budget"),
])
def test_bad_input_gives_french_errors_next_to_fields(applicant_client, draft, clock, slug, data, field):
    response = applicant_client.post(step_url(draft, slug), step_data(draft, slug, **data))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in content
    assert 'class="form-errors" role="alert"' in content


def test_category_of_another_campaign_is_refused(applicant_client, draft, campaign, clock):
    other = LabelCampaignPageFactory(parent=campaign.get_parent())
    foreign = other.categories.first()
    response = applicant_client.post(step_url(draft, "projet"), step_data(draft, "projet", category=foreign.pk))
    assert 'id="id_category_error"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.category.page_id == campaign.pk
