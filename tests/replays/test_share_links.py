"""A share link opens one replay to whoever holds it, video and captions included, until it expires or staff
revoke it; then it answers 404, page and files alike."""

import datetime

import pytest
from django.urls import reverse

from replays.models import Visibility
from tests.replays.conftest import NOW, client_for
from tests.replays.factories import ReplayFactory, share_link

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def urls(link):
    return [reverse(f"replays:{name}", args=[link.token])
            for name in ("shared", "shared_video", "shared_captions")]


def test_a_valid_link_opens_the_page_and_its_files_to_anyone(members_replay):
    link = share_link(members_replay, NOW + DAY)
    page, video, captions = (client_for(None).get(url) for url in urls(link))
    assert page.status_code == video.status_code == captions.status_code == 200
    html = page.content.decode()
    assert f'<source src="/replays/partage/{link.token}/video/"' in html
    assert f"/replays/{members_replay.slug}/video/" not in html  # the link opens nothing else
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_a_link_only_replay_opens_by_its_link(sequence, clock):
    replay = ReplayFactory(sequence=sequence, visibility=Visibility.LINK)
    link = share_link(replay, NOW + DAY)
    assert client_for(None).get(urls(link)[0]).status_code == 200


@pytest.mark.parametrize("expires, revoked", [(NOW - DAY, None), (NOW, None), (NOW + DAY, NOW - DAY)])
def test_an_expired_or_revoked_link_answers_404(members_replay, expires, revoked):
    link = share_link(members_replay, expires, revoked)
    for url in urls(link):
        response = client_for(None).get(url, HTTP_RANGE="bytes=0-99")
        assert response.status_code == 404, url


def test_a_link_to_an_unshown_replay_answers_404(sequence, clock):
    link = share_link(ReplayFactory(sequence=sequence, captions=""), NOW + DAY)
    assert client_for(None).get(urls(link)[0]).status_code == 404


def test_an_unknown_token_answers_404(members_replay):
    assert client_for(None).get(reverse("replays:shared", args=["inconnu"])).status_code == 404


def test_tokens_are_long_and_unique(members_replay):
    first, second = share_link(members_replay, NOW + DAY), share_link(members_replay, NOW + DAY)
    assert first.token != second.token and len(first.token) >= 32
