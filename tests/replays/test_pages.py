"""A replay's page: the player with its captions, clickable chapters, the transcript, the slides, the speakers and
what it belongs to; opened at a chapter by `?chapitre=N`; for whom its visibility says, the others get the login
page or a French explanation. The listing shows each reader what they may watch, events' and Territoir'Prod's."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from events.models import ProgrammeSession
from replays.models import Visibility
from tests.events.factories import ProgrammeSessionFactory
from tests.replays.conftest import client_for
from tests.replays.factories import ReplayFactory

pytestmark = pytest.mark.django_db


def page(client, replay, **params):
    return client.get(reverse("replays:detail", args=[replay.slug]), params)


def test_a_member_agent_watches_with_captions_chapters_and_transcript(members_replay, readers):
    response = page(client_for(readers.member_agent), members_replay)
    html = response.content.decode()
    video = reverse("replays:video", args=[members_replay.slug])
    assert response.status_code == 200
    assert '<video class="replay-video" controls preload="none"' in html
    assert f'<source src="{video}" type="video/webm">' in html
    assert f'<track kind="captions" src="/replays/{members_replay.slug}/sous-titres.vtt" srclang="fr"' in html
    assert f'<a href="{video}#t=10" data-start="10">' in html and "Sobriété" in html
    assert "<details class=\"replay-transcript\">" in html and "Nantes présente son agent conversationnel." in html
    assert "Anne Martin, cheffe de projet IA, Nantes Métropole" in html
    assert "Intelligence artificielle · séquence 1" in html and 'href="/territoirprod/2026/ia/"' in html
    assert "js/replay-player" in html


def test_a_chapter_in_the_address_opens_the_video_there(members_replay, readers):
    html = page(client_for(readers.member_agent), members_replay, chapitre="2").content.decode()
    video = reverse("replays:video", args=[members_replay.slug])
    assert f'<source src="{video}#t=10"' in html
    assert 'data-start="10" aria-current="true"' in html


@pytest.mark.parametrize("value", ["0", "3", "x", "-1", "9" * 30])
def test_a_chapter_that_does_not_exist_is_ignored(members_replay, readers, value):
    response = page(client_for(readers.member_agent), members_replay, chapitre=value)
    assert response.status_code == 200 and "aria-current" not in response.content.decode()


def test_anonymous_readers_are_sent_to_the_login_page(members_replay):
    response = page(client_for(None), members_replay)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


@pytest.mark.parametrize("who", ["signed_in", "unverified", "revoked", "non_member"])
def test_those_below_members_get_a_french_explanation_and_no_player(members_replay, readers, who):
    response = page(client_for(getattr(readers, who)), members_replay)
    html = response.content.decode()
    assert response.status_code == 403
    assert "réservé aux agents vérifiés des collectivités adhérentes" in html and "<video" not in html
    assert "/video/" not in html


def test_staff_see_an_unshown_replay_with_why(sequence, readers, clock):
    replay = ReplayFactory(sequence=sequence, captions="")
    assert page(client_for(readers.member_agent), replay).status_code == 404
    html = page(client_for(readers.staff), replay).content.decode()
    assert "Les sous-titres (WebVTT) manquent" in html


def test_a_linked_video_shows_the_host_and_no_player(sequence, readers, clock):
    replay = ReplayFactory(sequence=sequence, video="", link="https://peertube.example.org/w/abc",
                           host="PeerTube de Nantes")
    html = page(client_for(readers.member_agent), replay).content.decode()
    assert "Voir la vidéo sur PeerTube de Nantes" in html and "<video" not in html and "data-start" not in html


def test_the_replay_survives_its_sequence_and_its_session(members_replay, readers, stop, clock):
    session = ProgrammeSessionFactory(page=stop)
    event_replay = ReplayFactory(session=session, visibility=Visibility.PUBLIC)
    members_replay.sequence.delete()
    ProgrammeSession.objects.filter(pk=session.pk).delete()
    members_replay.refresh_from_db()
    event_replay.refresh_from_db()
    assert members_replay.sequence is None and event_replay.session is None
    assert page(client_for(readers.member_agent), members_replay).status_code == 200
    assert page(client_for(None), event_replay).status_code == 200


def test_the_listing_shows_each_reader_what_they_may_watch(members_replay, sequence, readers, clock):
    public = ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, title="Ouvert à tous")
    ReplayFactory(sequence=sequence, visibility=Visibility.LINK, title="Par lien seulement")
    ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, captions="", title="Sans sous-titres")
    listing = reverse("replays:index")
    anonymous = client_for(None).get(listing).content.decode()
    agent = client_for(readers.member_agent).get(listing).content.decode()
    assert public.title in anonymous and members_replay.title not in anonymous
    assert public.title in agent and "L&#x27;IA au guichet" in agent and "réservé aux membres" in agent
    for html in (anonymous, agent):
        assert "Par lien seulement" not in html and "Sans sous-titres" not in html
    staff = client_for(readers.staff).get(listing).content.decode()
    assert "Par lien seulement" in staff and "Sans sous-titres" in staff


def test_an_event_session_shows_its_replay_after_the_event(stop, readers, clock):
    event = stop
    session = ProgrammeSessionFactory(page=event, day=event.start_date, title="Table ronde des maires")
    replay = ReplayFactory(session=session, visibility=Visibility.PUBLIC, title="La table ronde en vidéo")
    clock.set(event.start_date.year + 1, 1, 1, 10, 0)
    html = client_for(None).get(event.url).content.decode()
    # Beside its session, named by the session's title (the replay's own is on its page).
    assert (f'href="/replays/{replay.slug}/" aria-labelledby="replay-{replay.slug} '
            f'session-{session.ical_uid}-title">Replay</a>') in html
    replay_page = page(client_for(None), replay).content.decode()
    assert f"Table ronde des maires · {escape(event.title)}" in replay_page
    assert f'{event.url}#session-{session.ical_uid}' in replay_page
