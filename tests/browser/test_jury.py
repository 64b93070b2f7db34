"""The jury's journey on /jury/: a juror logs in on the site's login page, declares no conflict and scores (even
across an expired session), staff follow, rank, decide, are refused publication while the round is open, then
confirm it, and the laureate appears on the campaign page; staff bulk-decide a preselection from its ranking.
axe-core runs on every jury page."""

import pytest
from django.urls import reverse

from interconnectes import clock as site_clock
from jury.models import Assignment, Decision, RoundCriterion, RoundPurpose, Score
from labels.models import EvaluationCriterion
from tests.browser.journeys import follow
from tests.jury.factories import JuryMemberFactory, JuryRoundFactory
from tests.labels.factories import (
    LabelCampaignPageFactory,
    LabelIndexPageFactory,
    SubmittedApplicationFactory,
    UserFactory,
    paris,
    user_with_permissions,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]

PASSWORD = "un mot de passe solide"


class Clock:
    now = paris(2026, 4, 10, 12, 0)

    def __call__(self):
        return self.now


@pytest.fixture
def jury(home, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(site_clock, "now", clock)
    index = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=index, title="Territoire innovant 2026")
    EvaluationCriterion.objects.create(page=campaign, name="Sobriété", weight=1, max_score=5)
    jury_round = JuryRoundFactory(campaign=campaign)
    juror = JuryMemberFactory(campaign=campaign, user=UserFactory(email="jure@example.org"))
    laureate = SubmittedApplicationFactory(campaign=campaign, org_name="Ville de Plouha",
                                           title="Cantines sans gaspillage")
    other = SubmittedApplicationFactory(campaign=campaign, org_name="Ville de Lannion", title="Bus à la demande")
    for application in (laureate, other):
        Assignment.objects.create(round=jury_round, juror=juror, application=application)
    staff = user_with_permissions("wagtailadmin.access_admin", "labels.review_application",
                                  email="equipe@example.org")
    return {"clock": clock, "campaign": campaign, "round": jury_round, "juror": juror, "laureate": laureate,
            "other": other, "staff": staff}


def log_in(page, email):
    """The site's own login form (the page the jury's pages send anonymous users to)."""
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Se connecter"))


def criterion_input(page, name, kind="score"):
    """The score form's field for the round's frozen copy of a criterion."""
    criterion = RoundCriterion.objects.get(name=name)
    return page.locator(f"[name={kind}_{criterion.pk}]")


def test_a_juror_scores_then_staff_publish(page, live_server, jury, assert_accessible):
    base = live_server.url
    page.goto(base + reverse("accounts:login"))
    log_in(page, "jure@example.org")
    assert page.url == base + reverse("jury:home")  # a juror lands on the jury's pages
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="0 / 2 notées"))
    assert_accessible(page)

    follow(page, page.get_by_role("link", name=jury["laureate"].reference))
    page.wait_for_url("**/declaration/")
    assert "Déclaration d'intérêts" in page.locator("h1").inner_text()
    follow(page, page.get_by_role("button", name="Enregistrer ma déclaration"))  # no choice: refused next to it
    assert page.get_by_text("Choisissez l'une des deux déclarations.").is_visible()
    assert_accessible(page)
    page.get_by_label("Je déclare n'avoir aucun conflit d'intérêts avec cette candidature.").check()
    follow(page, page.get_by_role("button", name="Enregistrer ma déclaration"))

    assert page.get_by_text("Pas encore enregistrée.").is_visible()
    assert_accessible(page)
    criterion_input(page, "Impact").fill("12")
    criterion_input(page, "Sobriété").fill("4")
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert page.get_by_text("doit être comprise entre 0 et 10").is_visible()
    assert criterion_input(page, "Impact").input_value() == "12"  # what was typed is kept
    assert_accessible(page)
    criterion_input(page, "Impact").fill("9")
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert page.get_by_text("Dernier enregistrement le").is_visible()
    follow(page, page.get_by_role("link", name="Retour à mes dossiers"))
    assert page.get_by_text("1 / 2 notées").is_visible()

    # The second file: the session expires while the juror types; after logging in again, nothing is lost.
    follow(page, page.get_by_role("link", name=jury["other"].reference))
    page.get_by_label("Je déclare n'avoir aucun conflit d'intérêts avec cette candidature.").check()
    follow(page, page.get_by_role("button", name="Enregistrer ma déclaration"))
    sheet_url = page.url
    criterion_input(page, "Impact").fill("3")
    criterion_input(page, "Impact", "comment").fill("Impact encore difficile à mesurer.")
    criterion_input(page, "Sobriété").fill("2")
    page.context.clear_cookies(name="sessionid")  # the session expires; the CSRF cookie lives on
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert page.url.startswith(base + reverse("accounts:login") + "?next=")  # the site's login, then back here
    log_in(page, "jure@example.org")
    assert page.url == sheet_url
    assert criterion_input(page, "Impact").input_value() == "3"
    assert criterion_input(page, "Impact", "comment").input_value() == "Impact encore difficile à mesurer."
    assert page.get_by_text("ont été restaurées").is_visible()
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert Score.objects.filter(application=jury["other"]).count() == 2
    page.goto(base + reverse("jury:round", args=[jury["round"].pk]))
    assert page.get_by_text("2 / 2 notées").is_visible()
    page.goto(base + "/admin/")
    assert page.url.startswith(base + "/admin/login/")  # jurors have no admin access

    # Staff: progress, ranking, decisions, publication.
    page.context.clear_cookies()
    page.goto(base + reverse("jury:progress", args=[jury["round"].pk]))
    log_in(page, "equipe@example.org")
    assert page.get_by_text("2 / 2 notées").is_visible()
    assert page.get_by_role("link", name="Administration").is_visible()
    assert_accessible(page)
    page.get_by_label("Rechercher une candidature").fill(jury["other"].reference.lower())
    follow(page, page.get_by_role("button", name="Rechercher"))
    assert page.get_by_text("1 candidature", exact=True).is_visible()
    assert page.get_by_role("cell", name=jury["other"].reference).is_visible()
    assert page.get_by_role("cell", name=jury["laureate"].reference).count() == 0
    assert_accessible(page)
    page.get_by_label("Candidature", exact=True).first.fill("TI-1999-0000")
    follow(page, page.get_by_role("button", name="Appliquer"))
    assert page.get_by_text("Aucune candidature de ce tour ne porte cette référence.").is_visible()
    assert page.get_by_label("Candidature", exact=True).first.input_value() == "TI-1999-0000"
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Classement", exact=True))
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=jury["laureate"].reference).first)
    assert_accessible(page)
    page.get_by_label("Lauréat — Or").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert page.get_by_text("Une citation publique est requise").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Citation publique").fill("Une cantine sobre et juste, pensée avec les familles.")
    page.get_by_label("Retour au candidat").fill("Le jury salue la mesure précise du gaspillage.")
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    follow(page, page.get_by_role("link", name=jury["other"].reference).first)
    page.get_by_label("Non retenu").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))

    page.goto(base + jury["campaign"].url)
    assert "Une cantine sobre et juste" not in page.content()  # nothing public before publication
    page.goto(base + reverse("jury:publish", args=[jury["campaign"].pk]))
    # Refused while the round is open for scoring: the reason, and no button.
    assert page.get_by_text("La notation du tour « Tour 1 » est encore ouverte").is_visible()
    assert page.get_by_role("button", name="Publier les résultats et prévenir les candidats").count() == 0
    assert_accessible(page)
    jury["clock"].now = paris(2026, 5, 2, 12, 0)  # the round closed, its deliberation open
    page.reload()
    assert page.get_by_text("2 e-mails à envoyer").is_visible()
    page.get_by_text("Aperçu de l'e-mail « Lauréat » (1 envoi)").click()
    assert page.get_by_text("« Une cantine sobre et juste, pensée avec les familles. »").is_visible()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Publier les résultats et prévenir les candidats"))
    assert page.get_by_text("Cochez la case pour confirmer la publication").first.is_visible()  # explicit
    page.get_by_label("J'ai relu ce récapitulatif : publier les résultats et envoyer ces e-mails.").check()
    follow(page, page.get_by_role("button", name="Publier les résultats et prévenir les candidats"))
    assert page.get_by_text("Résultats publiés").first.is_visible()
    assert_accessible(page)
    page.goto(base + reverse("jury:publish", args=[jury["campaign"].pk]))
    assert page.get_by_text("1 lauréat").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(base + jury["campaign"].url)
    assert page.get_by_text("Une cantine sobre et juste, pensée avec les familles.").is_visible()
    assert "Ville de Lannion" not in page.content()
    assert_accessible(page)


def test_staff_bulk_decide_the_preselection_from_the_ranking(page, live_server, jury, assert_accessible):
    preselection = jury["round"]
    preselection.purpose = RoundPurpose.PRESELECTION
    preselection.save(update_fields=["purpose"])
    extra = [SubmittedApplicationFactory(campaign=jury["campaign"], org_name=f"Commune n° {n}") for n in range(3)]
    base = live_server.url
    page.goto(base + reverse("jury:ranking", args=[preselection.pk]))
    log_in(page, "equipe@example.org")
    assert_accessible(page)
    page.get_by_label(f"Choisir {jury['laureate'].reference}").check()
    page.get_by_label("Décision pour tous").select_option(label="Retenu pour la finale")
    follow(page, page.get_by_role("button", name="Enregistrer la décision groupée"))
    assert page.get_by_text("Indiquez le motif de cette décision groupée.").is_visible()  # next to the field
    assert page.get_by_label(f"Choisir {jury['laureate'].reference}").is_checked()  # what was chosen is kept
    assert_accessible(page)
    page.get_by_label("Motif").fill("Le meilleur dossier va en finale.")
    follow(page, page.get_by_role("button", name="Enregistrer la décision groupée"))
    assert page.get_by_text("Décision enregistrée pour 1 dossiers.").is_visible()
    page.get_by_label("Tous les dossiers classés au-delà du rang N").check()
    page.get_by_label("N", exact=True).fill("0")
    page.get_by_label("Décision pour tous").select_option(label="Non retenu")
    page.get_by_label("Motif").fill("Sous le seuil de la présélection.")
    follow(page, page.get_by_role("button", name="Enregistrer la décision groupée"))
    # The laureate was already decided in this round: the whole bulk is refused, nothing is recorded.
    assert page.get_by_text("ont déjà une décision dans ce tour").is_visible()
    assert Decision.objects.filter(round=preselection).count() == 1
    assert_accessible(page)
    page.get_by_label("Les dossiers cochés").check()
    for application in (jury["other"], *extra):
        page.get_by_label(f"Choisir {application.reference}").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision groupée"))
    assert page.get_by_text("Décision enregistrée pour 4 dossiers.").is_visible()
    assert Decision.objects.filter(round=preselection, outcome="non-retenu").count() == 4
