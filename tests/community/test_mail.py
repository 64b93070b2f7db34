"""E-mails: immediate subscriptions, daily digests (each post once), mentions (once per post), unsubscribing."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from community import services
from community.models import Subscription
from tests.community.factories import person, topic_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(world, clock):
    return topic_with_posts(world.theme_space, world.member, clock(), title="Open data et IA")


def test_an_immediate_subscriber_gets_each_new_post_but_not_their_own(world, topic, clock):
    services.subscribe(world.other, clock(), "immediate", topic=topic)
    services.subscribe(world.member, clock(), "immediate", space=world.theme_space)
    services.reply(world.member, topic, "Une précision", clock(), moderator=False)
    assert [message.to for message in mail.outbox] == [["elodie@nantes.example.org"]]
    assert mail.outbox[0].subject == "Nouveau message dans « Open data et IA »"
    assert "Une précision" in mail.outbox[0].body and "/communaute/desabonnement/" in mail.outbox[0].body


def test_a_revoked_agent_gets_no_post_by_e_mail(world, topic, clock):
    Subscription.objects.create(user=world.revoked, topic=topic, frequency="immediate", created_at=clock())
    services.reply(world.other, topic, "Une réponse", clock(), moderator=False)
    assert mail.outbox == []


def test_the_daily_digest_sends_each_post_once(world, topic, clock):
    services.subscribe(world.other, clock(), "daily", space=world.theme_space)
    services.reply(world.member, topic, "Premier ajout", clock(), moderator=False)
    services.reply(world.coordinator, topic, "Second ajout", clock(), moderator=True)
    assert mail.outbox == []
    call_command("send_community_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.subject == "Communauté Territoir'Prod : 2 nouveaux messages dans « IA »"
    assert "Premier ajout" in digest.body and "Second ajout" in digest.body
    assert "Premier message" not in digest.body  # there before the subscription
    call_command("send_community_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    clock.set(clock() + datetime.timedelta(days=1))
    services.reply(world.member, topic, "Le lendemain", clock(), moderator=False)
    call_command("send_community_digests", stdout=StringIO())
    assert len(mail.outbox) == 2
    assert "Le lendemain" in mail.outbox[1].body and "Premier ajout" not in mail.outbox[1].body


def test_a_hidden_post_is_left_out_of_the_digest(world, topic, clock):
    services.subscribe(world.other, clock(), "weekly", topic=topic)
    post = services.reply(world.member, topic, "À masquer", clock(), moderator=False)
    services.hide(world.staff, post, "Hors sujet", clock())
    call_command("send_community_digests", stdout=StringIO())
    assert mail.outbox == []


def test_a_mentioned_member_is_told_once(world, topic, clock):
    services.profile_of(world.other)
    post = services.reply(world.member, topic, "Qu'en pense @elodie-moreau ? et @elodie-moreau ?", clock(),
                          moderator=False)
    assert [message.to for message in mail.outbox] == [["elodie@nantes.example.org"]]
    assert mail.outbox[0].subject == "Karim Benali vous mentionne dans « Open data et IA »"
    services.edit(world.member, post, "Qu'en pense @elodie-moreau, vraiment ?", clock())
    assert len(mail.outbox) == 1


def test_a_mention_of_someone_who_cannot_read_the_space_sends_nothing(world, topic, clock):
    services.profile_of(world.outsider)
    services.reply(world.member, topic, f"Bonjour @{world.outsider.community_profile.handle}", clock(),
                   moderator=False)
    assert mail.outbox == []


def test_the_unsubscribe_link_of_an_e_mail_works_in_one_click(client, world, topic, clock):
    services.subscribe(world.other, clock(), "immediate", topic=topic)
    services.reply(world.member, topic, "Une précision", clock(), moderator=False)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/communaute/desabonnement/" in line)
    path = link[link.index("/communaute/"):].strip()
    assert "Me désabonner" in client.get(path).content.decode()
    assert "est fait : vous ne recevrez plus" in client.post(path).content.decode()
    assert not Subscription.objects.exists()
    assert "aucun abonnement" in client.post(path).content.decode()
    assert "aucun abonnement" in client.get("/communaute/desabonnement/faux-jeton/").content.decode()


def test_a_post_alerts_ten_mentioned_members_at_most(world, topic, clock):
    for n in range(12):
        services.profile_of(person(f"agent{n:02}@nantes.example.org", "Agent", f"N{n:02}", world.nantes))
    services.reply(world.member, topic, " ".join(f"@agent-n{n:02}" for n in range(12)), clock(), moderator=False)
    assert sorted(message.to[0] for message in mail.outbox) == [f"agent{n:02}@nantes.example.org" for n in range(10)]
