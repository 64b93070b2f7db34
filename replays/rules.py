"""The rules of a replay, as plain values and functions: the limits of its files, its default visibility, when it
may be shown at all, when a share link opens it, and which chapter a moment of the video belongs to."""

import datetime

from django.utils.translation import gettext as _

from interconnectes.privatefiles import timecodes

# A sequence lasts about two hours; a Forum's plenary a little more.
MAX_SECONDS = 4 * 60 * 60
# Four hours of 720p H.264 at a modest bit rate stay under this.
MAX_BYTES = 2 * 1024 * 1024 * 1024
MAX_SLIDES_BYTES = 50 * 1024 * 1024

MEMBERS, PUBLIC, LINK = "membres", "public", "lien"
RESERVED_SLUGS = frozenset({"partage"})  # /replays/partage/<jeton>/ opens a share link


def default_visibility(*, for_event: bool) -> str:
    """Territoir'Prod's replays are for its members; an event's, like the event, for everyone."""
    return PUBLIC if for_event else MEMBERS


def publication_refusal(*, has_captions: bool, consent: bool) -> str | None:
    """Why a replay is shown to nobody but staff (in French), or None when it may be shown.

    Captions are required of recorded media (RGAA 4.1, criterion 4.3), and
    nothing is shown without the speakers' consent to being recorded.
    """
    if not has_captions:
        return _("Les sous-titres (WebVTT) manquent : le replay n'est visible que de l'équipe.")
    if not consent:
        return _("L'accord des intervenant·es n'est pas enregistré : le replay n'est visible que de l'équipe.")
    return None


def share_link_opens(expires_at: datetime.datetime, revoked_at: datetime.datetime | None,
                     now: datetime.datetime) -> bool:
    return revoked_at is None and now < expires_at


def chapter_number(chapter_starts: list[int], moment: float) -> int | None:
    """The chapter (numbered from 1, as `?chapitre=N` says) playing at `moment` seconds; None before the first."""
    position = timecodes.chapter_at(sorted(chapter_starts), moment)
    return None if position is None else position + 1
