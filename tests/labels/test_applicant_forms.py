"""What applicants are told, and when: eligibility at step 1, an honest checklist, the start-up form, SIRET
against SIREN, one draft per account and one application per organisation in a campaign, deleting a draft,
the rules linked, the withdrawal e-mail, and values written the French way."""

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from interconnectes.validators import luhn_valid
from labels import formatting, services
from labels.forms import STEP_FORMS
from labels.models import Application, ApplicationEvent, ApplicationStatus, Attachment, EventKind
from labels.snapshot import display_rows, snapshot
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, UserFactory, siren

pytestmark = pytest.mark.django_db

CAN_SUBMIT = "vous pouvez relire le récapitulatif et déposer"
TOO_OLD = "réservé aux entreprises créées moins de 4 ans avant la date de clôture"


def step_url(application, slug):
    return reverse("labels:step", args=[application.pk, slug])


def step_data(application, slug, **extra):
    form = STEP_FORMS[slug](instance=application)
    data = {name: form[name].value() for name in form.fields}
    return {**{k: ("" if v is None else v) for k, v in data.items()}, "action": "save", **extra}


def siret_of(siren_digits, establishment=1):
    """A Luhn-valid SIRET of the company `siren_digits`."""
    for nic in range(establishment * 10, establishment * 10 + 100):
        candidate = f"{siren_digits}{nic:05d}"
        if luhn_valid(candidate):
            return candidate
    raise AssertionError


@pytest.fixture
def startup_campaign(label_index):
    return LabelCampaignPageFactory(parent=label_index, label="startup-interconnectee",
                                    title="Label « Start-up interconnectée » 2026")


@pytest.fixture
def startup_draft(startup_campaign, applicant):
    return ApplicationFactory(campaign=startup_campaign, owner=applicant, org_kind="startup", population=None,
                              org_created_on=datetime.date(2024, 1, 1), org_name="Jeune pousse")


def checklist_of(html):
    return html[html.index('class="checklist"'):].split("</section>")[0]


def progress_of(html):
    return html[html.index('class="steps"'):].split("</nav>")[0]


# Eligibility at step 1 -------------------------------------------------------------------------------------

def test_a_startup_too_old_is_refused_at_step_one_next_to_the_date(applicant_client, startup_draft, clock):
    response = applicant_client.post(step_url(startup_draft, "organisation"), step_data(
        startup_draft, "organisation", org_created_on="2015-03-01"))
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(r'<ul class="errorlist" id="id_org_created_on_error">(.*?)</ul>', html, re.S).group(1)
    assert TOO_OLD in error
    assert re.search(r'<input[^>]*name="org_created_on"[^>]*value="2015-03-01"', html)
    assert 'aria-describedby="id_org_created_on_helptext id_org_created_on_error"' in html
    assert 'class="is-current"' in progress_of(html)
    startup_draft.refresh_from_db()
    assert startup_draft.org_created_on == datetime.date(2015, 3, 1)  # kept, and blocking until corrected
    summary = applicant_client.get(step_url(startup_draft, "recapitulatif")).content.decode()
    assert re.search(r'<li class="is-incomplete">\s*<a href="[^"]*/organisation/"', progress_of(summary))
    assert TOO_OLD in checklist_of(summary)
    assert CAN_SUBMIT not in summary


def test_a_young_startup_passes_step_one_and_may_submit(applicant_client, startup_draft, clock):
    response = applicant_client.post(step_url(startup_draft, "organisation"), step_data(
        startup_draft, "organisation", org_created_on="2023-06-01"))
    assert response.status_code == 302
    summary = applicant_client.get(step_url(startup_draft, "recapitulatif")).content.decode()
    assert re.search(r'<li class="is-complete">\s*<a href="[^"]*/organisation/"', progress_of(summary))
    assert CAN_SUBMIT in checklist_of(summary)


def test_a_company_is_refused_at_step_one_of_territoire_innovant_by_kind(applicant_client, draft, clock):
    form = STEP_FORMS["organisation"](data={**step_data(draft, "organisation"), "org_kind": "entreprise"},
                                      instance=draft)
    assert not form.is_valid()
    assert form.errors["org_kind"]  # not one of the offered kinds


# The checklist never says "vous pouvez déposer" when it cannot ----------------------------------------------

def test_a_withdrawn_file_is_read_only_in_the_checklist(applicant_client, draft, clock):
    services.submit(draft.pk, draft.owner, clock(), lambda a: "")
    html = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert CAN_SUBMIT not in html and "Candidature déposée (référence" in checklist_of(html)
    services.withdraw(draft.pk, draft.owner, clock())
    html = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert CAN_SUBMIT not in html
    assert "lecture seule" in checklist_of(html) and "État de la candidature" in checklist_of(html)


def test_a_duplicate_blocks_the_checklist(client, campaign, clock):
    first = ApplicationFactory(campaign=campaign, siren="732829320")
    services.submit(first.pk, first.owner, clock(), lambda a: "")
    second = ApplicationFactory(campaign=campaign, siren="732829320")
    client.force_login(second.owner)
    html = client.get(step_url(second, "recapitulatif")).content.decode()
    assert "même SIREN" in checklist_of(html) and CAN_SUBMIT not in html


# Each label's own form ------------------------------------------------------------------------------------

def test_the_startup_form_has_its_own_kinds_and_no_population(applicant_client, startup_draft, clock):
    form = STEP_FORMS["organisation"](instance=startup_draft)
    assert "population" not in form.fields
    assert [value for value, _label in form.fields["org_kind"].choices] == ["", "entreprise", "startup"]
    html = applicant_client.get(step_url(startup_draft, "organisation")).content.decode()
    assert 'name="population"' not in html and '<option value="commune"' not in html
    assert "Population" not in applicant_client.get(step_url(startup_draft, "recapitulatif")).content.decode()


def test_the_territoire_innovant_form_offers_local_governments_only(draft):
    form = STEP_FORMS["organisation"](instance=draft)
    kinds = [value for value, _label in form.fields["org_kind"].choices]
    assert "population" in form.fields
    assert "commune" in kinds and "region" in kinds
    assert "startup" not in kinds and "entreprise" not in kinds


# SIRET against SIREN ------------------------------------------------------------------------------------

def test_a_siret_of_another_company_is_refused_in_french(applicant_client, draft, clock):
    other = siret_of(siren(12345678))
    response = applicant_client.post(step_url(draft, "organisation"), step_data(draft, "organisation", siret=other))
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Ce SIRET n'appartient pas au SIREN indiqué" in html
    assert re.search(rf'<input[^>]*name="siret"[^>]*value="{other}"', html)
    draft.refresh_from_db()
    assert draft.siret == ""


def test_a_siret_with_a_wrong_key_is_refused(applicant_client, draft, clock):
    good = siret_of(draft.siren)
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    response = applicant_client.post(step_url(draft, "organisation"), step_data(draft, "organisation", siret=wrong))
    assert "Ce numéro SIRET n'est pas valide" in unescape(response.content.decode())


def test_the_siret_of_the_siren_is_saved(applicant_client, draft, clock):
    good = siret_of(draft.siren)
    response = applicant_client.post(step_url(draft, "organisation"), step_data(draft, "organisation", siret=good))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.siret == good


# One draft per campaign, and deleting it ------------------------------------------------------------------

def test_a_second_apply_opens_the_existing_draft(applicant_client, applicant, campaign, clock):
    applicant_client.post(reverse("labels:start", args=[campaign.pk]))
    draft = Application.objects.get()
    response = applicant_client.post(reverse("labels:start", args=[campaign.pk]), follow=True)
    assert Application.objects.count() == 1
    assert response.redirect_chain[-1][0] == step_url(draft, "recapitulatif")
    assert "Vous avez déjà un brouillon pour cette campagne" in response.content.decode()


def test_a_coeditor_applying_again_opens_the_shared_draft(client, draft, clock):
    colleague = UserFactory()
    draft.coeditors.create(email=colleague.email, user=colleague)
    assert services.start(draft.campaign, colleague, clock()).application == draft
    assert Application.objects.count() == 1


@pytest.mark.parametrize(("status", "message"), [
    (ApplicationStatus.DRAFT, "Un brouillon existe déjà pour cette organisation (même SIREN) dans cette campagne"),
    (ApplicationStatus.SUBMITTED, "Une candidature de cette organisation (même SIREN) est déjà déposée"),
])
def test_an_organisation_has_one_application_per_campaign(applicant_client, draft, clock, status, message):
    """A colleague's draft or filed application holds the SIREN: a second draft cannot take it, and is sent to
    ask for an invitation, without being told whose it is; what was typed stays in the field, unsaved."""
    colleague = ApplicationFactory(campaign=draft.campaign, status=status, siren=siren(55500011),
                                   contact_name="Dominique Martin")
    response = applicant_client.post(step_url(draft, "organisation"),
                                     step_data(draft, "organisation", siren="555 000 11" + colleague.siren[-1]))
    html = unescape(response.content.decode())
    assert response.status_code == 200 and message in html and "Dominique Martin" not in html
    assert re.search(r'<input[^>]*name="siren"[^>]*value="555 000 11\d"', html)
    before = draft.siren
    draft.refresh_from_db()
    assert draft.siren == before


def test_a_withdrawn_application_or_another_campaign_leaves_the_siren_free(applicant_client, draft, label_index,
                                                                           clock):
    ApplicationFactory(campaign=draft.campaign, status=ApplicationStatus.WITHDRAWN, siren=siren(55500011))
    ApplicationFactory(campaign=LabelCampaignPageFactory(parent=label_index), siren=siren(55500011))
    response = applicant_client.post(step_url(draft, "organisation"),
                                     step_data(draft, "organisation", siren=siren(55500011)))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.siren == siren(55500011)


def test_the_owner_deletes_a_draft_and_nothing_is_left(applicant_client, draft, clock,
                                                       django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    attachment = services.add_attachment(draft.pk, draft.owner, clock(), SimpleUploadedFile("annexe.pdf", pdf))
    stored = attachment.file.name
    storage = attachment.file.storage
    assert storage.exists(stored)
    url = reverse("labels:delete_draft", args=[draft.pk])
    summary = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert f'href="{url}"' in summary
    confirm = applicant_client.get(url)
    assert confirm.status_code == 200 and "Supprimer définitivement" in confirm.content.decode()
    assert Application.objects.filter(pk=draft.pk).exists()  # the GET only asks
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(url)
    assert response["Location"] == reverse("labels:dashboard")
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not Attachment.objects.exists() and not ApplicationEvent.objects.exists()
    assert not storage.exists(stored)


def test_another_account_cannot_delete_a_draft(client, draft, other_applicant, clock):
    client.force_login(other_applicant)
    url = reverse("labels:delete_draft", args=[draft.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Application.objects.filter(pk=draft.pk).exists()


def test_a_coeditor_cannot_delete_the_draft(client, draft, clock):
    colleague = UserFactory()
    draft.coeditors.create(email=colleague.email, user=colleague)
    client.force_login(colleague)
    client.post(reverse("labels:delete_draft", args=[draft.pk]))
    assert Application.objects.filter(pk=draft.pk).exists()
    with pytest.raises(services.Refused):
        services.delete_draft(draft.pk, colleague, clock())


def test_a_submitted_file_cannot_be_deleted(applicant_client, draft, clock):
    services.submit(draft.pk, draft.owner, clock(), lambda a: "")
    applicant_client.post(reverse("labels:delete_draft", args=[draft.pk]))
    assert Application.objects.filter(pk=draft.pk).exists()
    summary = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert reverse("labels:delete_draft", args=[draft.pk]) not in summary


# The rules linked, the withdrawal e-mail ------------------------------------------------------------------

def test_the_consent_box_links_the_rules(applicant_client, draft, campaign, clock):
    campaign.rules = "<p>Article 1 : le label est ouvert aux collectivités.</p>"
    campaign.save_revision().publish()
    html = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert f'<a href="{campaign.url}#rules-title">Lire le règlement du label</a>' in html
    assert 'aria-describedby="id_consent_rules_helptext"' in html
    assert 'id="rules-title"' in applicant_client.get(campaign.url).content.decode()


def test_withdrawal_sends_an_email(applicant_client, draft, clock):
    services.submit(draft.pk, draft.owner, clock(), lambda a: "")
    mail.outbox.clear()
    applicant_client.post(reverse("labels:withdraw", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.WITHDRAWN
    [message] = mail.outbox
    assert message.to == [draft.owner.email]
    assert message.subject == f"Candidature {draft.reference} retirée"
    assert "a été retirée le 1 mars 2026 à 10:00" in message.body
    assert "retirée" in message.alternatives[0][0]
    assert draft.events.filter(kind=EventKind.WITHDRAWN).exists()


# French formats -----------------------------------------------------------------------------------------

def test_summary_rows_show_formatted_values(startup_draft):
    startup_draft.org_created_on = datetime.date(2015, 3, 1)
    startup_draft.budget = 85000
    rows = dict(display_rows(snapshot(startup_draft)))
    assert rows["date de création"] == "1er mars 2015"
    assert rows["budget (en euros)"] == "85\u202f000\u00a0€"


@pytest.mark.parametrize(("value", "text"), [
    (10 * 1024 * 1024, "10\u00a0Mo"), (int(2.5 * 1024 * 1024), "2,5\u00a0Mo"), (850 * 1024, "850\u00a0ko"),
    (12, "12\u00a0o"),
])
def test_sizes_are_written_in_mo(value, text):
    assert formatting.size(value) == text


def test_numbers_and_plurals():
    assert formatting.number(1234567) == "1\u202f234\u202f567" and formatting.number(42) == "42"
    assert [formatting.is_plural(n) for n in (0, 1, 2)] == [False, False, True]


def test_receipt_and_header_write_the_campaign_without_nested_quotes(applicant_client, startup_draft, clock):
    services.submit(startup_draft.pk, startup_draft.owner, clock(), lambda a: "")
    html = applicant_client.get(reverse("labels:receipt", args=[startup_draft.pk])).content.decode()
    assert "à la campagne Label « Start-up interconnectée » 2026, version 1" in html
    assert "« Label «" not in html and "« Label &laquo;" not in html
    header = applicant_client.get(step_url(startup_draft, "recapitulatif")).content.decode()
    assert "jours environ" in header and "jour(s)" not in header


def test_attachment_sizes_are_written_in_french_units(applicant_client, draft, clock):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    services.add_attachment(draft.pk, draft.owner, clock(),
                            SimpleUploadedFile("annexe.pdf", pdf + b"0" * (2048 - len(pdf))))
    html = applicant_client.get(step_url(draft, "pieces-jointes")).content.decode()
    assert "annexe.pdf</a> (2\u00a0ko)" in html and "Kio" not in html and "10 Mo au plus" in html
    summary = applicant_client.get(step_url(draft, "recapitulatif")).content.decode()
    assert "annexe.pdf (2\u00a0ko)" in summary
