"""The search page runs the same number of queries whatever the index holds, grouped or filtered by type."""

import datetime

import pytest

from interconnectes.models import SiteSettings
from sitesearch import indexing
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db


def add_records(home, indexes, size):
    """`size` records of each of three types, all about "sobriété", with various years."""
    manifestos, tour = indexes
    for number in range(size):
        ManifestoPageFactory(parent=manifestos, intro="Un numérique sobre et responsable.",
                             adoption_date=datetime.date(2015 + number % 9, 1, 1))
        StandardPageFactory(parent=home, title="Sobriété", slug=f"sobriete-{size}-{number}",
                            intro="Un numérique sobre.")
        JourneeExpertPageFactory(parent=tour, intro="La sobriété numérique en actes.",
                                 start_date=datetime.date(2016 + number % 9, 5, 1))


@pytest.mark.parametrize("params", [{"q": "sobre numerique"}, {"q": "sobriete", "type": "page", "page": "2"},
                                    {"q": "sobriété", "year": "2017"}, {"q": "sobrieté numerik"}])
def test_search_page_runs_a_fixed_number_of_queries(reader_client, home, params):
    from django.contrib.contenttypes.models import ContentType

    SiteSettings.for_site(home.get_site())
    indexes = (ManifestoIndexPageFactory(parent=home), TourPageFactory(parent=EventIndexPageFactory(parent=home)))
    counts = []
    for size in (10, 50):
        add_records(home, indexes, size - (10 if counts else 0))
        indexing.rebuild()
        ContentType.objects.clear_cache()  # a fresh process: content types are looked up once
        counts.append(page_queries(reader_client, "/recherche/", params))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts
    assert "50 résultats" in reader_client.get("/recherche/", {"q": "sobre numerique", "type": "manifesto"}).text
