import pytest
from bs4 import BeautifulSoup

from interconnectes.demo_pages import stream
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".search-results li > a")]


@pytest.fixture
def manifesto(home):
    index = ManifestoIndexPageFactory(parent=home)
    return ManifestoPageFactory(
        parent=index, title="Pour des territoires numériques responsables",
        body=stream([("rich_text", "<p>Stimuler les filières économiques de réemploi.</p>")]),
    )


def test_search_finds_a_manifesto_by_a_word_of_its_body(client, manifesto):
    response = client.get("/recherche/", {"q": "réemploi"})
    assert response.status_code == 200
    assert result_titles(response) == [manifesto.title]
    assert '<meta name="robots" content="noindex">' in response.text


def test_search_ignores_drafts(client, home, manifesto):
    StandardPageFactory(parent=home, title="Réemploi en brouillon", live=False)
    manifesto.unpublish()
    assert result_titles(client.get("/recherche/", {"q": "réemploi"})) == []


def test_empty_query_shows_the_form_only(client, home):
    response = client.get("/recherche/", {"q": "   "})
    assert response.status_code == 200
    assert "résultat" not in BeautifulSoup(response.content, "html.parser").select_one("main").get_text()


@pytest.mark.parametrize("query", ['"*)(OR NOT', "AND", "*", "'; DROP TABLE wagtailcore_page; --", "🦆", "a" * 200,
                                   "NEAR(a b)", "-", "\x00"])
def test_absurd_queries_answer_cleanly(client, manifesto, query):
    response = client.get("/recherche/", {"q": query, "page": "x"})
    assert response.status_code == (400 if "\x00" in query else 200)  # a null character is refused by the form


def test_overlong_query_gets_a_french_error_next_to_the_field(client, home):
    response = client.get("/recherche/", {"q": "x" * 10_000})
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert "trop longue" in html.select_one("#q-errors").get_text()
    assert html.select_one("input#id_q")["aria-describedby"] == "q-errors"


def test_search_rejects_post(client, home):
    assert client.post("/recherche/", {"q": "x"}).status_code == 405
