"""The resource space's filters (kind, theme, audience, collection), without JavaScript: a plain GET form; unknown
values are answered in French and ignored; pages of twelve."""

import pytest

from tests.events.factories import EventThemeFactory
from tests.resources.factories import ResourceFactory, collection, link_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(space, clock):
    ia = EventThemeFactory(name="Intelligence artificielle", slug="intelligence-artificielle")
    inclusion = EventThemeFactory(name="Inclusion numérique", slug="inclusion-numerique")
    guide = ResourceFactory(title="Guide de la concertation", themes=[ia], audience="elus")
    fiche = ResourceFactory(title="Fiche inclusion", kind="fiche", themes=[inclusion, ia])
    data = ResourceFactory(title="Territoires engagés", kind="donnees", themes=[ia], audience="dsi",
                           file__data="a;b\n1;2\n".encode(), file_type="text/csv")
    link = link_resource(title="Présentation du programme", kind="fiche", themes=[inclusion])
    collection("Ressources IA", "ressources-ia", [data, guide])
    return {"guide": guide, "fiche": fiche, "data": data, "link": link}


def titles(response) -> set[str]:
    return {card.title for card in response.context["found"].results.object_list}


@pytest.mark.parametrize(("query", "expected"), [
    ({}, {"guide", "fiche", "data", "link"}),
    ({"kind": "fiche"}, {"fiche", "link"}),
    ({"theme": "intelligence-artificielle"}, {"guide", "fiche", "data"}),
    ({"theme": "inclusion-numerique", "kind": "fiche"}, {"fiche", "link"}),
    ({"audience": "dsi"}, {"data"}),
    ({"collection": "ressources-ia"}, {"data", "guide"}),
    ({"collection": "ressources-ia", "audience": "elus"}, {"guide"}),
])
def test_filters_keep_what_they_say(client, shelf, query, expected):
    response = client.get("/ressources/", query)
    assert response.status_code == 200
    assert titles(response) == {shelf[name].title for name in expected}


def test_a_resource_in_two_themes_is_listed_once(client, shelf):
    response = client.get("/ressources/", {"theme": "intelligence-artificielle"})
    assert response.context["found"].results.paginator.count == 3


def test_an_unknown_value_is_answered_in_french_and_ignored(client, shelf):
    response = client.get("/ressources/", {"kind": "roman", "theme": "<script>", "page": "abc"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce choix n’existe pas (ou plus) : le filtre est ignoré." in page or \
        "Ce choix n&#x27;existe pas (ou plus) : le filtre est ignoré." in page
    assert "<script>" not in page
    assert len(titles(response)) == 4


def test_results_come_in_pages_of_twelve_keeping_the_filters(client, space, clock):
    for number in range(14):
        ResourceFactory(title=f"Fiche {number:02d}", kind="fiche")
    first = client.get("/ressources/", {"kind": "fiche"})
    assert len(first.context["found"].results.object_list) == 12
    assert "?kind=fiche&amp;page=2" in first.content.decode()
    second = client.get("/ressources/", {"kind": "fiche", "page": "2"})
    assert len(second.context["found"].results.object_list) == 2
    assert client.get("/ressources/", {"kind": "fiche", "page": "999"}).status_code == 200


def test_the_filters_work_as_a_plain_form(client, shelf):
    page = client.get("/ressources/").content.decode()
    assert '<form class="filters resource-filters" method="get"' in page
    for name in ("kind", "theme", "audience", "collection"):
        assert f'name="{name}"' in page

