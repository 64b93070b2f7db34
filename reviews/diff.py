"""The differences between two snapshots of a record, field by field, restricted to the fields a reader may see.

The public history passes the level-0 fields only: a field left out is never
read, so its values cannot appear in what is shown.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    name: str
    before: Any
    after: Any


def differences(before: dict, after: dict, fields: Iterable[str]) -> list[Change]:
    """The fields of `fields` whose value differs between `before` and `after`, in `fields`' order (a missing
    field counts as empty)."""
    changes = []
    for name in fields:
        old, new = before.get(name, ""), after.get(name, "")
        if (old or "") != (new or ""):
            changes.append(Change(name, old, new))
    return changes
