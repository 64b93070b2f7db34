"""Staff give a replay in the admin: every file is checked by its content before anything is stored, errors are
in French next to their field, and what follows from the files (type, size, duration, transcript) and from the
consent box (who, when) is written on the replay."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from replays import rules
from replays.models import Replay, Visibility
from tests.events.factories import ProgrammeSessionFactory
from tests.replays.factories import VTT, video_bytes

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/replays/replay/add/"


def form(**overrides):
    data = {"title": "L'IA au guichet", "slug": "ia-au-guichet", "recorded_on": "2026-02-10", "visibility": "",
            "description": "", "speakers": "Anne Martin", "sequence": "", "session": "", "link": "", "host": "",
            "duration_seconds": "", "transcript": "", "speakers_consent": "on", "consent_given_by": "Anne, courriel",
            "chapters": inline_formset([{"time_code": "0:10", "title": "Sobriété"}]),
            "share_links": inline_formset([])}
    data.update(overrides)
    files = {"video": SimpleUploadedFile("r.webm", video_bytes()),
             "captions": SimpleUploadedFile("r.vtt", VTT.encode())}
    files.update({name: overrides.pop(name) for name in ("video", "captions", "slides") if name in overrides})
    return {**nested_form_data({key: value for key, value in data.items() if key not in files}),
            **{name: upload for name, upload in files.items() if upload is not None}}


@pytest.fixture
def staff_client(client, readers):
    client.force_login(readers.staff)
    return client


def errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_a_replay_is_saved_with_what_follows_from_its_files(staff_client, sequence, readers, clock):
    response = staff_client.post(ADD, form(sequence=sequence.pk, slides=SimpleUploadedFile("s.pdf", b"%PDF-1.7\n")))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    replay = Replay.objects.get()
    assert replay.visibility == Visibility.MEMBERS  # Territoir'Prod's default
    assert replay.video_content_type == "video/webm" and replay.video_size == len(video_bytes())
    assert replay.duration_seconds == 16
    assert replay.transcript.splitlines() == ["Bonjour à toutes et à tous.", "Nantes présente son agent "
                                              "conversationnel.", "La sobriété des serveurs mutualisés."]
    assert replay.consent_recorded_by == readers.staff and replay.consent_recorded_at == clock.now
    chapter = replay.chapters.get()
    assert (chapter.time_code, chapter.start_seconds) == ("00:10", 10)
    assert replay.is_shown


def test_an_event_session_s_replay_is_public_by_default(staff_client, stop, clock):
    session = ProgrammeSessionFactory(page=stop)
    assert staff_client.post(ADD, form(session=session.pk)).status_code == 302
    assert Replay.objects.get().visibility == Visibility.PUBLIC


def test_without_captions_it_is_saved_but_shown_to_nobody(staff_client, clock):
    assert staff_client.post(ADD, form(captions=None)).status_code == 302
    replay = Replay.objects.get()
    assert not replay.is_shown and not Replay.objects.shown().exists()


@pytest.mark.parametrize("field, upload, message", [
    ("captions", SimpleUploadedFile("r.vtt", b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n"), "pas au format WebVTT"),
    ("captions", SimpleUploadedFile("r.vtt", b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nx\n"), "précède son début"),
    ("video", SimpleUploadedFile("r.webm", b"%PDF-1.4 not a video" * 50), "pas une vidéo MP4 ou WebM"),
    ("slides", SimpleUploadedFile("s.pdf", b"PK\x03\x04 a zip"), "pas un PDF"),
])
def test_a_bad_file_is_refused_by_its_content_next_to_its_field(staff_client, field, upload, message, clock):
    response = staff_client.post(ADD, form(**{field: upload}))
    assert response.status_code == 200
    assert any(message in error for error in errors(response, field))
    assert not Replay.objects.exists()
    html = response.content.decode()
    assert 'value="L&#x27;IA au guichet"' in html  # what was typed is kept


def test_a_video_over_the_size_limit_is_refused(staff_client, monkeypatch, clock):
    monkeypatch.setattr(rules, "MAX_BYTES", 1024 * 1024)
    big = SimpleUploadedFile("r.webm", video_bytes() + b"\0" * (1024 * 1024))
    response = staff_client.post(ADD, form(video=big))
    assert any("dépasse 1 Mo" in error for error in errors(response, "video"))
    assert not Replay.objects.exists()


def test_a_video_or_a_link_with_its_host(staff_client, clock):
    neither = staff_client.post(ADD, form(video=None))
    assert "Déposez la vidéo, ou indiquez un lien vers elle." in errors(neither, "video")
    both = staff_client.post(ADD, form(link="https://peertube.example.org/w/1", host="PeerTube"))
    assert "Donnez soit une vidéo, soit un lien, pas les deux." in errors(both, "link")
    no_host = staff_client.post(ADD, form(video=None, link="https://peertube.example.org/w/1"))
    assert "Indiquez le site qui héberge la vidéo." in errors(no_host, "host")
    assert not Replay.objects.exists()


def test_consent_names_who_gave_it_and_a_bad_time_code_is_refused(staff_client, clock):
    response = staff_client.post(ADD, form(consent_given_by=""))
    assert "Indiquez qui a donné son accord." in errors(response, "consent_given_by")
    response = staff_client.post(ADD, form(chapters=inline_formset([{"time_code": "dix", "title": "x"}])))
    assert "mm:ss" in response.content.decode()
    assert not Replay.objects.exists()


def test_the_share_links_address_is_reserved(staff_client, clock):
    response = staff_client.post(ADD, form(slug="partage"))
    assert "Cette adresse est réservée" in " ".join(errors(response, "slug"))


def test_limits_are_what_the_rules_say():
    assert rules.MAX_SECONDS == 4 * 3600 and rules.MAX_BYTES == 2 * 1024 ** 3


def test_the_admin_address(db):
    assert reverse("wagtailsnippets_replays_replay:add") == ADD


def test_staff_give_a_share_link_and_revoke_it(staff_client, clock):
    links = inline_formset([{"note": "Élus", "expires_at": "2026-04-01 10:00", "revoked_at": ""}])
    assert staff_client.post(ADD, form(share_links=links)).status_code == 302
    replay = Replay.objects.get()
    link = replay.share_links.get()
    assert len(link.token) >= 32 and link.opens(clock.now)
    edit = f"/admin/snippets/replays/replay/edit/{replay.pk}/"
    revoked = inline_formset([{"id": link.pk, "note": "Élus", "expires_at": "2026-04-01 10:00",
                               "revoked_at": "2026-03-01 09:00"}], initial=1)
    response = staff_client.post(edit, form(video=None, captions=None, share_links=revoked))
    assert response.status_code == 302, response.context["form"].errors
    link.refresh_from_db()
    assert link.token and not link.opens(clock.now)


def test_replaced_and_deleted_files_leave_the_storage(staff_client, django_capture_on_commit_callbacks, clock):
    assert staff_client.post(ADD, form()).status_code == 302
    replay = Replay.objects.get()
    storage, first_video = replay.video.storage, replay.video.name
    edit = f"/admin/snippets/replays/replay/edit/{replay.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(edit, form(captions=None))  # a new video, the same captions
    assert response.status_code == 302
    replay.refresh_from_db()
    assert replay.video.name != first_video and not storage.exists(first_video)
    kept = [replay.video.name, replay.captions.name]
    assert all(storage.exists(name) for name in kept)
    with django_capture_on_commit_callbacks(execute=True):
        replay.delete()
    assert not any(storage.exists(name) for name in kept)
