"""The map of France in a real browser: drawn, named, clickable with a pointer, and its list reachable by keyboard
and without JavaScript; axe-core, IBM Equal Access, pa11y and the Nu HTML checker find nothing, and the page's
CSP blocks nothing.

The component is shown on a page of this file's own URLconf, so that the test needs no other app's data.
"""

import pytest
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from interconnectes.francemap.places import KNOWN_PLACES
from interconnectes.francemap.points import MapPoint, PointKind
from tests.browser import checkers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% load france_map %}{% block title %}Carte de test{% endblock %}'
    '{% block content %}<div class="wrap"><h1>Les territoires engagés</h1>'
    '{% france_map points title="Carte des territoires engagés et des concertations" %}</div>{% endblock %}'
)
POINTS = [
    *(MapPoint(name, lon, lat, PointKind.TERRITORY, index % 4, url=f"/carte-de-test/?territoire={index}")
      for index, (name, (lon, lat)) in enumerate(sorted(KNOWN_PLACES.items()))),
    MapPoint("Café IA à Tours", 0.69, 47.39, PointKind.CONSULTATION, 35, url="/carte-de-test/?concertation=1"),
    MapPoint("Atelier à Saint-Denis de La Réunion", 55.45, -20.88, PointKind.CONSULTATION, 12),
]
TITLE = "Carte des territoires engagés et des concertations"


def map_page(request):
    return HttpResponse(PAGE.render({"points": POINTS}, request))


urlpatterns = [path("carte-de-test/", map_page), path("", include("interconnectes.urls"))]


@pytest.mark.urls(__name__)
def test_the_map_is_drawn_named_and_clickable_and_its_list_says_the_same(page, live_server, home, assert_accessible):
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    served = page.goto(f"{live_server.url}/carte-de-test/").text()

    drawing = page.locator("svg.france-map-drawing")
    assert drawing.is_visible() and drawing.evaluate(
        "svg => svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent)"
    )[0] == TITLE
    assert drawing.locator("circle").count() == len(POINTS)
    first = page.locator(".france-map-list li").first.inner_text()
    assert first == "Angers Loire Métropole (territoire engagé, 0 concertations)"
    assert page.locator(".france-map-list li").count() == len(POINTS)
    assert_accessible(page)
    assert blocked == []
    in_page = checkers.InPageCheckers()
    assert in_page.ibm(page) == [] and in_page.pa11y(page) == []
    assert checkers.nu_html_check({"carte": served})["carte"][0] == []

    # A pointer user clicks a circle; its <title> says what it is.
    tours = drawing.locator("a", has=page.locator("title", has_text="Café IA à Tours"))
    tours.click()
    page.wait_for_url("**/carte-de-test/?concertation=1")

    # A keyboard user tabs past the drawing (its circles repeat the list) and reaches the list's links.
    page.goto(f"{live_server.url}/carte-de-test/")
    page.locator(".france-map-legend").click()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.france-map-list') !== null")
    assert focused and page.evaluate("document.activeElement.textContent") == "Angers Loire Métropole"
    page.keyboard.press("Enter")
    page.wait_for_url("**/carte-de-test/?territoire=0")


@pytest.mark.urls(__name__)
def test_without_javascript_the_list_has_every_place(browser, live_server, home):
    context = browser.new_context(java_script_enabled=False)
    reader = context.new_page()
    reader.goto(f"{live_server.url}/carte-de-test/")
    items = reader.locator(".france-map-list li").all_inner_texts()
    assert [item.split(" (")[0] for item in items] == [point.label for point in POINTS]
    assert "Atelier à Saint-Denis de La Réunion (concertation, 12 participants)" in items
    context.close()
