"""A consultation's page, the list and the feed run a fixed number of queries within the budget, whatever the number
of findings, follow-ups and progress entries (tests/queries.py)."""

import datetime

import pytest

from consultations.followup_models import FollowUp, ProgressEntry
from consultations.record_models import Finding
from interconnectes.models import NavigationSettings, SiteSettings
from tests.consultations.records import agent, charter, committed, lessons, published
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db


def grow(record, size, clock):
    """`size` follow-ups with a progress entry each, and `size` findings spread over the eight lessons."""
    kept = lessons()
    items = FollowUp.objects.bulk_create([
        FollowUp(consultation=record, text=f"Engagement {index}", owner="Service", created_at=clock())
        for index in range(size)])
    ProgressEntry.objects.bulk_create([
        ProgressEntry(follow_up=item, on=datetime.date(2026, 4, 1), text="Avancement.", created_at=clock())
        for item in items])
    Finding.objects.bulk_create([
        Finding(consultation=record, lesson=kept[index % 8], kind="chiffre", evidence=f"{index} %")
        for index in range(size)])


@pytest.mark.parametrize("page", ["consultation", "feed", "list"])
def test_pages_run_the_same_queries_for_1_or_40_entries(reader_client, home, clock, page):
    SiteSettings.for_site(home.get_site())
    NavigationSettings.for_site(home.get_site())
    tours = committed("Tours Métropole Val de Loire", charter())
    person = agent("agent@tours.example.org", tours)
    record = published(tours, person)
    url = {"consultation": record.get_absolute_url(), "list": "/concertations-ia/concertations/",
           "feed": f"/concertations-ia/concertations/{record.slug}/flux.atom"}[page]
    counts = []
    for size in (1, 40):
        grow(record, size, clock)
        if page == "list":
            for index in range(size):
                published(tours, person, title=f"Concertation {size}-{index}")
        counts.append(page_queries(reader_client, url))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts
