"""The search page: what it finds, how it shows it, its filters and its answers to bad input."""

import datetime

import pytest
from bs4 import BeautifulSoup

from interconnectes.demo_pages import stream
from sitesearch import indexing
from tests.events.factories import (
    EventIndexPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
    TourPageFactory,
    VenueFactory,
)
from tests.factories import (
    ManifestoIndexPageFactory,
    ManifestoPageFactory,
    OrganisationFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text() for a in html(response).select(".search-results .hit-title")]


def search(client, query, **params):
    return client.get("/recherche/", {"q": query, **params})


@pytest.fixture
def manifesto(home):
    index = ManifestoIndexPageFactory(parent=home)
    return ManifestoPageFactory(
        parent=index, title="Pour des territoires numériques responsables", adoption_date=datetime.date(2019, 6, 4),
        body=stream([("rich_text", "<p>Stimuler les filières économiques de réemploi.</p>")]),
    )


@pytest.fixture
def agenda(home):
    """An agenda with a Journée expert in Bordeaux, whose round table has Maria Lépine of Bordeaux Métropole."""
    agenda = EventIndexPageFactory(parent=home)
    tour = TourPageFactory(parent=agenda)
    event = JourneeExpertPageFactory(parent=tour, title="Journée expert inclusion numérique",
                                     venue=VenueFactory(name="Hôtel de Région", city="Bordeaux"), city="")
    person = PersonFactory(name="Maria Lépine", role="Maire", bio="Élue engagée contre l'illectronisme.",
                           organisation=OrganisationFactory(name="Bordeaux Métropole"))
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=event, title="Inclusion et médiation"),
                              person=person)
    return agenda


def test_search_finds_a_manifesto_by_a_word_of_its_body(client, manifesto):
    indexing.rebuild()
    response = search(client, "réemploi")
    assert response.status_code == 200
    assert result_titles(response) == [manifesto.title]
    assert '<meta name="robots" content="noindex">' in response.text


def test_each_hit_says_its_type_and_date_with_an_excerpt_marking_the_terms(client, manifesto):
    indexing.rebuild()
    hit = html(search(client, "reemplois")).select_one(".hit")
    assert hit.select_one(".hit-kind").get_text() == "Manifeste"
    assert hit.select_one("time")["datetime"] == "2019-06-04" and hit.select_one("time").get_text() == "4 juin 2019"
    assert [mark.get_text() for mark in hit.select(".excerpt mark")] == ["réemploi"]


def test_speakers_organisations_and_events_are_found_by_name_and_city(client, agenda):
    indexing.rebuild()
    assert result_titles(search(client, "Lépine"))[0] == "Maria Lépine"
    assert result_titles(search(client, "lepine"))[0] == "Maria Lépine"  # without the accent
    # Named in its title, the organisation comes first; the event held there next.
    assert result_titles(search(client, "Bordeaux")) == ["Bordeaux Métropole", "Journée expert inclusion numérique",
                                                         "Maria Lépine"]  # her organisation is Bordeaux Métropole
    speaker = html(search(client, "Lépine")).select_one(".hit a")["href"]
    assert client.get(speaker).status_code == 200


def test_results_are_grouped_by_type_with_counts(client, agenda, manifesto):
    indexing.rebuild()
    page = html(search(client, "numérique"))
    groups = [(group.select_one("h3").get_text(" ", strip=True), len(group.select(".hit")))
              for group in page.select(".hit-group")]
    assert ("Événements (1)", 1) in groups and ("Manifestes (1)", 1) in groups
    assert "2 résultats" in page.select_one("#results-heading").get_text()


def test_a_typo_finds_the_word_and_offers_the_correction(client, agenda):
    indexing.rebuild()
    page = html(search(client, "ilectronisme"))
    assert [a.get_text() for a in page.select(".hit-title")] == ["Maria Lépine"]
    suggestion = page.select_one(".suggestion a")
    assert suggestion.get_text() == "illectronisme" and suggestion["href"] == "?q=illectronisme"
    assert not html(search(client, "illectronisme")).select(".suggestion")


def test_the_home_page_is_never_a_hit(client, home):
    home.title = "Accueil unique zorglub"
    home.save_revision().publish()
    StandardPageFactory(parent=home, title="Page zorglub")
    indexing.rebuild()
    assert result_titles(search(client, "zorglub")) == ["Page zorglub"]


def test_type_filter_paginates_one_type(client, home):
    for number in range(12):
        StandardPageFactory(parent=home, title=f"Sobriété numérique {number:02d}")
    indexing.rebuild()
    first = search(client, "sobriété", type="page")
    assert len(result_titles(first)) == 10 and "Page 1 sur 2" in first.text
    second = search(client, "sobriété", type="page", page=2)
    assert len(result_titles(second)) == 2
    assert html(first).select_one('input[name="type"][value="page"]').has_attr("checked")
    grouped = html(search(client, "sobriété"))
    assert len(grouped.select(".hit")) == 3
    assert grouped.select_one(".hit-group p > a")["href"] == "?q=sobri%C3%A9t%C3%A9&type=page"


def test_year_filter_keeps_that_year(client, home, manifesto):
    ManifestoPageFactory(parent=manifesto.get_parent(), title="Territoires sobres", adoption_date=datetime.date(2023,
                                                                                                               1, 5))
    indexing.rebuild()
    assert result_titles(search(client, "territoires", year=2023)) == ["Territoires sobres"]
    years = [option.get_text() for option in html(search(client, "territoires")).select("#id_year option")]
    assert years == ["Toutes les années", "2023 (1)", "2019 (1)"]
    empty = html(search(client, "territoires", year=2001))
    assert "Aucun résultat avec ces filtres." in empty.select_one(".search-results").get_text()


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"type": "secret"}, "type", "Ce type de résultat n’existe pas"),
    ({"year": "deux-mille"}, "year", "Indiquez une année en chiffres"),
    ({"year": "99999"}, "year", "antérieure à 2100"),
])
def test_bad_filters_get_a_french_message_next_to_the_field(client, manifesto, params, field, message):
    response = search(client, "territoires", **params)
    assert response.status_code == 400
    assert message in html(response).select_one(f"#{field}-errors").get_text()


def test_nothing_found_says_so(client, manifesto):
    indexing.rebuild()
    text = html(search(client, "xylophone")).select_one(".search-results").get_text()
    assert "0 résultat" in text and "Vérifiez l’orthographe" in text


def test_the_query_is_escaped_everywhere_it_is_shown(client, manifesto):
    indexing.rebuild()
    attack = '<script>alert(1)</script> réemploi"><img src=x onerror=alert(1)>'
    response = search(client, attack)
    assert "<script>alert(1)" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;" in response.text
    assert result_titles(response) == [] or result_titles(response) == [manifesto.title]


def test_empty_query_shows_the_form_only(client, home):
    response = search(client, "   ")
    assert response.status_code == 200
    assert "résultat" not in html(response).select_one("main").get_text()


@pytest.mark.parametrize("query", ['"*)(OR NOT', "AND", "*", "'; DROP TABLE wagtailcore_page; --", "🦆", "a" * 200,
                                   "NEAR(a b)", "-", "%", "_", "\x00"])
def test_absurd_queries_answer_cleanly(client, manifesto, query):
    indexing.rebuild()
    response = client.get("/recherche/", {"q": query, "page": "x"})
    assert response.status_code == (400 if "\x00" in query else 200)  # a null character is refused by the form


def test_overlong_query_gets_a_french_error_next_to_the_field(client, home):
    response = search(client, "x" * 10_000)
    assert response.status_code == 400
    page = html(response)
    assert "trop longue" in page.select_one("#q-errors").get_text()
    assert page.select_one("input#id_q")["aria-describedby"] == "q-errors"


def test_search_rejects_post(client, home):
    assert client.post("/recherche/", {"q": "x"}).status_code == 405
