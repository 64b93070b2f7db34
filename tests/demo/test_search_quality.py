"""The site search on the demo: its index is complete once the demo is loaded, and the 40 French queries of
`tests/sitesearch/search_queries.py` put the expected hit first at least 90 % of the time."""

from collections import Counter

from benchmarks.search_quality import first_hits, hit_rate
from events.models import EventIndexPage, EventPage
from interconnectes import clock
from manifestes.models import ManifestoPage
from sitesearch.models import Kind, SearchDocument
from tests.sitesearch.search_queries import QUERIES, THRESHOLD


def test_the_demo_leaves_the_index_complete(db):
    kinds = Counter(SearchDocument.objects.values_list("kind", flat=True))
    agenda = EventIndexPage.objects.get()
    assert kinds[Kind.SPEAKER] == agenda.speakers().count() > 0
    assert kinds[Kind.EVENT] == EventPage.objects.live().public().count()
    assert kinds[Kind.MANIFESTO] == ManifestoPage.objects.live().public().count()
    assert kinds[Kind.LAUREATE] > 0 and kinds[Kind.ORGANISATION] > 0 and kinds[Kind.PAGE] > 0
    assert not SearchDocument.objects.filter(url="/").exists()  # never the home page


def test_forty_french_queries_find_the_expected_hit_first(db, capsys):
    assert len(QUERIES) == 40
    rows = first_hits(QUERIES, clock.now())
    misses = [row for row in rows if row[1] != row[2]]
    rate = hit_rate(rows)
    with capsys.disabled():
        print(f"\nRecherche : {rate:.0%} des 40 requêtes trouvent d'abord le résultat attendu. Manqués : {misses}")
    assert rate >= THRESHOLD, misses


def test_the_search_page_shows_the_demo_hits(client, db):
    page = client.get("/recherche/", {"q": "ilectronisme"}).content.decode()
    assert "Agir face à l’urgence de l’illectronisme" in page or "Agir face à l&#x27;urgence" in page
    assert "Essayez plutôt" in page
