"""The jury's journey: a juror declares no conflict and scores (even across an expired session), staff rank,
decide and publish, and the laureate appears on the campaign page. axe-core runs on every jury page."""

import pytest

from labels import phases
from labels.models import Assignment, EvaluationCriterion, Score
from tests.browser.test_labels import _wagtail_base  # noqa: F401 (fixture)
from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory, UserFactory, paris
from tests.labels.jury_area import user_with_permissions
from tests.labels.jury_factories import JuryMemberFactory, JuryRoundFactory, SubmittedApplicationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un mot de passe solide"


class Clock:
    now = paris(2026, 4, 10, 12, 0)

    def __call__(self):
        return self.now


@pytest.fixture
def jury(home, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(phases, "clock", clock)
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


def admin_log_in(page, base, email):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    follow(page, page.locator("button[type=submit]"))


def follow(page, link):
    """Click a link or a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        link.click()


def criterion_input(page, name, kind="score"):
    criterion = EvaluationCriterion.objects.get(name=name)
    return page.locator(f"[name={kind}_{criterion.pk}]")


def test_a_juror_scores_then_staff_publish(page, live_server, jury, assert_accessible):
    base = live_server.url
    admin_log_in(page, base, "jure@example.org")
    assert page.url.endswith("/admin/jury/")  # a juror lands in the Jury area
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
    criterion_input(page, "Impact").fill("3")
    criterion_input(page, "Impact", "comment").fill("Impact encore difficile à mesurer.")
    criterion_input(page, "Sobriété").fill("2")
    page.context.clear_cookies(name="sessionid")  # the session expires; the CSRF cookie lives on
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert "/login/" in page.url
    page.locator("input[name=username]").fill("jure@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    follow(page, page.locator("button[type=submit]"))
    assert criterion_input(page, "Impact").input_value() == "3"
    assert criterion_input(page, "Impact", "comment").input_value() == "Impact encore difficile à mesurer."
    assert page.get_by_text("ont été restaurées").is_visible()
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert Score.objects.filter(application=jury["other"]).count() == 2
    page.goto(base + f"/admin/jury/tour/{jury['round'].pk}/")
    assert page.get_by_text("2 / 2 notées").is_visible()

    # Staff: progress, ranking, decisions, publication.
    page.context.clear_cookies()
    admin_log_in(page, base, "equipe@example.org")
    page.goto(base + f"/admin/jury/tour/{jury['round'].pk}/suivi/")
    assert page.get_by_text("2 / 2 notées").is_visible()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Classement", exact=True))
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=jury["laureate"].reference).first)
    assert_accessible(page)
    page.get_by_label("Lauréat").check()
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
    page.goto(base + f"/admin/jury/campagne/{jury['campaign'].pk}/publication/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Publier les résultats et prévenir les candidats"))
    assert page.get_by_text("Résultats publiés").first.is_visible()

    page.context.clear_cookies()
    page.goto(base + jury["campaign"].url)
    assert page.get_by_text("Une cantine sobre et juste, pensée avec les familles.").is_visible()
    assert "Ville de Lannion" not in page.content()
    assert_accessible(page)
