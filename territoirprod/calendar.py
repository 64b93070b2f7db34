"""The programme's calendar entries (`events.entries.Entry`), written by `events.ical` like every calendar file."""

from events.entries import Entry, Performer


def sequence_entry(sequence, theme, theme_url: str) -> Entry:
    """A sequence as a calendar event: online, so no place; the visio link stays on the site, for the enrolled."""
    return Entry(
        uid=f"{sequence.ical_uid}@interconnectes",
        name=f"Territoir'Prod · {theme.title} · {sequence.number}. {sequence.title}",
        url=f"{theme_url}#sequence-{sequence.ical_uid}",
        start=sequence.starts_at,
        end=sequence.ends_at,
        description=sequence.agenda,
        performers=tuple(Performer(speaker.person.name, speaker.title_then, speaker.organisation_then)
                         for speaker in sequence.speakers.all()),
    )
