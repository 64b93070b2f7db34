"""A theme's programme in date order: its sequences and its Journée expert, merged on their start times.

Plain values in, plain values out: the pages hand the rows they fetched.
"""

import datetime
from dataclasses import dataclass
from typing import Any

SEQUENCE, JOURNEE_EXPERT = "sequence", "journee-expert"


@dataclass(frozen=True)
class Item:
    kind: str  # SEQUENCE | JOURNEE_EXPERT
    start: datetime.datetime
    obj: Any  # the sequence, or the Journée expert page


def in_date_order(sequences, journee_expert=None, journee_start: datetime.datetime | None = None) -> list[Item]:
    """Sequences and the Journée expert (when it has a date) in the order they happen; a sequence's number
    decides between two at the same time."""
    items = [Item(SEQUENCE, sequence.starts_at, sequence) for sequence in sequences]
    if journee_expert is not None and journee_start is not None:
        items.append(Item(JOURNEE_EXPERT, journee_start, journee_expert))
    return sorted(items, key=lambda item: (item.start, item.kind == JOURNEE_EXPERT,
                                           getattr(item.obj, "number", 0)))
