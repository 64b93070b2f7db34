"""The jury's pages as jurors and staff use them: declarations, score sheets, locks, progress, ranking, decisions,
publication; the site's login and the frame around them."""

import datetime
import html
import re

import pytest
from django.core import mail
from django.urls import reverse

from jury.models import Assignment, ConflictDeclaration, Decision, DecisionOutcome, Score, ScoreSheet, ScoreUnlock
from jury.services import conflicts, scores
from labels.models import Application, ApplicationStatus, ResultsPublication
from tests.jury.factories import CLOSED, DELIBERATION, OPEN, build_scored_round, frozen, save_sheet
from tests.queries import instances_built

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def juror_client(client, scene, clock):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    return client


def sheet_url(scene, application=None):
    return reverse("jury:sheet", args=[scene.round.pk, (application or scene.file).pk])


def scores_post(scene, criteria, impact="7", sobriety="4", **extra):
    """The score form as the browser posts it, for the round's frozen copies of the campaign's two criteria."""
    impact_criterion, sobriety_criterion = (frozen(scene.round, criterion) for criterion in criteria)
    data = {f"score_{impact_criterion.pk}": impact, f"comment_{impact_criterion.pk}": "Solide.",
            f"score_{sobriety_criterion.pk}": sobriety, f"comment_{sobriety_criterion.pk}": "",
            "overall_comment": "Beau projet.", "loaded_at": ""}
    data.update(extra)
    return data


# --- Juror ---------------------------------------------------------------------------------------

def test_juror_sees_their_files_and_progress(juror_client, scene):
    response = juror_client.get(reverse("jury:round", args=[scene.round.pk]))
    content = text(response)
    assert response.status_code == 200
    assert "0 / 2 notées" in content
    assert "Cantines sans gaspillage" in content and "Bus à la demande" in content
    assert "Projet secret des marais" not in content
    assert "Déclaration d'intérêts à faire" in content  # other_file is not declared yet


def test_a_file_opens_only_after_the_declaration(juror_client, scene):
    declare_url = reverse("jury:declare", args=[scene.round.pk, scene.other_file.pk])
    response = juror_client.get(sheet_url(scene, scene.other_file))
    assert response.status_code == 302 and response.url == declare_url
    response = juror_client.get(declare_url)
    assert response.status_code == 200
    assert "Bus à la demande" in text(response)
    assert "Impact" not in text(response)  # no score form, no file content yet
    response = juror_client.post(declare_url, {"answer": "aucun"})
    assert response.status_code == 302 and response.url == sheet_url(scene, scene.other_file)
    declaration = ConflictDeclaration.objects.get(juror=scene.juror_a, application=scene.other_file)
    assert declaration.has_conflict is False and declaration.declared_by == scene.juror_a.user
    assert juror_client.get(sheet_url(scene, scene.other_file)).status_code == 200


def test_a_conflict_needs_a_reason_and_removes_the_file(juror_client, scene):
    declare_url = reverse("jury:declare", args=[scene.round.pk, scene.other_file.pk])
    response = juror_client.post(declare_url, {"answer": "conflit", "reason": "  "})
    assert response.status_code == 200
    assert "Indiquez le motif du conflit d'intérêts." in text(response)
    assert 'aria-invalid="true"' in text(response) and 'aria-describedby="id_reason_helptext id_reason_error"' in \
        text(response)  # the service's refusal sits next to the field, tied to it
    assert re.search(r'<input[^>]*value="conflit"[^>]*checked', text(response))  # the choice is kept
    assert not ConflictDeclaration.objects.filter(application=scene.other_file).exists()
    response = juror_client.post(declare_url, {"answer": "conflit", "reason": "Mon conjoint y travaille"})
    assert response.status_code == 302
    assert juror_client.get(sheet_url(scene, scene.other_file)).status_code == 404
    assert juror_client.get(declare_url).status_code == 404
    listing = text(juror_client.get(reverse("jury:round", args=[scene.round.pk])))
    assert "Bus à la demande" not in listing and "0 / 1 notées" in listing


def test_declaration_without_a_choice_is_refused_in_french(juror_client, scene):
    response = juror_client.post(reverse("jury:declare", args=[scene.round.pk, scene.other_file.pk]), {})
    assert "Choisissez l'une des deux déclarations." in text(response)
    assert not ConflictDeclaration.objects.filter(application=scene.other_file).exists()


def test_the_sheet_shows_the_file_without_the_contact_details(juror_client, scene):
    content = text(juror_client.get(sheet_url(scene)))
    assert "Cantines sans gaspillage" in content and "annexe.pdf" in content
    assert "Recevabilité" in content
    assert scene.file.contact_email not in content
    assert "Pas encore enregistrée." in content


def test_scoring_saves_and_moves_the_progress(juror_client, scene, criteria):
    response = juror_client.post(sheet_url(scene), scores_post(scene, criteria))
    assert response.status_code == 302
    assert Score.objects.filter(juror=scene.juror_a, application=scene.file).count() == 2
    assert ScoreSheet.objects.get(juror=scene.juror_a, application=scene.file).overall_comment == "Beau projet."
    page = text(juror_client.get(response.url))
    assert "Notes enregistrées le" in page and "Dernier enregistrement le" in page
    assert "1 / 2 notées" in text(juror_client.get(reverse("jury:round", args=[scene.round.pk])))


@pytest.mark.parametrize("impact, sobriety, message", [
    ("11", "4", "doit être comprise entre 0 et 10"),
    ("-1", "4", "doit être comprise entre 0 et 10"),
    ("7,5", "4", "La note doit être un nombre entier."),
    ("0", "4", "Un commentaire est requis pour la note la plus basse"),
])
def test_bad_scores_are_refused_next_to_the_field_and_kept(juror_client, scene, criteria, impact, sobriety, message):
    data = scores_post(scene, criteria, impact=impact, sobriety=sobriety)
    data[f"comment_{frozen(scene.round, criteria[0]).pk}"] = ""
    response = juror_client.post(sheet_url(scene), data)
    content = text(response)
    assert response.status_code == 200
    assert message in content
    assert f'value="{impact}"' in content  # what the juror typed is kept
    assert 'aria-invalid="true"' in content
    assert not Score.objects.exists() and not ScoreSheet.objects.exists()


def test_a_closed_round_is_read_only_until_staff_unlock(juror_client, scene, criteria, clock, campaign_staff):
    juror_client.post(sheet_url(scene), scores_post(scene, criteria))
    clock.set(CLOSED)
    page = text(juror_client.get(sheet_url(scene)))
    assert "Ce tour est clos" in page and "Enregistrer mes notes" not in page and "<form" not in page.split(
        'id="notation-title"')[1].split("</section>")[0]
    assert "Mes notes (lecture seule)" in page and "7 / 10" in page  # the juror's scores, read-only
    juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="2"))
    assert Score.objects.get(juror=scene.juror_a, criterion__source=criteria[0]).value == 7
    scores.unlock(scene.round, scene.juror_a, by=campaign_staff, reason="Erreur de saisie",
                         until=CLOSED + datetime.timedelta(days=1), now=CLOSED)
    assert juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="2")).status_code == 302
    assert Score.objects.get(juror=scene.juror_a, criterion__source=criteria[0]).value == 2


def test_two_tabs_the_last_save_wins_and_the_form_says_so(juror_client, scene, criteria, clock):
    juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="5"))
    first = ScoreSheet.objects.get().updated_at.isoformat()
    clock.set(OPEN + datetime.timedelta(minutes=5))
    juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="6", loaded_at=first))  # tab 1
    clock.set(OPEN + datetime.timedelta(minutes=9))
    response = juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="9", loaded_at=first),
                                 follow=True)
    content = text(response)
    assert "avait été enregistrée depuis un autre onglet" in content
    assert Score.objects.get(criterion__source=criteria[0]).value == 9
    assert "à 12:09:00" in content  # the last save, Paris time


@pytest.mark.parametrize("loaded_at", ["2026-02-30T10:00:00", "2026-04-10T25:00:00+02:00", "hier"])
@pytest.mark.parametrize("first", [True, False], ids=["first save", "later save"])
def test_an_impossible_opening_date_is_refused_before_anything_is_saved(juror_client, scene, criteria, clock,
                                                                        loaded_at, first):
    if not first:
        juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="5"))
    before = list(Score.objects.values_list("criterion_id", "value", "updated_at").order_by("criterion_id"))
    sheets = list(ScoreSheet.objects.values_list("overall_comment", "updated_at"))
    clock.set(OPEN + datetime.timedelta(minutes=5))
    response = juror_client.post(sheet_url(scene), scores_post(scene, criteria, impact="9", loaded_at=loaded_at,
                                                                overall_comment="Nouvel avis."))
    content = text(response)
    assert response.status_code == 200
    assert "Vos notes n'ont pas été enregistrées" in content
    assert 'value="9"' in content and "Nouvel avis." in content  # what the juror typed is kept
    assert list(Score.objects.values_list("criterion_id", "value", "updated_at").order_by("criterion_id")) == before
    assert list(ScoreSheet.objects.values_list("overall_comment", "updated_at")) == sheets
    hidden = re.search(r'<input type="hidden" name="loaded_at"[^>]*>', response.content.decode()).group(0)
    assert "value=" not in hidden  # sent back empty: the next save goes through
    data = scores_post(scene, criteria, impact="9", loaded_at="")
    assert juror_client.post(sheet_url(scene), data).status_code == 302
    assert Score.objects.get(criterion__source=criteria[0]).value == 9


def test_other_jurors_scores_appear_only_at_deliberation(juror_client, scene, criteria, clock):
    colleague = scene.outsider.__class__.objects.create(campaign=scene.round.campaign, user=scene.outsider.user)
    Assignment.objects.create(round=scene.round, juror=colleague, application=scene.file)
    conflicts.declare(colleague, scene.file, has_conflict=False, by=colleague.user, now=OPEN)
    save_sheet(colleague, scene.round, scene.file, {criteria[0]: 3, criteria[1]: 2}, {criteria[0]: "Avis du collègue"})
    assert "Avis du collègue" not in text(juror_client.get(sheet_url(scene)))
    clock.set(DELIBERATION)
    assert "Avis du collègue" in text(juror_client.get(sheet_url(scene)))


def test_the_attachment_downloads_for_the_assigned_juror(juror_client, scene):
    url = reverse("jury:download", args=[scene.round.pk, scene.file.pk, scene.attachment.pk])
    response = juror_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


# --- Staff ---------------------------------------------------------------------------------------

@pytest.fixture
def staff_client(client, campaign_staff, clock):
    clock.set(OPEN)
    client.force_login(campaign_staff)
    return client


def test_progress_per_juror_and_manual_reminder(staff_client, scene, criteria):
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 5, criteria[1]: 3})
    page = text(staff_client.get(reverse("jury:progress", args=[scene.round.pk])))
    assert "1 / 2 notées" in page
    response = staff_client.post(reverse("jury:remind", args=[scene.round.pk]), follow=True)
    assert "Relance envoyée à 1 juré(s)." in text(response)
    assert [message.to for message in mail.outbox] == [[scene.juror_a.user.email]]


def test_hand_adjustments_and_their_refusals(staff_client, scene):
    url = reverse("jury:change_assignment", args=[scene.round.pk])
    data = {"attribution-action": "ajouter", "attribution-juror": scene.juror_b.pk,
            "attribution-application": f" {scene.other_file.reference.lower()} "}  # typed loosely
    assert staff_client.post(url, data).status_code == 302
    assert Assignment.objects.filter(juror=scene.juror_b, application=scene.other_file).exists()
    data["attribution-application"] = scene.file.reference  # juror B declared a conflict on it
    response = staff_client.post(url, data)
    assert "a déclaré un conflit d'intérêts" in text(response)
    response = staff_client.post(url, {"attribution-action": "ajouter"})
    assert "Choisissez le juré." in text(response) and "Indiquez la référence de la candidature." in text(response)
    for typed in ("TI-1999-9999", scene.foreign_file.reference):  # unknown, or a file of another campaign
        response = staff_client.post(url, {**data, "attribution-application": typed})
        page = text(response)
        assert "Aucune candidature de ce tour ne porte cette référence." in page
        assert f'value="{typed}"' in page  # what was typed stays in the field
    assert Assignment.objects.filter(round=scene.round).count() == 4


def test_progress_lists_one_page_of_files_and_searches_them(staff_client, scene, criteria, campaign):
    applications = build_scored_round(scene.round, [scene.juror_a, scene.juror_b], criteria, campaign, 40)
    url = reverse("jury:progress", args=[scene.round.pk])
    with instances_built(Application) as built:
        first = text(staff_client.get(url))
    declared = ConflictDeclaration.objects.filter(has_conflict=True).count()  # listed with their files
    assert len(built) == 25 + declared and "43 candidatures" in first and "Page 1 sur 2" in first
    # The forms take a file by its reference: no select lists the round's files.
    assert 'type="text" name="attribution-application"' in first
    assert 'type="text" name="deverrouillage-application"' in first
    assert first.count("<option") < 20
    found = text(staff_client.get(url, {"q": applications[7].reference}))
    assert "1 candidature" in found and applications[7].reference in found
    assert applications[8].reference not in found
    by_name = text(staff_client.get(url, {"q": "plouha"}))  # the organisation, whatever the case
    assert "Ville de Plouha" in by_name and "Ville de Lannion" not in by_name
    nothing = text(staff_client.get(url, {"q": "introuvable", "page": "x"}))
    assert "Aucune candidature ne correspond à cette recherche." in nothing
    too_long = text(staff_client.get(url, {"q": "x" * 101}))
    assert "Votre recherche est trop longue" in too_long and "43 candidatures" in too_long


def test_unlock_form_refuses_an_open_round_and_a_missing_reason(staff_client, scene):
    url = reverse("jury:unlock", args=[scene.round.pk])
    data = {"deverrouillage-juror": scene.juror_a.pk, "deverrouillage-until": "2026-05-30T12:00",
            "deverrouillage-reason": ""}
    assert "Indiquez le motif du déverrouillage." in text(staff_client.post(url, data))
    data["deverrouillage-reason"] = "Oubli"
    assert "Ce tour n'est pas clos" in text(staff_client.post(url, data))
    assert not ScoreUnlock.objects.exists()


def test_assign_from_the_dashboard(staff_client, scene):
    Assignment.objects.all().delete()
    response = staff_client.post(reverse("jury:assign", args=[scene.round.pk]), {"mode": "tous"}, follow=True)
    assert "candidatures réparties" in text(response)
    # Juror B's declared conflict is never assigned.
    assert not Assignment.objects.filter(juror=scene.juror_b, application=scene.file).exists()
    assert Assignment.objects.filter(juror=scene.juror_a).count() == 3


def test_ranking_page_with_charts_and_exports(staff_client, scene, criteria):
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    url = reverse("jury:ranking", args=[scene.round.pk])
    page = text(staff_client.get(url))
    assert '<h2 id="view-title">Classement général</h2>' in page
    assert scene.file.reference in page and scene.foreign_file.reference not in page
    assert 'class="chart"' not in page  # the charts have their own view
    charts = text(staff_client.get(url, {"vue": "jures"}))
    assert charts.count('class="chart"') == 3  # one histogram per criterion and the leniency chart
    assert str(scene.juror_a) in charts and scene.file.reference not in charts
    for junk in ("inconnue", "categorie-999999", "<script>"):  # an unknown view is the overall ranking
        assert '<h2 id="view-title">Classement général</h2>' in text(staff_client.get(url, {"vue": junk}))
    for kind in ("classement", "notes"):
        response = staff_client.get(reverse("jury:export", args=[scene.round.pk, kind, "csv"]))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        response = staff_client.get(reverse("jury:export", args=[scene.round.pk, kind, "xlsx"]))
        assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    assert staff_client.get(reverse("jury:export", args=[scene.round.pk, "autre", "csv"])).status_code == 404


def test_ranking_views_split_and_paginate_a_large_round(staff_client, scene, criteria, campaign):
    """Twenty files a page, one view per category: a round of any size stays a listing-sized page."""
    applications = build_scored_round(scene.round, [scene.juror_a, scene.juror_b], criteria, campaign, 25)
    url = reverse("jury:ranking", args=[scene.round.pk])
    first, second = text(staff_client.get(url)), text(staff_client.get(url, {"vue": "", "page": 2}))
    shown = [application.reference for application in applications if application.reference in first]
    assert len(shown) + sum(a.reference in second for a in applications) == 25 and len(shown) <= 20
    assert "Page 1 sur 2" in first and "Page 2 sur 2" in second
    category = campaign.categories.exclude(pk=applications[0].category_id).first()
    for application in applications[::3]:  # as the admin saves them: the cached ranking follows
        application.category = category
        application.save(update_fields=["category"])
    listing = text(staff_client.get(url, {"vue": f"categorie-{category.pk}"}))
    assert f'<h2 id="view-title">{category.name}</h2>' in listing
    in_category = [a.reference for a in applications if a.category_id == category.pk]
    assert in_category and all(reference in listing for reference in in_category)
    assert not any(a.reference in listing for a in applications if a.category_id != category.pk)


def test_a_long_list_of_files_is_paginated_with_the_progress_over_all(juror_client, scene, criteria, campaign):
    applications = build_scored_round(scene.round, [scene.juror_a], criteria, campaign, 30)
    url = reverse("jury:round", args=[scene.round.pk])
    with instances_built(Application) as built:
        first = text(juror_client.get(url))
    assert len(built) == 25  # the page's files only: the progress over all is counted in the database
    second = text(juror_client.get(url, {"page": 2}))

    def listed(page):
        return [a for a in applications + [scene.file, scene.other_file] if a.reference in page]

    assert len(listed(first)) == 25 and len(listed(second)) == 6  # 30 + 2, less the conflicted one
    assert not set(listed(first)) & set(listed(second))
    # The conflicted first file is out; the 29 others are fully scored, the scene's two are not.
    for page in (first, second):
        assert "29 / 31 notées" in page


def test_decisions_are_a_register(staff_client, scene, campaign_staff, criteria):
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 6, criteria[1]: 2}, {criteria[0]: "Solide."},
               "Avis du juré A.")
    url = reverse("jury:decide", args=[scene.round.pk, scene.file.pk])
    page = text(staff_client.get(url))
    assert "Solide." in page and "Avis du juré A." in page and "6 / 10" in page  # every juror's scores, for staff
    response = staff_client.post(url, {"outcome": "laureat:Or", "citation": ""})
    assert "Une citation publique est requise" in text(response)
    assert not Decision.objects.exists()
    staff_client.post(url, {"outcome": DecisionOutcome.MENTION, "citation": "Pour l'audace.", "feedback": "Bravo."})
    staff_client.post(url, {"outcome": "laureat:Or", "citation": "Exemplaire.", "minutes": "Vote 5-1."})
    assert list(Decision.objects.order_by("pk").values_list("outcome", "recorded_by")) == [
        (DecisionOutcome.MENTION, campaign_staff.pk), (DecisionOutcome.LAUREATE, campaign_staff.pk)]
    page = text(staff_client.get(url))
    assert page.count("enregistrée par") == 2 and "Vote 5-1." in page
    assert 'value="laureat:Or"' in page and "checked" in page


def test_publication_needs_every_decision_then_shows_the_laureate(staff_client, scene, client, clock, campaign_staff):
    url = reverse("jury:publish", args=[scene.round.campaign_id])
    page = text(staff_client.get(url))
    assert scene.file.reference in page and "Publier les résultats" not in page
    for application, outcome in ((scene.file, "laureat:Or"), (scene.other_file,
                                 DecisionOutcome.NOT_SELECTED), (scene.hidden_file, DecisionOutcome.NOT_SELECTED)):
        staff_client.post(reverse("jury:decide", args=[scene.round.pk, application.pk]),
                          {"outcome": outcome, "citation": "Un projet exemplaire.", "feedback": "Merci."})
    page = text(staff_client.get(url))
    assert 'name="confirm"' not in page and "La notation du tour « Tour 1 » est encore ouverte" in page
    assert "Un projet exemplaire." not in text(client.get(scene.round.campaign.url))
    clock.set(DELIBERATION)
    page = text(staff_client.get(url))
    assert 'name="confirm"' in page and "3 e-mails à envoyer" in page
    assert "Aperçu de l'e-mail « Lauréat » (1 envoi)" in page and "« Un projet exemplaire. »" in page
    unconfirmed = text(staff_client.post(url, {}))
    assert "Cochez la case pour confirmer la publication" in unconfirmed
    assert not ResultsPublication.objects.exists()
    response = staff_client.post(url, {"confirm": "on"}, follow=True)
    assert "Résultats publiés : 3 candidats prévenus par e-mail." in text(response)
    scene.file.refresh_from_db()
    assert scene.file.status == ApplicationStatus.LAUREATE
    assert ResultsPublication.objects.get().published_by == campaign_staff
    page = text(staff_client.get(url))
    assert "Résultats publiés le 2 mai 2026 à 12:00 par" in page and "1 lauréat" in page
    assert "2 candidatures non retenues" in page and "3 candidats prévenus par e-mail" in page
    assert "Publier les résultats" not in page
    client.logout()
    public = text(client.get(scene.round.campaign.url))
    assert "Un projet exemplaire." in public and "Ville de Plouha" in public
    assert "Ville de Lannion" not in public


# --- The frame, and the site's login --------------------------------------------------------------

def test_the_frame_links_the_sites_account_pages_and_staff_to_the_admin(juror_client, scene, client, campaign_staff):
    page = juror_client.get(reverse("jury:home")).content.decode()
    assert f'href="{reverse("accounts:password_change")}"' in page
    assert f'action="{reverse("accounts:logout")}"' in page
    assert reverse("wagtailadmin_home") not in page and reverse("jury_member:index") not in page
    client.force_login(campaign_staff)
    page = client.get(reverse("jury:home")).content.decode()
    for name in ("wagtailadmin_home", "jury_member:index", "jury_round:index"):
        assert f'href="{reverse(name)}"' in page


def test_the_jury_pages_are_private(juror_client, scene):
    response = juror_client.get(reverse("jury:round", args=[scene.round.pk]))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


LOGIN_PASSWORD = "un mot de passe solide"  # tests.labels.factories.UserFactory


def log_in(client, user, **query):
    url = reverse("accounts:login") + (f"?next={query['next']}" if query else "")
    return client.post(url, {"username": user.email, "password": LOGIN_PASSWORD})


def test_jurors_log_in_on_the_sites_login_page_and_land_on_the_jury_pages(client, scene, applicant):
    response = log_in(client, scene.juror_a.user)
    assert response.status_code == 302 and response.url == reverse("jury:home")
    client.logout()
    sheet = sheet_url(scene)
    response = log_in(client, scene.juror_a.user, next=sheet)
    assert response.url == sheet
    client.logout()
    assert log_in(client, applicant).url == reverse("accounts:space")  # no seat on a jury: "Mon espace"


def test_the_jurors_view_draws_each_juror_s_fitted_bias_with_the_fitted_model(staff_client, scene, criteria,
                                                                               campaign):
    build_scored_round(scene.round, [scene.juror_a, scene.juror_b], criteria, campaign, 12)
    url = reverse("jury:ranking", args=[scene.round.pk])
    campaign.calibration_method = "ajuste"
    campaign.save()
    charts = text(staff_client.get(url, {"vue": "jures"}))
    assert "Biais ajusté de chaque juré (modèle qualité + biais)" in charts
    assert charts.count('class="chart"') == 4  # two histograms, the leniency and the fitted bias
    campaign.calibration_method = "z-scores"
    campaign.save()
    assert "Biais ajusté de chaque juré" not in text(staff_client.get(url, {"vue": "jures"}))  # cache renewed
