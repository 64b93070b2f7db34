"""A resource's themes are searched with it: changing them shows in the next search, even when the change is
saved outside a transaction (a script, the shell), where the resource's own save asks for the rebuild before
its themes are written."""

import pytest
from bs4 import BeautifulSoup

from tests.events.factories import EventThemeFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def found(client, query):
    page = BeautifulSoup(client.get("/recherche/", {"q": query}).content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".hit-title")]


def test_a_theme_given_or_taken_away_shows_in_the_next_search(client, space, clock):
    inclusion = EventThemeFactory(name="Inclusion numérique", slug="inclusion-numerique")
    sobriety = EventThemeFactory(name="Sobriété numérique", slug="sobriete-numerique")
    resource = ResourceFactory(title="Guide des ateliers", themes=[inclusion])
    assert found(client, "inclusion") == ["Guide des ateliers"]

    resource.themes.set([sobriety])
    resource.save()
    assert found(client, "inclusion") == []
    assert found(client, "sobriété") == ["Guide des ateliers"]
