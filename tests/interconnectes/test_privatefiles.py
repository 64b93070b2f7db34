"""The private-file and video module: ranges, WebVTT, videos checked by content, range requests end to end."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from interconnectes.privatefiles import ranges, video, webvtt
from interconnectes.privatefiles.synthetic import make_video

MB = 1024 * 1024
VTT = "WEBVTT\n\n00:00.000 --> 00:02.500\nBonjour,\n\n1\n00:00:02.500 --> 00:00:04.000 align:start\nnous sommes\n"


@pytest.mark.parametrize(("header", "size", "expected"), [
    ("bytes=0-99", 1000, (0, 99)),
    ("bytes=0-", 1000, (0, 999)),
    ("bytes=900-5000", 1000, (900, 999)),  # an end past the file is cut to its last byte
    ("bytes=-100", 1000, (900, 999)),
    ("bytes=-5000", 1000, (0, 999)),
    ("bytes=999-999", 1000, (999, 999)),
])
def test_a_single_range_is_read_as_rfc_9110_says(header, size, expected):
    byte_range = ranges.parse(header, size)
    assert (byte_range.start, byte_range.end) == expected
    assert byte_range.content_range(size) == f"bytes {expected[0]}-{expected[1]}/{size}"
    assert byte_range.length == expected[1] - expected[0] + 1


@pytest.mark.parametrize("header", [None, "", "bytes=", "bytes=-", "items=0-1", "bytes=5-2", "bytes=0-1,4-5",
                                    "bytes=a-b"])
def test_what_is_not_one_well_formed_range_means_the_whole_file(header):
    assert ranges.parse(header, 1000) is None


@pytest.mark.parametrize(("header", "size"), [("bytes=1000-", 1000), ("bytes=2000-3000", 1000), ("bytes=-0", 1000),
                                              ("bytes=-1", 0)])
def test_a_range_past_the_end_is_unsatisfiable(header, size):
    with pytest.raises(ranges.Unsatisfiable):
        ranges.parse(header, size)


def test_webvtt_cues_are_read_with_their_timings():
    cues = webvtt.parse("\ufeff" + VTT.replace("\n", "\r\n"))
    assert [(cue.start, cue.end, cue.text) for cue in cues] == [(0.0, 2.5, "Bonjour,"), (2.5, 4.0, "nous sommes")]


@pytest.mark.parametrize(("text", "message"), [
    ("1\n00:00.000 --> 00:01.000\nSans signature\n", "commencer par « WEBVTT »"),
    ("WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n", "commencer par « WEBVTT »"),
    ("WEBVTT\n\n00:00,000 --> 00:01,000\nVirgules SRT\n", "Ligne 3 : horodatage WebVTT invalide"),
    ("WEBVTT\n\n00:05.000 --> 00:01.000\nÀ l'envers\n", "Ligne 3 : la fin d'un sous-titre précède son début"),
    ("WEBVTT\n\nNOTE rien d'autre\n", "aucun sous-titre"),
])
def test_a_file_that_is_not_webvtt_is_refused_in_french(text, message):
    with pytest.raises(ValidationError) as refusal:
        webvtt.parse(text)
    assert message in refusal.value.messages[0]


def test_webvtt_upload_must_be_utf8_and_small():
    with pytest.raises(ValidationError, match="UTF-8"):
        webvtt.validate_upload(SimpleUploadedFile("s.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\né\n".encode("latin-1")))
    with pytest.raises(ValidationError, match="1 Mo"):
        webvtt.validate_upload(SimpleUploadedFile("s.vtt", b"WEBVTT\n" + b" " * MB))
    assert len(webvtt.validate_upload(SimpleUploadedFile("s.vtt", VTT.encode()))) == 2


@pytest.mark.parametrize(("fmt", "content_type"), [("mp4", video.MP4), ("webm", video.WEBM)])
def test_an_mp4_or_webm_video_is_recognised_by_content_whatever_its_name(fmt, content_type):
    facts = video.validate_upload(SimpleUploadedFile("pitch.txt", make_video(4, fmt)), max_bytes=MB, max_seconds=600)
    assert facts.content_type == content_type
    assert facts.duration == pytest.approx(4, abs=0.1)
    assert (facts.width, facts.height) == (160, 90)


def test_a_video_of_exactly_the_limit_passes_one_longer_is_refused():
    ten = make_video(600, "webm", frame_every=60)
    assert video.validate_upload(SimpleUploadedFile("p.webm", ten), max_bytes=MB, max_seconds=600).duration == 600
    eleven = make_video(660, "mp4", frame_every=60)
    with pytest.raises(ValidationError, match="dure 11 min 00 s : 10 minutes au plus"):
        video.validate_upload(SimpleUploadedFile("p.mp4", eleven), max_bytes=MB, max_seconds=600)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n%%EOF\n",  # a PDF called pitch.mp4
    b"\x00\x00\x00\x18ftypisom" + b"\x00" * 200,  # an MP4 signature over nothing
    b"\x1a\x45\xdf\xa3" + b"webm" + b"\x00" * 100,  # a WebM signature over nothing
    b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 100,  # QuickTime is not MP4
])
def test_what_is_not_a_readable_mp4_or_webm_is_refused(data):
    with pytest.raises(ValidationError, match="n'est pas une vidéo MP4 ou WebM lisible"):
        video.validate_upload(SimpleUploadedFile("pitch.mp4", data), max_bytes=MB, max_seconds=600)


def test_an_empty_or_oversized_video_is_refused_before_it_is_read():
    with pytest.raises(ValidationError, match="vide"):
        video.validate_upload(SimpleUploadedFile("p.mp4", b""), max_bytes=MB, max_seconds=600)
    with pytest.raises(ValidationError, match="dépasse 1 Mo"):
        video.validate_upload(SimpleUploadedFile("p.mp4", b"\x00" * (MB + 1)), max_bytes=MB, max_seconds=600)
