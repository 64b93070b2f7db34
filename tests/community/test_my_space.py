""""Mon espace" lists what the person follows in the community, and shows the way in to verified agents."""

import pytest

from community import services
from tests.community.factories import topic_with_posts

pytestmark = pytest.mark.django_db


def test_my_space_lists_my_subscriptions(client, world, clock):
    topic = topic_with_posts(world.general, world.other, clock(), title="Tableur de suivi des formations")
    services.subscribe(world.member, clock(), "weekly", space=world.theme_space)
    services.subscribe(world.member, clock(), "immediate", topic=topic)
    client.force_login(world.member)
    page = client.get("/compte/").content.decode()
    assert "Communauté Territoir&#x27;Prod" in page or "Communauté Territoir'Prod" in page
    assert '<a href="/communaute/ia/">IA</a> — hebdomadaire' in page
    assert f'<a href="/communaute/sujet/{topic.pk}/">Tableur de suivi des formations</a> — immédiate' in page


def test_people_without_membership_or_subscription_see_no_community_section(client, world):
    client.force_login(world.confirmed)
    assert "Aller à la communauté" not in client.get("/compte/").content.decode()
