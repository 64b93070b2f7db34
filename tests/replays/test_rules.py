"""The replays' rules on hand-computed examples: time codes, the chapter playing at a moment, what is said in each
chapter, when a replay may be shown, when a share link opens, the slides' and captions' checks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from interconnectes.privatefiles import pdf, timecodes, webvtt
from replays import rules, transcripts
from tests.replays.factories import VTT

T = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize("text, seconds", [("00:00", 0), ("12:05", 725), ("1:02:03", 3723), (" 9:59 ", 599)])
def test_time_codes(text, seconds):
    assert timecodes.parse(text) == seconds


@pytest.mark.parametrize("text", ["", "12", "1:60", "12:5", "a:bc", "100:00:00"])
def test_bad_time_codes(text):
    with pytest.raises(ValidationError):
        timecodes.parse(text)


def test_formatting():
    assert [timecodes.format_seconds(s) for s in (0, 65, 3600, 3723)] == ["00:00", "01:05", "1:00:00", "1:02:03"]


def test_the_chapter_playing_at_a_moment():
    starts = [0, 600, 1800]
    assert [rules.chapter_number(starts, moment) for moment in (0, 599.9, 600, 1799, 5000)] == [1, 1, 2, 2, 3]
    assert rules.chapter_number([60, 120], 30) is None
    assert rules.chapter_number([], 30) is None
    assert rules.chapter_number([600, 0], 10) == 1  # unsorted starts are sorted first


def test_what_is_said_in_each_chapter():
    cues = webvtt.parse(VTT)
    assert transcripts.split_by_chapter(cues, [0, 10]) == [
        "Bonjour à toutes et à tous. Nantes présente son agent conversationnel.",
        "La sobriété des serveurs mutualisés."]
    assert transcripts.split_by_chapter(cues, [5]) == [  # before the first chapter: in the first
        "Bonjour à toutes et à tous. Nantes présente son agent conversationnel. La sobriété des serveurs mutualisés."]


def test_the_transcript_drops_voice_tags():
    assert webvtt.transcript(webvtt.parse(VTT)).splitlines()[1] == "Nantes présente son agent conversationnel."


def test_a_replay_is_shown_with_captions_and_consent_only():
    assert rules.publication_refusal(has_captions=True, consent=True) is None
    assert "sous-titres" in rules.publication_refusal(has_captions=False, consent=True)
    assert "accord" in rules.publication_refusal(has_captions=True, consent=False)


def test_a_share_link_opens_until_it_expires_or_is_revoked():
    hour = datetime.timedelta(hours=1)
    assert rules.share_link_opens(T + hour, None, T)
    assert not rules.share_link_opens(T, None, T)
    assert not rules.share_link_opens(T - hour, None, T)
    assert not rules.share_link_opens(T + hour, T - hour, T)


def test_default_visibility():
    assert rules.default_visibility(for_event=True) == rules.PUBLIC
    assert rules.default_visibility(for_event=False) == rules.MEMBERS


def test_slides_are_checked_by_content():
    pdf.validate_upload(SimpleUploadedFile("x.bin", b"%PDF-1.7\n"), max_bytes=100)
    for content, limit in ((b"<html>", 100), (b"", 100), (b"%PDF-1.7" + b"0" * 200, 100)):
        with pytest.raises(ValidationError):
            pdf.validate_upload(SimpleUploadedFile("slides.pdf", content), max_bytes=limit)
