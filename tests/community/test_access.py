"""Who reads, posts in and moderates which space: anonymous people get the login page, others without access a
French explanation, never the posts."""

import pytest

from community import permissions
from tests.community.factories import topic_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(world, clock):
    return topic_with_posts(world.theme_space, world.member, clock(), title="Un modèle de délibération ?",
                            body="Texte confidentiel des membres")


def urls(topic):
    post = topic.posts.first()
    return ["/communaute/", "/communaute/ia/", f"/communaute/sujet/{topic.pk}/", "/communaute/ia/nouveau-sujet/",
            f"/communaute/message/{post.pk}/signaler/"]


def test_anonymous_people_are_sent_to_the_login_page(client, topic):
    for url in urls(topic):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/"), url


@pytest.mark.parametrize("who", ["outsider", "revoked", "confirmed"])
def test_people_without_access_get_an_explanation_never_the_posts(client, world, topic, who):
    client.force_login(getattr(world, who))
    for url in urls(topic):
        response = client.get(url)
        assert response.status_code == 403, url
        content = response.content.decode()
        assert "réservée aux agents vérifiés des collectivités adhérentes" in content
        assert "Texte confidentiel" not in content and "délibération" not in content


@pytest.mark.parametrize("who", ["member", "staff"])
def test_member_agents_and_the_team_read_every_space(client, world, topic, who):
    client.force_login(getattr(world, who))
    assert "Texte confidentiel des membres" in client.get(f"/communaute/sujet/{topic.pk}/").content.decode()
    listing = client.get("/communaute/").content.decode()
    assert "Espace général" in listing and "IA" in listing


def test_a_coordinator_reads_and_moderates_the_theme_space_only(client, world, topic):
    client.force_login(world.coordinator)
    page = client.get(f"/communaute/sujet/{topic.pk}/").content.decode()
    assert "Texte confidentiel des membres" in page and "Masquer" in page
    assert client.get("/communaute/general/").status_code == 403
    listing = client.get("/communaute/").content.decode()
    assert "Espace général" not in listing


def test_moderators_are_the_team_the_themes_coordinators_and_named_moderators(world):
    assert permissions.may_moderate(world.staff, world.general)
    assert permissions.may_moderate(world.coordinator, world.theme_space)
    assert not permissions.may_moderate(world.coordinator, world.general)
    assert not permissions.may_moderate(world.member, world.theme_space)
    world.general.moderators.add(world.member)
    assert permissions.may_moderate(world.member, world.general)


def test_the_theme_coordinators_are_read_from_the_programme(world):
    world.theme.coordinators.set([world.other])
    world.theme.save()
    assert permissions.may_moderate(world.other, world.theme_space)
    assert not permissions.may_moderate(world.coordinator, world.theme_space)


def test_who_may_receive_a_spaces_posts_by_e_mail(world, clock):
    everyone = [world.member, world.outsider, world.revoked, world.confirmed, world.staff, world.coordinator]
    readers = permissions.readers_among([user.pk for user in everyone], world.theme_space, clock())
    assert readers == {world.member.pk, world.staff.pk, world.coordinator.pk}
    readers = permissions.readers_among([user.pk for user in everyone], world.general, clock())
    assert readers == {world.member.pk, world.staff.pk}


def test_accepting_an_answer_is_for_the_topics_author_or_a_moderator(world, topic):
    assert permissions.may_accept(world.member, topic, moderator=False)
    assert not permissions.may_accept(world.other, topic, moderator=False)
    assert permissions.may_accept(world.other, topic, moderator=True)
