"""Replays in a real browser: a member agent opens a replay, clicks a chapter and the video jumps to it, opens
another at a chapter from its address, and watching to the end records their attendance; a non-member reads the
programme but is refused the replay, with a French explanation and no byte of the video. axe-core runs on each
page."""

import pytest
from django.urls import reverse

from interconnectes import clock as site_clock
from territoirprod.models import Attendance, Enrolment
from tests.accounts.factories import member, organisation
from tests.browser.test_jury import log_in
from tests.labels.factories import UserFactory, paris
from tests.replays.factories import ReplayFactory, programme_theme, sequence_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("wagtail_base", "leave_media")]

NOW = paris(2026, 3, 1, 10, 0)


@pytest.fixture
def leave_media(page):
    """A video keeps its connection to the live server open; leaving the page closes it before the server stops."""
    yield
    page.goto("about:blank")


@pytest.fixture
def world(home, monkeypatch):
    monkeypatch.setattr(site_clock, "now", lambda: NOW)
    theme = programme_theme(home)
    sequence = sequence_of(theme)
    replay = ReplayFactory(sequence=sequence, title="L'IA au guichet", slug="ia-au-guichet")
    agent = UserFactory(email="agent@nantes.example.org")
    member(agent, organisation("Nantes Métropole", member_year=NOW.year))
    Enrolment.objects.create(user=agent, edition=theme.get_parent().specific, theme=theme, created_at=NOW)
    outsider = UserFactory(email="agent@tregunc.example.org")
    member(outsider, organisation("Commune de Trégunc", kind="commune"))
    return {"theme": theme, "sequence": sequence, "replay": replay}


def wait_for_player(page):
    page.wait_for_function("() => { const v = document.querySelector('video.replay-video');"
                           " return v && v.readyState >= 1 && v.textTracks.length === 1; }", timeout=10_000)


def current_time(page) -> float:
    return page.evaluate("() => document.querySelector('video.replay-video').currentTime")


def test_a_member_agent_watches_a_replay_from_a_chapter(page, live_server, world, assert_accessible):
    url = live_server.url + reverse("replays:detail", args=["ia-au-guichet"])
    page.goto(url)
    log_in(page, "agent@nantes.example.org")
    assert page.locator("h1").inner_text() == "L'IA au guichet"
    assert_accessible(page)
    page.get_by_role("link", name="00:10 Sobriété").click()
    page.wait_for_function("() => document.querySelector('video.replay-video').currentTime >= 10", timeout=10_000)
    assert page.url == url  # the script seeks in the player instead of opening the video alone
    assert page.get_by_role("link", name="00:10 Sobriété").get_attribute("aria-current") == "true"
    wait_for_player(page)
    page.locator("details.replay-transcript summary").click()
    assert page.get_by_text("Nantes présente son agent conversationnel.").is_visible()
    assert_accessible(page)
    # Played to its end (sped up), the replay counts as attending the sequence.
    page.evaluate("() => { const v = document.querySelector('video.replay-video'); v.muted = true;"
                  " v.playbackRate = 4; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video.replay-video').ended", timeout=15_000)
    page.wait_for_timeout(500)
    assert Attendance.objects.filter(sequence=world["sequence"], source="replay").count() == 1

    page.goto(url + "?chapitre=2")
    assert page.get_by_role("link", name="00:10 Sobriété").get_attribute("aria-current") == "true"
    page.evaluate("() => { const v = document.querySelector('video.replay-video'); v.muted = true; return v.play(); }")
    wait_for_player(page)
    assert current_time(page) >= 10  # the media fragment #t=10 opens the video there


def test_a_non_member_sees_the_programme_but_is_refused_the_replay(page, live_server, world, assert_accessible):
    page.goto(live_server.url + "/compte/connexion/")
    log_in(page, "agent@tregunc.example.org")
    page.goto(live_server.url + world["theme"].url)
    assert page.locator("h1").inner_text() == "Intelligence artificielle"
    assert page.get_by_text("Séquence 1").first.is_visible()
    assert_accessible(page)
    response = page.goto(live_server.url + reverse("replays:detail", args=["ia-au-guichet"]))
    assert response.status == 403
    assert page.get_by_text("Ce replay est réservé aux agents vérifiés des collectivités adhérentes").is_visible()
    assert page.locator("video").count() == 0
    assert_accessible(page)
    video = page.request.get(live_server.url + reverse("replays:video", args=["ia-au-guichet"]),
                             headers={"Range": "bytes=0-99"})
    assert video.status == 404 and not video.body().startswith(b"\x1a\x45\xdf\xa3")
