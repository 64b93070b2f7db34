"""Stored XSS and formula injection, from the applicant's first keystroke to the published results.

Each payload goes, through the real views, into every text field an
applicant fills (the three form steps, the file name of an attachment), every
text a juror writes (score comments, overall comment, conflict reason) and
every text campaign staff write at deliberation (citation, feedback,
minutes). Then every page, e-mail and export that shows those texts is
checked: markup comes back escaped, and spreadsheet cells that would run as
formulas start with an apostrophe.
"""

import pytest
from django import forms
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from interconnectes.models import OrganisationKind
from interconnectes.regions import Region
from jury.models import ConflictDeclaration, Decision, DecisionOutcome, Score, ScoreSheet
from labels.forms import STEP_FORMS
from labels.models import Application
from tests.hostile import (
    FORMULA_PAYLOADS,
    PAYLOADS,
    assert_inert,
    assert_no_formula,
    assert_shown,
    csv_cells,
    xlsx_cells,
)
from tests.jury.factories import DELIBERATION, OPEN, JuryMemberFactory, JuryRoundFactory, frozen
from tests.labels.factories import siren

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
# Fields whose value must be valid for the application to be submitted; every other text field takes the payload.
VALID = {"org_kind": OrganisationKind.COMMUNE, "org_region": Region.BRETAGNE, "siren": siren(21350001),
         "siret": "", "population": "4200", "org_created_on": "", "budget": "45000"}
CHECKED_FORMATS = ("siren", "siret", "contact_email")  # validated: the payload is refused, then shown back escaped


def text_fields(slug):
    """The free-text fields of a step (plain CharFields: not choices, numbers, dates or validated formats)."""
    return [name for name, field in STEP_FORMS[slug].base_fields.items()
            if type(field) is forms.CharField and name not in CHECKED_FORMATS and name not in VALID]


def page(client, url, payload, where, *, shown=True):
    response = client.get(url)
    assert response.status_code == 200, f"{where}: {response.status_code}"
    assert_inert(response.content, where)
    if shown:
        assert_shown(response.content, payload, where)
    return response


def check_mail(message, payload, where):
    html_part = message.alternatives[0][0]
    assert_inert(html_part, f"{where} (HTML)")
    assert_shown(html_part, payload, f"{where} (HTML)")
    # The text part is text/plain: a mail client shows its characters and never interprets them.
    assert message.content_subtype == "plain" and payload in message.body, f"{where} (texte)"
    assert "\n" not in message.subject and "<script" not in message.subject


def check_export(content, fmt, payload, where):
    cells = csv_cells(content) if fmt == "csv" else xlsx_cells(content)
    assert_no_formula(cells, where)
    expected = f"'{payload}" if payload in FORMULA_PAYLOADS else payload
    assert any(isinstance(cell, str) and expected in cell for cell in cells), f"{where}: {expected!r} absent"


@pytest.fixture
def applicant_files(applicant_client, applicant, campaign, clock):
    """Drive the applicant's views with the payload everywhere; returns the submitted application."""

    def fill(payload):
        applicant_client.post(reverse("labels:start", args=[campaign.pk]))
        application = Application.objects.get(owner=applicant)
        for slug in STEP_FORMS:
            url = reverse("labels:step", args=[application.pk, slug])
            # A payload in the validated fields: refused, and the form comes back escaped.
            wrong = {name: payload for name in CHECKED_FORMATS if name in STEP_FORMS[slug].base_fields}
            if wrong:
                response = applicant_client.post(url, {**wrong, "action": "save"})
                assert_inert(response.content, f"étape {slug} refusée")
                assert_shown(response.content, payload, f"étape {slug} refusée")
            data = {name: payload for name in text_fields(slug)}
            data.update({name: value for name, value in VALID.items() if name in STEP_FORMS[slug].base_fields})
            if slug == "organisation":
                data["contact_email"] = applicant.email
            if slug == "projet":
                data["category"] = campaign.categories.first().pk
            assert applicant_client.post(url, {**data, "action": "save"}).status_code == 302
            page(applicant_client, url, payload, f"étape {slug}")
        application.refresh_from_db()
        for name in text_fields("organisation") + text_fields("projet") + text_fields("impact"):
            assert getattr(application, name) == payload, name
        attachments = reverse("labels:step", args=[application.pk, "pieces-jointes"])
        applicant_client.post(attachments, {"file": SimpleUploadedFile(f"{payload}.pdf", PDF)})
        page(applicant_client, attachments, payload, "pièces jointes", shown=False)
        page(applicant_client, reverse("labels:step", args=[application.pk, "recapitulatif"]), payload,
             "récapitulatif")
        response = applicant_client.post(reverse("labels:submit", args=[application.pk]),
                                         {"consent_rules": "on", "consent_data": "on"})
        assert response.status_code == 302 and response["Location"].endswith("/recu/"), response.content[:500]
        page(applicant_client, reverse("labels:receipt", args=[application.pk]), payload, "accusé de réception")
        [receipt] = mail.outbox
        check_mail(receipt, payload, "e-mail d'accusé de réception")
        return Application.objects.get(pk=application.pk)

    return fill


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_stays_text_from_application_to_published_results(
        payload, applicant_files, client, applicant, campaign, clock, criteria, campaign_staff,
        django_capture_on_commit_callbacks):
    application = applicant_files(payload)
    client.logout()

    # Staff read the application in the admin and export the list.
    client.force_login(campaign_staff)
    page(client, reverse("labels_application:index"), payload, "liste des candidatures")
    page(client, reverse("labels_application:inspect", args=[application.pk]), payload, "fiche candidature")
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("labels_application:index"), {"export": fmt})
        check_export(b"".join(response.streaming_content) if response.streaming else response.content, fmt, payload,
                     f"export des candidatures ({fmt})")

    # Jurors: one scores with comments, the other declares a conflict with a reason.
    jury_round = JuryRoundFactory(campaign=campaign)
    scorer, conflicted = JuryMemberFactory(campaign=campaign), JuryMemberFactory(campaign=campaign)
    for juror in (scorer, conflicted):
        jury_round.assignments.create(juror=juror, application=application)
    clock.set(OPEN)
    file_args = [jury_round.pk, application.pk]
    client.force_login(conflicted.user)
    response = client.post(reverse("jury:declare", args=file_args), {"reason": payload})  # no answer: refused
    assert_inert(response.content, "déclaration refusée")
    assert_shown(response.content, payload, "déclaration refusée")
    assert client.post(reverse("jury:declare", args=file_args), {"answer": "conflit", "reason": payload}
                       ).status_code == 302
    assert ConflictDeclaration.objects.get(juror=conflicted).reason == payload
    client.force_login(scorer.user)
    page(client, reverse("jury:round", args=[jury_round.pk]), payload, "dossiers du juré")
    assert client.post(reverse("jury:declare", args=file_args), {"answer": "aucun"}).status_code == 302
    impact, sobriety = (frozen(jury_round, criterion) for criterion in criteria)
    sheet = reverse("jury:sheet", args=file_args)
    assert client.post(sheet, {f"score_{impact.pk}": "0", f"comment_{impact.pk}": payload,
                               f"score_{sobriety.pk}": "4", f"comment_{sobriety.pk}": payload,
                               "overall_comment": payload, "loaded_at": ""}).status_code == 302
    assert set(Score.objects.values_list("comment", flat=True)) == {payload}
    assert ScoreSheet.objects.get().overall_comment == payload
    page(client, sheet, payload, "fiche de notation")

    # Staff follow, rank, export, deliberate and publish.
    client.force_login(campaign_staff)
    page(client, reverse("jury:progress", args=[jury_round.pk]), payload, "suivi du tour")
    page(client, reverse("jury:ranking", args=[jury_round.pk]), payload, "classement")
    page(client, reverse("jury:ranking", args=[jury_round.pk]) + "?vue=jures", payload, "jurés et graphiques",
         shown=False)
    for kind in ("classement", "notes"):
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse("jury:export", args=[jury_round.pk, kind, fmt]))
            check_export(response.content, fmt, payload, f"export {kind} ({fmt})")
    clock.set(DELIBERATION)
    decide = reverse("jury:decide", args=file_args)
    assert client.post(decide, {"outcome": f"{DecisionOutcome.LAUREATE}:Or", "citation": payload, "feedback": payload,
                                "minutes": payload}).status_code == 302
    assert Decision.objects.get().minutes == payload
    page(client, decide, payload, "délibération")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jury:publish", args=[campaign.pk]), {"confirm": "on"})
    assert response.status_code == 302
    [result] = mail.outbox
    check_mail(result, payload, "e-mail de résultat")

    # The public pages and the applicant's dashboard after publication.
    client.logout()
    page(client, campaign.url, payload, "page de la campagne")
    page(client, "/labels/laureats/", payload, "archive des lauréats")
    client.force_login(applicant)
    page(client, reverse("labels:dashboard"), payload, "tableau de bord", shown=False)
