"""What is said in each chapter of a replay, read from its WebVTT captions: a cue belongs to the chapter playing
when it starts (`rules.chapter_number`). The search finds a replay chapter by chapter with it."""

from django.core.exceptions import ValidationError

from interconnectes.privatefiles import webvtt
from replays import rules


def split_by_chapter(cues: list[webvtt.Cue], chapter_starts: list[int]) -> list[str]:
    """The text of the cues of each chapter, in chapter order (cues before the first chapter go to it)."""
    texts: list[list[str]] = [[] for _start in chapter_starts]
    for cue in cues:
        number = rules.chapter_number(chapter_starts, cue.start) or 1
        texts[number - 1].append(webvtt.cue_text(cue))
    return [" ".join(text for text in chapter if text) for chapter in texts]


def read_cues(replay) -> list[webvtt.Cue] | None:
    try:
        with replay.captions.open("rb") as handle:
            return webvtt.parse(handle.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValidationError):
        return None


def chapter_texts(replay) -> list[tuple] | None:
    """(chapter, what is said in it) for each chapter of the replay (prefetched), or None without chapters or
    readable captions (the whole transcript is then found as one)."""
    chapters = sorted(replay.chapters.all(), key=lambda chapter: chapter.start_seconds)
    cues = read_cues(replay) if chapters and replay.captions else None
    if not cues:
        return None
    return list(zip(chapters, split_by_chapter(cues, [chapter.start_seconds for chapter in chapters]), strict=True))
