"""The listing and a replay's page run a fixed number of queries, within the site's budgets, whatever the number
of replays and chapters (tests/queries.py); a replay page, video aside, stays light."""

import pytest
from django.urls import reverse

from interconnectes.models import NavigationSettings, SiteSettings
from replays.models import Visibility
from tests.events.factories import ProgrammeSessionFactory
from tests.queries import page_queries, within_budget
from tests.replays.conftest import client_for
from tests.replays.factories import ReplayFactory, sequence_of

pytestmark = pytest.mark.django_db

MAX_PAGE_BYTES = 200 * 1024


def settings_made_once(page):
    SiteSettings.for_site(page.get_site())  # created once by editors in real life
    NavigationSettings.for_site(page.get_site())


def replays(theme, stop, count, start):
    """`count` replays, alternately of sequences and of event sessions, public and members'."""
    for index in range(start, start + count):
        attachment = {"sequence": sequence_of(theme, number=index + 1)} if index % 2 else \
            {"session": ProgrammeSessionFactory(page=stop)}
        ReplayFactory(visibility=Visibility.PUBLIC if index % 3 else Visibility.MEMBERS, **attachment)


@pytest.mark.parametrize("who", [None, "member_agent"])
def test_the_listing_runs_the_same_queries_for_3_or_30_replays(theme, stop, readers, clock, who):
    settings_made_once(theme)
    client = client_for(getattr(readers, who) if who else None)
    counts = []
    for count, start in ((3, 0), (27, 3)):
        replays(theme, stop, count, start)
        counts.append(page_queries(client, reverse("replays:index")))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_a_replay_page_runs_the_same_queries_for_2_or_40_chapters(members_replay, readers):
    settings_made_once(members_replay.sequence.theme)
    client = client_for(readers.member_agent)
    url = reverse("replays:detail", args=[members_replay.slug])
    small = page_queries(client, url)
    for number in range(40):
        members_replay.chapters.create(time_code=f"{number + 1}:00", title=f"Chapitre {number}")
    large = page_queries(client, url)
    assert small == large and within_budget(small), (small, large)
    response = client.get(url)
    assert len(response.content) < MAX_PAGE_BYTES
    print(f"replay page: {small[0]} queries cold, {small[1]} warm, {len(response.content)} bytes of HTML")
