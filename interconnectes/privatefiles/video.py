"""Uploaded videos checked by their content: an MP4 or WebM container that PyAV can read, with a video stream,
no longer than a limit. The name and the type the browser sent are never trusted.

The container is recognised from its first bytes (an ISO `ftyp` box, or an
EBML header declaring the `webm` document type), then opened by PyAV, which
reads the headers and reports the streams and the duration; nothing is
decoded. A file that claims to be a video and is not fails there too.
"""

from dataclasses import dataclass

import av
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MP4, WEBM = "video/mp4", "video/webm"
EXTENSIONS = {MP4: "mp4", WEBM: "webm"}
ACCEPT = ".mp4,.webm,video/mp4,video/webm"
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
# QuickTime's brand: a .mov is not an MP4 every browser plays.
QUICKTIME_BRAND = b"qt  "


@dataclass(frozen=True)
class VideoFacts:
    content_type: str
    duration: float  # seconds
    width: int
    height: int


def sniff(uploaded) -> str | None:
    """MP4 or WebM from the file's first bytes, or None."""
    uploaded.seek(0)
    head = uploaded.read(64)
    uploaded.seek(0)
    if head[4:8] == b"ftyp" and head[8:12] != QUICKTIME_BRAND:
        return MP4
    if head.startswith(EBML_MAGIC) and b"webm" in head:
        return WEBM
    return None


def probe(uploaded) -> tuple[float, int, int] | None:
    """(duration in seconds, width, height) read by PyAV from the container's headers, or None if unreadable."""
    uploaded.seek(0)
    try:
        with av.open(uploaded, mode="r") as container:
            streams = container.streams.video
            if not streams:
                return None
            stream = streams[0]
            if container.duration is not None:
                duration = container.duration / av.time_base
            elif stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            else:
                return None
            return duration, stream.codec_context.width, stream.codec_context.height
    except (av.FFmpegError, ValueError, OSError, EOFError):
        return None
    finally:
        uploaded.seek(0)


def validate_upload(uploaded, *, max_bytes: int, max_seconds: int) -> VideoFacts:
    """The facts of an uploaded MP4 or WebM video within the limits, or a ValidationError in French."""
    if uploaded.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    if uploaded.size > max_bytes:
        raise ValidationError(_("Cette vidéo dépasse %(max)d Mo.") % {"max": max_bytes // (1024 * 1024)})
    content_type = sniff(uploaded)
    facts = probe(uploaded) if content_type else None
    if facts is None:
        raise ValidationError(_("Ce fichier n'est pas une vidéo MP4 ou WebM lisible (son contenu a été vérifié, "
                                "pas seulement son nom)."))
    duration, width, height = facts
    if duration > max_seconds:
        raise ValidationError(
            _("Cette vidéo dure %(minutes)d min %(seconds)02d s : %(max)d minutes au plus.")
            % {"minutes": int(duration) // 60, "seconds": int(duration) % 60, "max": max_seconds // 60})
    return VideoFacts(content_type, duration, width, height)
