"""WebVTT captions and transcripts (W3C WebVTT), checked before they are stored, and read back as cues.

A pitch or a replay is accessible only with its captions: the file must be
UTF-8 text that begins with the `WEBVTT` signature and holds at least one cue
whose timings are well formed and in order. What a file is called, or the
type its browser sent, is never looked at.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024  # an hour of dense captions is about 100 KB
CONTENT_TYPE = "text/vtt"
TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t].*)?$")
SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$")


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse(text: str) -> list[Cue]:
    """The cues of a WebVTT document, or a ValidationError in French saying what is wrong."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not SIGNATURE.match(lines[0]):
        raise ValidationError(_("Ce fichier n'est pas au format WebVTT : il doit commencer par « WEBVTT »."))
    cues, index = [], 1
    while index < len(lines):
        line = lines[index]
        if "-->" not in line:
            index += 1
            continue
        match = TIMING.match(line.strip())
        if match is None:
            raise ValidationError(_("Ligne %(line)d : horodatage WebVTT invalide (attendu « 00:00:01.000 --> "
                                    "00:00:04.000 »).") % {"line": index + 1})
        start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if end < start:
            raise ValidationError(_("Ligne %(line)d : la fin d'un sous-titre précède son début.")
                                  % {"line": index + 1})
        index += 1
        body = []
        while index < len(lines) and lines[index].strip():
            body.append(lines[index])
            index += 1
        cues.append(Cue(start, end, "\n".join(body)))
    if not cues:
        raise ValidationError(_("Ce fichier WebVTT ne contient aucun sous-titre."))
    return cues


TAG = re.compile(r"<[^>]*>")


def cue_text(cue: Cue) -> str:
    """What a cue says, without its voice and styling tags ("<v Anne>Bonjour" → "Bonjour") or line breaks."""
    return " ".join(TAG.sub("", cue.text).split())


def transcript(cues: list[Cue]) -> str:
    """The plain text of the captions, one paragraph per cue: the transcript a reader reads or searches."""
    return "\n".join(text for text in (cue_text(cue) for cue in cues) if text)


def validate_upload(uploaded) -> list[Cue]:
    """Check an uploaded captions file by its content; its cues, or a ValidationError in French."""
    if uploaded.size > MAX_BYTES:
        raise ValidationError(_("Ce fichier de sous-titres dépasse 1 Mo."))
    uploaded.seek(0)
    raw = uploaded.read()
    uploaded.seek(0)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(_("Ce fichier n'est pas au format WebVTT : il doit être en texte UTF-8.")) from None
    return parse(text)
