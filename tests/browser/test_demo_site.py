"""The demo site, served production-like once for this module: the page budgets of `interconnectes.budgets`
measured in chromium on every kind of page, and a visitor's journeys through it with axe-core on every page.

How it runs, and why that way:

* The demo content (`load_demo_content`) is built once, committed, for the
  whole module, and served by `tests/browser/budget_survey.py`'s
  production-like server (DEBUG off, static files collected with WhiteNoise's
  CompressedManifestStaticFilesStorage and served by WhiteNoise through the
  project's own middleware; `budget_survey.production_like_server` explains
  the details). Every kind of page is measured once, by the same survey the
  figures script `benchmarks/page_budgets.py` prints, and the budget tests
  only read the figures: one test per kind of page, listing everything that
  page breaks.
* The journeys browse the same site. They only read it, so they are not
  transactional tests (a transactional test flushes the database at its end,
  which would wipe the shared demo): each runs in a transaction rolled back at
  its end, with the demo in place, and the module leaves the database flushed,
  as every transactional test does. The `django_db` mark also tells
  pytest-django that these tests need the test database (without it, this
  module run on its own would reach the development database instead) and
  that Django must keep the snapshot of the migrated rows the module brings
  back after its flush (`serialized_rollback`).
"""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from tests.browser.budget_survey import PAGE_KINDS, demo_urls, production_like_server, survey
from tests.browser.journeys import follow
from tests.conftest import restore_migrated_rows

pytestmark = [pytest.mark.browser, pytest.mark.demo_site, pytest.mark.django_db(serialized_rollback=True)]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The base URL of the demo site, served for the whole module, and the demo's URL of each kind of page."""
    with django_db_blocker.unblock():
        restore_migrated_rows()  # an earlier transactional test may have flushed them
        cache.clear()
        try:
            with open(os.devnull, "w") as quiet:
                call_command("load_demo_content", stdout=quiet)
            urls = demo_urls()
            with production_like_server() as base_url:
                yield base_url, urls
        finally:
            # Leave the database as every transactional test leaves it: flushed, its sequences untouched (as
            # Django's own teardown does), so that the migrated rows restored with their ids never meet an id
            # that a reset sequence hands out again (PostgreSQL).
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            restore_migrated_rows()  # the tests that follow on the same database read permissions, content types
            cache.clear()
            # Playwright's event loop may have given this fixture a connection of its own: closed here, it does not
            # keep PostgreSQL from dropping the test database at the end of the session.
            connection.close()


@pytest.fixture(scope="module")
def measured(demo_site, browser):
    """Every kind of page measured once: ({key: PageFigures}, {form: problem})."""
    base_url, urls = demo_site
    return survey(browser, base_url, urls)


@pytest.fixture
def site(demo_site):
    return demo_site[0]


# Page budgets --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.key)
def test_page_keeps_its_budget(measured, kind):
    """Weight, requests, DOM, EcoIndex, hosts, fonts, cookies, images, motion, focus, axe-core, 320 px, no JS."""
    pages, _forms = measured
    assert kind.key in pages, f"{kind.label}: the demo content has no such page"
    figures = pages[kind.key]
    problems = figures.problems()
    assert not problems, f"{kind.label} ({figures.url}):\n- " + "\n- ".join(problems)


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.key)
def test_page_passes_the_html_and_accessibility_checkers(measured, kind):
    """0 errors from the Nu HTML checker on the HTML as served, 0 IBM Equal Access violations and 0 pa11y
    (HTML_CodeSniffer, WCAG2AA) errors on the page (`tests/browser/checkers.py` says what runs where)."""
    pages, _forms = measured
    assert kind.key in pages, f"{kind.label}: the demo content has no such page"
    figures = pages[kind.key]
    assert figures.html, f"{kind.label}: no HTML was checked"
    problems = figures.checker_problems()
    assert not problems, f"{kind.label} ({figures.url}):\n- " + "\n- ".join(problems)


@pytest.mark.parametrize("form", ["search", "application step", "score form"])
def test_form_works_without_javascript(measured, form):
    _pages, forms = measured
    assert form in forms, f"the form {form!r} was not tried"
    assert not forms[form], forms[form]


# A visitor's journeys ------------------------------------------------------------------------------------------


def test_home_to_manifesto_to_search(page, site, assert_accessible):
    page.goto(site + "/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    follow(page, page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Manifestes"))
    assert page.locator("h1").inner_text() == "Manifestes et prises de position"
    assert_accessible(page)

    page.get_by_label("Année").select_option("2021")
    follow(page, page.get_by_role("button", name="Filtrer"))
    cards = page.locator(".card-title a")
    assert cards.all_inner_texts() == ["Pour des territoires numériques responsables"]
    follow(page, cards.first)
    assert page.locator("h1").inner_text() == "Pour des territoires numériques responsables"
    assert page.locator("ol.engagements > li").count() == 9
    contents = page.get_by_role("navigation", name="Sommaire")
    contents.get_by_role("link", name="Adopter une stratégie territorialisée").click()
    assert page.url.endswith("#engagement-8")
    assert_accessible(page)

    page.get_by_role("searchbox").first.fill("réemploi")
    with page.expect_navigation():
        page.get_by_role("searchbox").first.press("Enter")
    assert page.locator("h1").inner_text() == "Rechercher sur le site"
    assert "Pour des territoires numériques responsables" in page.locator(".search-results").inner_text()
    assert_accessible(page)


def test_search_with_a_typo_then_the_suggestion_then_a_type_filter(page, site, assert_accessible):
    """A visitor misspells "illectronisme", gets hits and the correction, follows it, keeps the events only."""
    page.goto(site + "/")
    page.get_by_role("searchbox").first.fill("ilectronisme")
    with page.expect_navigation():
        page.get_by_role("searchbox").first.press("Enter")
    results = page.locator(".search-results")
    assert "Agir face à l'urgence de l'illectronisme" in results.inner_text()
    assert page.get_by_role("status").first.inner_text().startswith(tuple("123456789"))
    assert_accessible(page)

    follow(page, page.locator(".suggestion").get_by_role("link", name="illectronisme"))
    assert page.locator("#id_q").input_value() == "illectronisme"
    assert page.locator(".suggestion").count() == 0
    assert page.locator(".search-results mark").first.inner_text().lower().startswith("illectronisme")
    assert_accessible(page)

    page.locator("#id_q").fill("inclusion numérique")
    with page.expect_navigation():
        page.locator("#id_q").press("Enter")
    page.wait_for_url("**q=inclusion*")
    filters = page.get_by_role("group", name="Type de résultat")
    filters.get_by_label("Événements", exact=False).check()
    follow(page, page.get_by_role("button", name="Filtrer"))
    assert "type=event" in page.url
    kinds = page.locator(".search-results .hit-kind").all_inner_texts()
    assert kinds and set(kinds) == {"Événement"}
    assert page.get_by_role("group", name="Type de résultat").get_by_label("Événements", exact=False).is_checked()
    assert_accessible(page)


def test_home_shows_the_next_events_and_the_open_calls_of_a_demo_loaded_today(page, site, assert_accessible):
    """Loaded today, the demo is alive: events to come and a call for each label, each a link that leads on."""
    page.goto(site + "/")
    events = page.get_by_role("region", name="Prochains rendez-vous")
    assert events.locator(".card-title a").count() >= 1
    calls = page.get_by_role("region", name="Appels à candidatures ouverts")
    titles = calls.locator(".card-title a").all_inner_texts()
    assert len(titles) == 2 and any("Territoire innovant" in t for t in titles) and any("Start-up" in t for t in titles)
    first_event = events.locator(".card-title a").first.inner_text()
    follow(page, events.locator(".card-title a").first)
    assert page.locator("h1").inner_text() == first_event
    assert page.get_by_role("link", name="Ajouter à mon calendrier (.ics)").count() == 1
    page.go_back()
    follow(page, calls.locator(".card-title a").first)
    assert page.locator("h1").inner_text() == titles[0]
    assert_accessible(page)


def test_other_page_types_are_accessible(page, site, assert_accessible):
    for path in ("/l-association/", "/accessibilite/", "/ecoconception/", "/recherche/?q=" + "x" * 300,
                 "/page-qui-n-existe-pas/"):
        page.goto(site + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_skip_link_is_the_first_tab_stop_and_visible(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[0] == "skip-link"
    assert focused[1] != "none"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0


def test_narrow_screen_has_no_horizontal_scroll(page, site):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("/", "/manifestes/pour-des-territoires-numeriques-responsables/", "/ecoconception/"):
        page.goto(site + path)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), path
