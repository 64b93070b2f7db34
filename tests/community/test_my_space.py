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


def test_my_data_holds_my_posts_and_subscriptions_and_my_posts_outlive_my_account(client, world, clock):
    from accounts import gdpr
    from community.models import Post

    topic = topic_with_posts(world.general, world.member, clock(), title="Tableur", body="Mon message")
    services.subscribe(world.member, clock(), "daily", topic=topic)
    data = gdpr.export_user_data(world.member)["communaute"]
    assert data["nom_de_mention"] == "karim-benali" and data["messages"][0]["texte"] == "Mon message"
    assert data["abonnements"] == [{"suivi": "Tableur", "frequence": "quotidienne (un résumé par jour)"}]
    gdpr.delete_account(world.member)
    assert Post.objects.get().author is None
    client.force_login(world.other)
    assert "un membre (compte supprimé)" in client.get(f"/communaute/sujet/{topic.pk}/").content.decode()
