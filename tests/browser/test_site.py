"""A visitor's journey through the site, with axe-core on every page type it meets."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    return live_server.url


def test_home_to_manifesto_to_search(page, demo, assert_accessible):
    page.goto(demo + "/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Manifestes").click()
    assert page.locator("h1").inner_text() == "Manifestes et prises de position"
    assert_accessible(page)

    page.get_by_label("Année").select_option("2021")
    page.get_by_role("button", name="Filtrer").click()
    cards = page.locator(".card-title a")
    assert cards.all_inner_texts() == ["Pour des territoires numériques responsables"]
    cards.first.click()
    assert page.locator("h1").inner_text() == "Pour des territoires numériques responsables"
    assert page.locator("ol.engagements > li").count() == 9
    contents = page.get_by_role("navigation", name="Sommaire")
    contents.get_by_role("link", name="Adopter une stratégie territorialisée").click()
    assert page.url.endswith("#engagement-8")
    assert_accessible(page)

    page.get_by_role("searchbox").first.fill("réemploi")
    page.get_by_role("searchbox").first.press("Enter")
    assert page.locator("h1").inner_text() == "Rechercher sur le site"
    assert "Pour des territoires numériques responsables" in page.locator(".search-results").inner_text()
    assert_accessible(page)


def test_other_page_types_are_accessible(page, demo, assert_accessible):
    for path in ("/l-association/", "/accessibilite/", "/ecoconception/", "/recherche/?q=" + "x" * 300,
                 "/page-qui-n-existe-pas/"):
        page.goto(demo + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_skip_link_is_the_first_tab_stop_and_visible(page, demo):
    page.goto(demo + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[0] == "skip-link"
    assert focused[1] != "none"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0


def test_narrow_screen_has_no_horizontal_scroll(page, demo):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("/", "/manifestes/pour-des-territoires-numeriques-responsables/", "/ecoconception/"):
        page.goto(demo + path)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), path
