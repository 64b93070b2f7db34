"""The demo's replays (replays/demo.py): the 2024 edition's twelve past sequences for members and a few sessions of
past Journées experts and Forums for everyone, each a small captioned video with three chapters that the site
serves; one share link opens a members' replay to anyone."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from replays.demo import CHAPTERS, EVENT_REPLAYS
from replays.models import Replay, ReplayShareLink, Visibility
from territoirprod.demo import AGENT
from territoirprod.models import Sequence

pytestmark = pytest.mark.django_db


def test_every_past_sequence_of_2024_has_a_members_replay_shown_with_its_chapters():
    sequences = Sequence.objects.filter(theme__url_path__contains="/2024/")
    replays = Replay.objects.shown().filter(sequence__in=sequences).prefetch_related("chapters")
    assert replays.count() == sequences.count() == 12
    for replay in replays:
        assert replay.visibility == Visibility.MEMBERS and replay.video_size < 20_000
        assert [(chapter.start_seconds, chapter.title) for chapter in replay.chapters.all()] == CHAPTERS
        assert replay.sequence.title in replay.transcript


def test_past_event_sessions_have_public_replays_on_their_pages(client):
    replays = list(Replay.objects.shown().filter(session__isnull=False).select_related("session__page"))
    assert len(replays) == EVENT_REPLAYS and all(replay.visibility == Visibility.PUBLIC for replay in replays)
    page = client.get(replays[0].session.page.url).content.decode()
    assert f'href="/replays/{replays[0].slug}/"' in page
    video = client.get(reverse("replays:video", args=[replays[0].slug]), HTTP_RANGE="bytes=0-99")
    assert video.status_code == 206


def test_the_enrolled_agent_watches_an_ia_replay_and_an_anonymous_reader_cannot(client):
    replay = Replay.objects.filter(sequence__theme__slug="ia", sequence__theme__url_path__contains="/2024/").first()
    url = reverse("replays:detail", args=[replay.slug])
    assert client.get(url).status_code == 302
    client.force_login(get_user_model().objects.get(email=AGENT[1]))
    html = client.get(url).content.decode()
    assert 'id="replay-watched"' in html and "<track kind=\"captions\"" in html


def test_one_share_link_opens_a_members_replay_to_anyone(client):
    link = ReplayShareLink.objects.get()
    assert link.replay.visibility == Visibility.MEMBERS
    assert client.get(reverse("replays:shared", args=[link.token])).status_code == 200
