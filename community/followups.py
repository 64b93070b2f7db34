"""After each Territoir'Prod sequence, a topic for follow-up questions in its theme's space: which sequences
need one now, as a plain rule on rows.

A sequence gets its topic once it has ended, if its theme has a space and the
sequence has none yet (one topic per sequence: the database holds it too), and
only for sequences ended in the last `WINDOW`: turning the feature on does not
open a topic for every sequence of past years.
"""

import datetime
from dataclasses import dataclass

WINDOW = datetime.timedelta(days=30)


@dataclass(frozen=True)
class SequenceRow:
    id: int
    theme_id: int
    ends_at: datetime.datetime


def due(sequences: list[SequenceRow], spaces_by_theme: dict[int, int], with_topic: set[int],
        now: datetime.datetime) -> list[tuple[SequenceRow, int]]:
    """(sequence, space id) for each sequence that needs its follow-up topic now."""
    return [(sequence, spaces_by_theme[sequence.theme_id]) for sequence in sequences
            if sequence.theme_id in spaces_by_theme and sequence.id not in with_topic
            and now - WINDOW <= sequence.ends_at <= now]
