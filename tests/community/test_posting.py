"""Posting, editing, reporting, moderating and accepting answers through the pages, with their bad input."""

import datetime

import pytest

from community.models import BODY_MAX_LENGTH, Post, Report, Subscription, Topic
from tests.community.factories import topic_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(world, clock):
    return topic_with_posts(world.theme_space, world.member, clock(), title="Un modèle de délibération ?")


def url(topic):
    return f"/communaute/sujet/{topic.pk}/"


def test_a_member_opens_a_topic_and_another_replies(client, world):
    client.force_login(world.member)
    response = client.post("/communaute/ia/nouveau-sujet/",
                           {"title": "Chatbot et RGPD", "body": "Qui a fait une AIPD ?"})
    topic = Topic.objects.get(title="Chatbot et RGPD")
    assert response.status_code == 302 and topic.author == world.member and topic.space == world.theme_space
    client.force_login(world.other)
    response = client.post(url(topic), {"body": "Nous, à Nantes : https://ex.org/aipd"}, follow=True)
    page = response.content.decode()
    assert "Votre réponse est publiée." in page
    assert '<a href="https://ex.org/aipd" rel="nofollow ugc noopener">' in page


def test_a_post_with_a_script_is_shown_as_text(client, world, topic):
    client.force_login(world.member)
    client.post(url(topic), {"body": "<script>alert(1)</script>"})
    page = client.get(url(topic)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_an_empty_post_is_refused_next_to_its_field(client, world, topic):
    client.force_login(world.member)
    response = client.post(url(topic), {"body": "   "})
    assert response.status_code == 400 and "Écrivez votre message." in response.content.decode()
    assert topic.posts.count() == 1


def test_a_post_too_long_is_refused_and_kept(client, world, topic):
    client.force_login(world.member)
    body = "b" * (BODY_MAX_LENGTH + 1)
    response = client.post(url(topic), {"body": body})
    page = response.content.decode()
    assert response.status_code == 400 and "5000 caractères au plus" in page and body in page
    assert topic.posts.count() == 1


def test_posting_too_fast_is_refused_in_french(client, world, topic, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "COMMUNITY_POSTS_PER_HOUR": 2}
    client.force_login(world.other)
    for n in range(2):
        assert client.post(url(topic), {"body": f"Réponse {n}"}).status_code == 302
    response = client.post(url(topic), {"body": "Encore une"})
    assert response.status_code == 429
    assert "Vous avez déjà publié 2 messages dans l" in response.content.decode()
    assert not Post.objects.filter(body="Encore une").exists()


def test_a_locked_topic_refuses_members_replies_not_the_moderators(client, world, topic):
    client.force_login(world.member)
    assert client.post(f"/communaute/sujet/{topic.pk}/moderer/", {"action": "lock"}).status_code == 404
    client.force_login(world.coordinator)
    assert client.post(f"/communaute/sujet/{topic.pk}/moderer/", {"action": "autre"}).status_code == 404
    client.post(f"/communaute/sujet/{topic.pk}/moderer/", {"action": "lock"})
    topic.refresh_from_db()
    assert topic.locked
    client.force_login(world.member)
    page = client.get(url(topic)).content.decode()
    assert "accepte plus de réponse" in page and "Publier la réponse" not in page
    response = client.post(url(topic), {"body": "Et pourtant"})
    assert response.status_code == 403 and not Post.objects.filter(body="Et pourtant").exists()
    client.force_login(world.coordinator)
    assert client.post(url(topic), {"body": "Le mot de la fin"}).status_code == 302


def test_a_hidden_post_is_shown_to_moderators_only(client, world, topic, clock):
    client.force_login(world.other)
    client.post(url(topic), {"body": "Message déplacé"})
    post = Post.objects.get(body="Message déplacé")
    assert client.get(f"/communaute/message/{post.pk}/masquer/").status_code == 404  # not a moderator
    client.force_login(world.coordinator)
    response = client.post(f"/communaute/message/{post.pk}/masquer/", {"reason": ""})
    assert response.status_code == 400 and "Indiquez le motif du masquage." in response.content.decode()
    client.post(f"/communaute/message/{post.pk}/masquer/", {"reason": "Hors sujet"})
    post.refresh_from_db()
    assert post.hidden and post.hidden_by == world.coordinator and post.hidden_reason == "Hors sujet"
    assert "Message déplacé" in client.get(url(topic)).content.decode()
    client.force_login(world.member)
    assert "Message déplacé" not in client.get(url(topic)).content.decode()
    assert client.get(f"/communaute/message/{post.pk}/").status_code == 404
    client.force_login(world.other)  # its author reads why
    page = client.get(url(topic)).content.decode()
    assert "Message déplacé" in page and "les membres ne le voient plus) : Hors sujet" in page
    client.force_login(world.staff)
    client.post(f"/communaute/message/{post.pk}/masquer/", {"action": "unhide"})
    client.force_login(world.member)
    assert "Message déplacé" in client.get(url(topic)).content.decode()


def test_a_report_goes_to_the_queue_of_the_spaces_moderators(client, world, topic):
    post = topic.posts.get()
    client.force_login(world.other)
    response = client.post(f"/communaute/message/{post.pk}/signaler/", {"reason": ""})
    assert response.status_code == 400 and "Dites ce qui pose problème" in response.content.decode()
    client.post(f"/communaute/message/{post.pk}/signaler/", {"reason": "Propos blessants"})
    again = client.post(f"/communaute/message/{post.pk}/signaler/", {"reason": "Encore"})
    assert "déjà signalé" in again.content.decode() and Report.objects.count() == 1
    assert client.get("/communaute/ia/signalements/").status_code == 404  # members have no queue
    client.force_login(world.coordinator)
    queue = client.get("/communaute/ia/signalements/").content.decode()
    assert "Propos blessants" in queue
    client.post("/communaute/ia/signalements/", {"report": Report.objects.get().pk})
    assert "Aucun signalement en attente." in client.get("/communaute/ia/signalements/").content.decode()


def test_the_topics_author_accepts_an_answer_that_is_highlighted(client, world, topic):
    client.force_login(world.other)
    client.post(url(topic), {"body": "La réponse"})
    answer = Post.objects.get(body="La réponse")
    assert client.post(f"/communaute/message/{answer.pk}/accepter/").status_code == 404  # not the author
    client.force_login(world.member)
    client.post(f"/communaute/message/{answer.pk}/accepter/")
    topic.refresh_from_db()
    assert topic.accepted_post == answer
    page = client.get(url(topic)).content.decode()
    assert "community-post--accepted" in page and "Aller à la réponse acceptée" in page


def test_one_edits_their_own_post_within_the_window_only(client, world, topic, clock):
    post = topic.posts.get()
    client.force_login(world.other)
    assert client.get(f"/communaute/message/{post.pk}/modifier/").status_code == 302  # not theirs
    client.force_login(world.member)
    client.post(f"/communaute/message/{post.pk}/modifier/", {"body": "Corrigé"})
    post.refresh_from_db()
    assert post.body == "Corrigé" and post.edited_at == clock()
    clock.set(clock() + datetime.timedelta(minutes=16))
    client.post(f"/communaute/message/{post.pk}/modifier/", {"body": "Trop tard"})
    post.refresh_from_db()
    assert post.body == "Corrigé"


def test_following_a_space_then_a_topic_then_stopping(client, world, topic):
    client.force_login(world.other)
    client.post("/communaute/abonnement/", {"space": world.theme_space.pk, "frequency": "weekly"})
    client.post("/communaute/abonnement/", {"topic": topic.pk, "frequency": "immediate"})
    client.post("/communaute/abonnement/", {"topic": topic.pk, "frequency": "nimporte"})
    assert set(Subscription.objects.values_list("space", "topic", "frequency")) == {
        (world.theme_space.pk, None, "weekly"), (None, topic.pk, "immediate")}
    client.post("/communaute/abonnement/", {"topic": topic.pk, "action": "unsubscribe"})
    assert Subscription.objects.count() == 1
    client.force_login(world.outsider)
    assert client.post("/communaute/abonnement/", {"space": world.general.pk, "frequency": "daily"}).status_code == 403


def test_a_hidden_topic_is_shown_to_moderators_only(client, world, topic):
    client.force_login(world.staff)
    client.post(f"/communaute/sujet/{topic.pk}/moderer/", {"action": "hide"})
    assert "Un modèle de délibération" in client.get("/communaute/ia/").content.decode()
    assert client.get(url(topic)).status_code == 200
    client.force_login(world.member)
    assert "Un modèle de délibération" not in client.get("/communaute/ia/").content.decode()
    assert client.get(url(topic)).status_code == 404
    assert client.post(url(topic), {"body": "Par la porte de derrière"}).status_code == 404
    client.force_login(world.staff)
    client.post(f"/communaute/sujet/{topic.pk}/moderer/", {"action": "unhide"})
    client.force_login(world.member)
    assert client.get(url(topic)).status_code == 200


def test_a_posts_address_opens_the_topic_page_that_shows_it(client, world, clock):
    topic = topic_with_posts(world.general, world.member, clock(), count=25)
    posts = list(topic.posts.order_by("created_at", "pk"))
    client.force_login(world.other)
    assert client.get(f"/communaute/message/{posts[3].pk}/")["Location"] == (
        f"/communaute/sujet/{topic.pk}/#message-{posts[3].pk}")
    assert client.get(f"/communaute/message/{posts[22].pk}/")["Location"] == (
        f"/communaute/sujet/{topic.pk}/?page=2#message-{posts[22].pk}")
