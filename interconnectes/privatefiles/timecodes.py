"""Time codes of a recorded video ("12:05", "1:02:03") and the chapters they open: plain arithmetic, no request.

A chapter starts at its time code and lasts until the next one; a moment of
the video (a caption cue found by the search, a `#t=` fragment) belongs to
the last chapter that started at or before it.
"""

import re
from bisect import bisect_right

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TIME_CODE = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def parse(text: str) -> int:
    """Seconds from "mm:ss" or "h:mm:ss"; a ValidationError in French otherwise.

    >>> parse("1:02:03")
    3723
    """
    match = TIME_CODE.match((text or "").strip())
    if match is None:
        raise ValidationError(_("Indiquez un horodatage « mm:ss » ou « h:mm:ss », par exemple 12:05."))
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def format_seconds(total: int) -> str:
    """"12:05", or "1:02:03" past an hour.

    >>> format_seconds(3723)
    '1:02:03'
    """
    hours, rest = divmod(int(total), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def chapter_at(starts: list[int], moment: float) -> int | None:
    """The position (0-based) in `starts` (sorted chapter start times) of the chapter playing at `moment`;
    None before the first chapter or without chapters."""
    position = bisect_right(starts, moment) - 1
    return position if position >= 0 else None
