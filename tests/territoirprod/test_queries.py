"""The programme's pages run a constant number of queries within the site's budgets, with 3 sequences per theme or
30, for an anonymous reader, a signed-in one and an enrolled member agent; "Mon espace" too, with its section."""

import datetime

import pytest
from django.urls import reverse

from territoirprod import services
from tests.accounts.factories import member
from tests.labels.factories import UserFactory
from tests.queries import page_queries, within_budget
from tests.territoirprod.factories import SequenceFactory, SequenceSpeakerFactory

pytestmark = pytest.mark.django_db


def grow(theme, count, start):
    for index in range(count):
        sequence = SequenceFactory(theme=theme, starts_at=start + datetime.timedelta(days=index),
                                   ends_at=start + datetime.timedelta(days=index, hours=2))
        SequenceSpeakerFactory(sequence=sequence)


@pytest.mark.parametrize("page", ["edition", "theme"])
def test_programme_pages_cost_the_same_with_3_or_30_sequences(reader_client, clock, edition, theme, page):
    url = edition.url if page == "edition" else theme.url
    grow(theme, 3, clock() - datetime.timedelta(days=40))
    reader_client.get(url)
    small = page_queries(reader_client, url)
    grow(theme, 27, clock() - datetime.timedelta(days=30))
    large = page_queries(reader_client, url)
    assert small == large, (small, large)
    assert within_budget(large), large


@pytest.mark.parametrize("page", ["edition", "theme", "space", "agents"])
def test_an_enrolled_referent_costs_the_same_too(client, clock, edition, theme, nantes, referent, agent, page):
    url = {"edition": edition.url, "theme": theme.url, "space": reverse("accounts:space"),
           "agents": reverse("territoirprod:enrol_agents") + f"?theme={theme.pk}"}[page]
    grow(theme, 3, clock() - datetime.timedelta(hours=12))
    services.enrol(referent, edition, theme, by=referent, now=clock())
    services.enrol(referent, edition, None, by=referent, now=clock())
    client.force_login(referent)
    client.get(url)
    small = page_queries(client, url)
    grow(theme, 27, clock() + datetime.timedelta(hours=1))
    services.enrol(agent, edition, theme, by=referent, now=clock())
    for _index in range(10):
        member(UserFactory(), nantes)
    large = page_queries(client, url)
    assert small == large, (small, large)
    assert within_budget(large), large
