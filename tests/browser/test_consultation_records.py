"""An agent declares a consultation, the team publishes it, the agent documents it after the event and adds a
follow-up entry three months later (time passes on the site's clock); a visitor reads the synthesis of lessons and
follows a consultation's feed. axe-core on each page."""

import pytest

from consultations.record_choices import Phase
from tests.browser.journeys import follow, log_in
from tests.consultations.records import agent, charter, committed, lessons, records_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


def test_an_agent_declares_documents_and_follows_up_a_consultation(page, live_server, home, clock,
                                                                    assert_accessible):
    clock.set(2026, 3, 1, 10, 0)
    tours = committed("Tours Métropole Val de Loire", charter())
    first_lesson = lessons()[0]
    agent("agent@tours.example.org", tours)
    records_staff("equipe@example.org")
    base = live_server.url

    # The agent announces the consultation.
    log_in(page, base, "agent@tours.example.org", "/mes-concertations/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Déclarer une concertation"))
    page.get_by_label("Titre").fill("Café IA à la bibliothèque centrale")
    page.get_by_label("Date de début").fill("2026-03-20")
    page.get_by_label("Date de fin").fill("2026-03-20")
    page.get_by_label("Objectif").fill("Débattre des usages de l'IA par la métropole.")
    page.get_by_label("Habitants").check()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Déclarer"))
    assert page.locator("h1").inner_text() == "Café IA à la bibliothèque centrale"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Soumettre à l’équipe"))
    assert "La concertation est soumise à l" in page.content()

    # The team publishes it, every point of the checklist ticked (the first: no participant's personal data).
    log_in(page, base, "equipe@example.org", "/mes-concertations/relecture/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Café IA à la bibliothèque centrale · Tours Métropole Val de Loire"))
    assert_accessible(page)
    for item in ("Aucune donnée personnelle", "langage clair", "licence ouverte", "preuve locale"):
        page.get_by_label(item).check()
    page.get_by_label("Approuver et publier").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert "La concertation est publiée." in page.content()

    # After the event, the agent documents it: published at once as version 2.
    clock.set(2026, 3, 27, 10, 0)
    log_in(page, base, "agent@tours.example.org", "/mes-concertations/")
    follow(page, page.get_by_role("button", name="Documenter ou mettre à jour Café IA à la bibliothèque centrale"))
    page.get_by_label("Phase").select_option(Phase.REPORTING)
    page.get_by_label("Nombre de participants").fill("42")
    page.get_by_label("Synthèse des résultats").fill("Les habitants demandent un registre public des usages.")
    page.get_by_label("Licence des résultats").select_option("etalab-2.0")
    page.locator(f"#id_kind_{first_lesson.pk}").select_option("chiffre")
    page.locator(f"#id_evidence_{first_lesson.pk}").fill("30 participants sur 42 utilisent déjà une IA.")
    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    assert "Brouillon enregistré." in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Publier la mise à jour"))
    assert "La mise à jour est publiée" in page.content()

    # Three months later, a follow-up commitment and its first progress entry.
    clock.set(2026, 6, 27, 10, 0)
    page.goto(base + "/mes-concertations/")
    follow(page, page.get_by_role("link", name="Suivi Café IA à la bibliothèque centrale"))
    assert_accessible(page)
    page.get_by_label("Engagement", exact=True).fill("Publier le registre des usages de l'IA")
    page.get_by_label("Porteur").fill("Direction du numérique")
    page.get_by_label("Statut").select_option("engage")
    follow(page, page.get_by_role("button", name="Publier l’engagement"))
    assert "L’engagement est publié" in page.content() or "L'engagement est publié" in page.content()
    page.get_by_label("Date", exact=True).fill("2026-06-25")
    page.get_by_label("Avancement", exact=True).fill("Premier inventaire des usages terminé.")
    follow(page, page.get_by_role("button", name="Publier l’avancement"))
    assert_accessible(page)

    # Everyone reads the record, its timeline and its versions.
    page.context.clear_cookies()
    page.goto(base + "/concertations-ia/concertations/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Café IA à la bibliothèque centrale"))
    content = page.content()
    assert "Premier inventaire des usages terminé." in content and "25 juin 2026" in content
    assert "30 participants sur 42" in content and "Version 2, publiée le 27 mars 2026" in content
    assert_accessible(page)


def test_a_visitor_reads_the_synthesis_of_lessons_and_follows_a_consultations_feed(page, live_server, home, clock,
                                                                                   assert_accessible):
    from consultations.demo import build_page
    from interconnectes.models import NavigationSettings
    from tests.consultations.records import published

    clock.set(2026, 3, 1, 10, 0)
    tours = committed("Tours Métropole Val de Loire", charter())
    kept = lessons()
    person = agent("agent@tours.example.org", tours)
    navigation = NavigationSettings.for_site(home.get_site())
    programme = build_page({"home": home, "navigation": navigation})
    record = published(tours, person, phase=Phase.REPORTING, participants=42,
                       synthesis="Les habitants veulent un registre.", licence="etalab-2.0",
                       starts_on="2026-01-10", ends_on="2026-01-10",
                       findings={str(kept[0].pk): {"kind": "chiffre", "evidence": "30 sur 42 utilisent une IA."}})
    base = live_server.url
    page.goto(base + programme.url + "enseignements/")
    assert_accessible(page)
    lesson = page.locator(f"#enseignement-{kept[0].number}")
    assert "Constaté par 1 territoire" in lesson.inner_text() and "30 sur 42 utilisent une IA." in lesson.inner_text()
    follow(page, lesson.get_by_role("link", name=record.title))
    assert page.locator("h1").inner_text() == record.title
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() == 1
    assert_accessible(page)
    response = page.request.get(base + page.get_by_role("link", name="Suivre cette concertation (flux Atom)")
                                .get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert "Version 1 publiée" in response.text() and "Tours Métropole Val de Loire" in response.text()
