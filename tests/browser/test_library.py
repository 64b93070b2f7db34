"""The AI library in a browser: a student browses it, opens a use case and an implementation and is told the
lessons learned are for verified agents; an agent logs in from that notice and reads them. axe-core on each page."""

import pytest

from interconnectes.models import OrganisationKind
from tests.accounts.factories import member, organisation
from tests.browser.journeys import follow
from tests.factories import OrganisationFactory
from tests.labels.factories import UserFactory
from tests.library.factories import (
    ImplementationFactory,
    LibraryIndexPageFactory,
    ThemeFactory,
    UseCasePageFactory,
    data_source,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


def test_a_student_browses_and_an_agent_reads_the_lessons(page, live_server, home, assert_accessible):
    library = LibraryIndexPageFactory(parent=home, intro="Des projets d'IA menés par des collectivités.")
    use_case = UseCasePageFactory(parent=library, title="Prévoir la fréquentation des cantines", slug="cantines",
                                  theme=ThemeFactory(name="Transition écologique"))
    for name in ("Nantes Métropole", "Ville de Lyon"):
        implementation = ImplementationFactory(
            use_case=use_case, lead_organisation=OrganisationFactory(name=name), is_illustrative=True,
            purpose=f"Commander le bon nombre de repas ({name}).",
            lessons_worked="Associer les cuisiniers dès le début du projet.")
        data_source(implementation)
    agent = UserFactory(email="agent@lyon.example.org", username="agent@lyon.example.org")
    member(agent, organisation("Commune de Lyon", kind=OrganisationKind.COMMUNE))
    base = live_server.url

    page.goto(base + library.url)
    assert page.locator("h2", has_text="Transition écologique").count() == 1
    assert "2 collectivités le font" in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Prévoir la fréquentation des cantines"))
    assert page.locator("h1").inner_text() == "Prévoir la fréquentation des cantines"
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Comparer les mises en œuvre côte à côte"))
    assert page.locator("table.comparison th[scope=col]").count() == 2
    assert_accessible(page)
    page.go_back()
    follow(page, page.get_by_role("link", name="Nantes Métropole"))
    assert page.locator("h1").inner_text() == "Nantes Métropole"
    notice = page.locator(".library-withheld").first
    assert "réservés aux agents vérifiés des collectivités" in notice.inner_text()
    assert "Associer les cuisiniers" not in page.content()
    assert_accessible(page)

    follow(page, notice.get_by_role("link", name="Se connecter"))
    page.get_by_label("Adresse e-mail").fill("agent@lyon.example.org")
    page.get_by_label("Mot de passe", exact=True).fill("un mot de passe solide")
    follow(page, page.get_by_role("button", name="Se connecter"))
    assert page.locator("h1").inner_text() == "Nantes Métropole"
    assert page.get_by_role("heading", name="Retour d’expérience").count() == 1
    assert "Associer les cuisiniers dès le début du projet." in page.content()
    assert "réservés aux agents vérifiés" not in page.content()
    assert_accessible(page)


def test_a_student_browses_and_filters(page, live_server, home, assert_accessible):
    """Anonymous: the library, filtered by theme and by open code; a project at level 0 with its similar projects;
    the CSV downloaded."""
    library = LibraryIndexPageFactory(parent=home, intro="Des projets d'IA menés par des collectivités.")
    ecology, mobility = ThemeFactory(name="Transition écologique"), ThemeFactory(name="Mobilités")
    canteens = UseCasePageFactory(parent=library, title="Prévoir la fréquentation des cantines", slug="cantines",
                                  theme=ecology)
    bikes = UseCasePageFactory(parent=library, title="Compter les vélos", slug="velos", theme=mobility)
    for name, use_case, code in (("Nantes Métropole", canteens, "https://code.example.org/nantes"),
                                 ("Ville de Lyon", canteens, ""), ("Brest Métropole", bikes,
                                                                   "https://code.example.org/brest")):
        implementation = ImplementationFactory(
            use_case=use_case, lead_organisation=OrganisationFactory(name=name), code_url=code,
            purpose=f"Un projet public de {name}.", lessons_worked="Associer les cuisiniers dès le début du projet.")
        data_source(implementation)
    base = live_server.url

    page.goto(base + library.url)
    assert "3 projets" in page.locator("#library-results-heading").inner_text()
    assert_accessible(page)
    page.get_by_label("Thème").select_option(label="Transition écologique (2)")
    page.get_by_label("Code ouvert (2)").check()
    follow(page, page.get_by_role("button", name="Filtrer"))
    results = page.locator(".library-results")
    assert "1 projet correspondant à votre recherche" in results.inner_text()
    assert results.get_by_role("link", name="Nantes Métropole").count() == 1
    assert results.get_by_role("link", name="Ville de Lyon").count() == 0
    assert_accessible(page)

    follow(page, results.get_by_role("link", name="Nantes Métropole"))
    assert page.locator("h1").inner_text() == "Nantes Métropole"
    assert "Un projet public de Nantes Métropole." in page.content()
    assert "Associer les cuisiniers" not in page.content()  # level 1
    assert "réservés aux agents vérifiés des collectivités" in page.locator(".library-withheld").first.inner_text()
    similar = page.locator(".library-similar")
    assert similar.get_by_role("heading", name="Projets similaires").count() == 1
    assert similar.get_by_role("link", name="Ville de Lyon").count() == 1  # the same use case first
    assert_accessible(page)

    page.goto(base + library.url)
    follow(page, page.get_by_role("link", name="Toute la bibliothèque en données ouvertes"))
    assert "Licence Ouverte" in page.content()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le CSV").click()
    download = download_info.value
    assert download.suggested_filename == "bibliotheque-ia.csv"
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith("identifiant,url,cas_usage,") and "Nantes Métropole" in text
    assert "Associer les cuisiniers" not in text
    assert not page.context.cookies()  # an anonymous reader gets no cookie
