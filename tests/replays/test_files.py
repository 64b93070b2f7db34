"""A replay's files (video, captions, slides) go to whoever `replays.permissions` lets through, and nobody else
gets a byte: the video answers range requests (206, 416) so that a reader seeks in it."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from replays.models import Visibility
from tests.replays.conftest import client_for
from tests.replays.factories import ReplayFactory, video_bytes

pytestmark = pytest.mark.django_db


def file_urls(replay):
    return [reverse(f"replays:{name}", args=[replay.slug]) for name in ("video", "captions", "slides")]


@pytest.fixture
def with_slides(members_replay):
    members_replay.slides.save("slides", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return members_replay


def test_a_range_request_answers_206_with_those_bytes(members_replay, readers):
    response = client_for(readers.member_agent).get(reverse("replays:video", args=[members_replay.slug]),
                                                    HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == video_bytes()[:100]
    assert response["Content-Range"] == f"bytes 0-99/{len(video_bytes())}"
    assert response["Content-Length"] == "100"
    assert response["Accept-Ranges"] == "bytes" and response["Content-Type"] == "video/webm"
    assert response["Cache-Control"] == "private, no-store"


def test_a_range_past_the_end_answers_416(members_replay, readers):
    size = len(video_bytes())
    response = client_for(readers.member_agent).get(reverse("replays:video", args=[members_replay.slug]),
                                                    HTTP_RANGE=f"bytes={size + 10}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


def test_the_whole_video_without_a_range(members_replay, readers):
    response = client_for(readers.member_agent).get(reverse("replays:video", args=[members_replay.slug]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == video_bytes()


@pytest.mark.parametrize("who", ["anonymous", "signed_in", "unverified", "revoked", "non_member"])
def test_a_members_replay_s_files_give_nothing_to_those_below(with_slides, readers, who):
    client = client_for(None if who == "anonymous" else getattr(readers, who))
    for url in file_urls(with_slides):
        response = client.get(url, HTTP_RANGE="bytes=0-99")
        assert response.status_code == 404, url
        assert not getattr(response, "streaming", False)


def test_member_agents_and_staff_get_every_file(with_slides, readers):
    for user in (readers.member_agent, readers.staff):
        video, captions, slides = (client_for(user).get(url) for url in file_urls(with_slides))
        assert video.status_code == captions.status_code == slides.status_code == 200
        assert captions["Content-Type"] == "text/vtt"
        assert b"".join(slides.streaming_content).startswith(b"%PDF-")
        assert "attachment" in slides["Content-Disposition"]


def test_a_public_replay_s_files_are_for_everyone(sequence, clock):
    replay = ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC)
    assert client_for(None).get(reverse("replays:video", args=[replay.slug])).status_code == 200


def test_without_captions_or_consent_only_staff_get_the_video(sequence, readers, clock):
    uncaptioned = ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, captions="")
    unconsented = ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, speakers_consent=False,
                                consent_given_by="")
    for replay in (uncaptioned, unconsented):
        url = reverse("replays:video", args=[replay.slug])
        assert client_for(readers.member_agent).get(url).status_code == 404
        assert client_for(None).get(url).status_code == 404
        assert client_for(readers.staff).get(url).status_code == 200


def test_a_link_only_replay_is_not_served_by_its_address(sequence, readers, clock):
    replay = ReplayFactory(sequence=sequence, visibility=Visibility.LINK)
    assert client_for(readers.member_agent).get(reverse("replays:video", args=[replay.slug])).status_code == 404
    assert client_for(readers.member_agent).get(reverse("replays:detail", args=[replay.slug])).status_code == 404


def test_the_stored_name_is_neither_the_upload_s_nor_the_replay_s(members_replay):
    assert re.fullmatch(r"replays/[0-9a-f]{32}", members_replay.video.name)
    with pytest.raises(ValueError):
        members_replay.video.url  # noqa: B018  # private storage has no public address
