"""What the replays' pages show, read in a fixed number of queries: the replay with what it belongs to (a
Territoir'Prod sequence and its theme, or an event's session and its page), its chapters, the addresses of its
files (by slug, or by share link), and the chapter a `?chapitre=N` opens it at."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from replays import permissions
from replays.models import Replay


@dataclass(frozen=True)
class Context:
    """What a replay belongs to, as a link: "Data · séquence 2" to the theme, "Table ronde · Forum 2025" to the
    event's programme. Empty once the sequence or session is gone (the replay stays)."""

    kind: str
    title: str
    url: str


@dataclass(frozen=True)
class Chapter:
    number: int
    time_code: str
    start: int
    title: str
    href: str  # the video at that moment (a media fragment), "" for a video hosted elsewhere


def with_context(replays=None):
    """Replays read with what they belong to, in the same query."""
    return (Replay.objects.all() if replays is None else replays).select_related("sequence__theme", "session__page")


def context_of(request, replay) -> Context | None:
    if replay.sequence is not None:
        theme = replay.sequence.theme
        url = theme.get_url(request) if theme.live else ""
        return Context(_("Territoir'Prod"), _("%(theme)s · séquence %(number)d")
                       % {"theme": theme.title, "number": replay.sequence.number}, url or "")
    if replay.session is not None:
        event = replay.session.page
        url = event.get_url(request) if event.live else ""
        return Context(_("Événement"), f"{replay.session.title} · {event.title}",
                       f"{url}#session-{replay.session.ical_uid}" if url else "")
    return None


def cards(request, replays) -> list[tuple]:
    """(replay, context) for the listing."""
    return [(replay, context_of(request, replay)) for replay in replays]


def file_urls(replay, token=None) -> dict:
    if token is not None:
        names, args = ("shared_video", "shared_captions", "shared_slides"), (token,)
    else:
        names, args = ("video", "captions", "slides"), (replay.slug,)
    return {
        "video_url": reverse(f"replays:{names[0]}", args=args) if replay.video else "",
        "captions_url": reverse(f"replays:{names[1]}", args=args) if replay.captions else "",
        "slides_url": reverse(f"replays:{names[2]}", args=args) if replay.slides else "",
    }


def chosen_chapter(value, count: int) -> int | None:
    """`?chapitre=N` read as a chapter number from 1 to `count`; anything else is ignored."""
    return int(value) if value and value.isdigit() and 1 <= int(value) <= count else None


def replay_context(request, replay, token=None) -> dict:
    urls = file_urls(replay, token)
    rows = list(replay.chapters.all())
    chapters = [Chapter(number, row.time_code, row.start_seconds, row.title,
                        f"{urls['video_url']}#t={row.start_seconds}" if urls["video_url"] else "")
                for number, row in enumerate(rows, start=1)]
    current = chosen_chapter(request.GET.get("chapitre"), len(chapters))
    start = chapters[current - 1].start if current else 0
    may_record = token is None and permissions.may_record_attendance(request.user, replay, request)
    return {
        "replay": replay, "context": context_of(request, replay), "chapters": chapters, "current_chapter": current,
        "video_src": f"{urls['video_url']}#t={start}" if urls["video_url"] and start else urls["video_url"],
        "watched_url": reverse("replays:watched", args=(replay.slug,)) if may_record else "",
        "staff_notice": replay.publication_refusal if permissions.is_replay_staff(request.user) else None,
        **urls,
    }
