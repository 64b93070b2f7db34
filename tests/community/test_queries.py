"""A topic page and a space page run the same queries with few or many posts and topics, within the budget."""

import pytest

from interconnectes.models import NavigationSettings, SiteSettings
from tests.community.factories import topic_with_posts
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db


def settings_made_once(home):
    SiteSettings.for_site(home.get_site())
    NavigationSettings.for_site(home.get_site())


def test_a_topic_with_5_or_200_posts(client, world, home, clock):
    settings_made_once(home)
    client.force_login(world.member)
    counts = []
    for size in (5, 200):
        topic = topic_with_posts(world.theme_space, world.other, clock(), count=size, body="Voir @karim-benali")
        topic.accepted_post = topic.posts.last()
        topic.save()
        client.get(f"/communaute/sujet/{topic.pk}/")
        counts.append(page_queries(client, f"/communaute/sujet/{topic.pk}/"))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_a_space_with_5_or_60_topics(client, world, home, clock):
    settings_made_once(home)
    client.force_login(world.coordinator)
    counts = []
    for size in (5, 55):
        for n in range(size):
            topic_with_posts(world.theme_space, world.member, clock(), count=2, title=f"Sujet {n}")
        counts.append(page_queries(client, "/communaute/ia/"))
        counts.append(page_queries(client, "/communaute/"))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
    assert all(within_budget(count) for count in counts), counts
