"""After each sequence, one follow-up topic in its theme's space; and the community's demo."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from community import demo, followups
from community.models import Post, Report, Space, Topic
from tests.accounts.factories import organisation
from tests.community.factories import person, sequence, theme_page

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def test_which_sequences_need_their_topic():
    rows = [followups.SequenceRow(1, 10, NOW - HOUR), followups.SequenceRow(2, 10, NOW + HOUR),
            followups.SequenceRow(3, 20, NOW - HOUR), followups.SequenceRow(4, 10, NOW - 40 * 24 * HOUR),
            followups.SequenceRow(5, 10, NOW - 2 * HOUR)]
    due = followups.due(rows, {10: 100}, with_topic={5}, now=NOW)
    assert [(row.id, space) for row, space in due] == [(1, 100)]


def test_a_topic_is_opened_once_after_each_sequence(world, clock):
    ended = sequence(world.theme, "Acheter de l'IA", clock() - HOUR)
    sequence(world.theme, "Évaluer un projet", clock() + 24 * HOUR, number=2)
    call_command("open_followup_topics", stdout=StringIO())
    call_command("open_followup_topics", stdout=StringIO())
    topic = Topic.objects.get()
    assert (topic.title, topic.space, topic.sequence) == ("Questions de suivi : Acheter de l'IA",
                                                          world.theme_space, ended)
    assert "Acheter de l'IA" in topic.posts.get().body


def test_the_demo_builds_its_spaces_and_topics_once(home, clock):
    nantes = organisation("Nantes Métropole", member_year=2026)
    for email, first, last in (("agent1@nantes-metropole.example.org", "Karim", "Benali"),
                               ("agent2@nantes-metropole.example.org", "Élodie", "Moreau"),
                               ("referente@nantes-metropole.example.org", "Sophie", "Le Goff")):
        person(email, first, last, nantes)
    theme = theme_page(home, "IA", edition="2024")
    sequence(theme, "Cadrer un projet d'IA", clock() - 30 * 24 * HOUR)
    for _ in range(2):
        demo.build({})
    assert Space.objects.count() == 5 and Space.objects.get(slug="ia").theme_id == theme.pk
    assert theme.coordinators.filter(email="coordination-ia@example.org").exists()
    assert Topic.objects.count() == 4 and Topic.objects.filter(sequence__isnull=False).count() == 1
    assert Topic.objects.filter(accepted_post__isnull=False).count() == 1 and Report.objects.count() == 1
    assert Post.objects.filter(created_at__gt=clock()).count() == 0
