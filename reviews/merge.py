"""Two co-editors saving one draft at once lose nothing: a three-way merge, field by field, on plain values.

The form carries a fingerprint of each field as its editor loaded it. On
saving, under the draft's row lock, a field the editor did not touch keeps
the stored value (a co-editor may have changed it meanwhile); a field they
changed is written, unless a co-editor changed it too, to something else:
that is a conflict, reported next to the field, and nothing is saved.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any


def fingerprint(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def fingerprints(values: dict) -> dict[str, str]:
    return {name: fingerprint(value) for name, value in values.items()}


@dataclass(frozen=True)
class Merge:
    values: dict  # the stored values with this editor's changes applied
    changed: tuple[str, ...]  # the fields this editor changed
    conflicts: dict  # field → the co-editor's value it would overwrite


def merge(base: dict[str, str], submitted: dict, current: dict) -> Merge:
    """`base`: fingerprints of what the editor loaded; `submitted`: what they send; `current`: what is stored."""
    values, changed, conflicts = dict(current), [], {}
    for name, value in submitted.items():
        mine = fingerprint(value)
        loaded = base.get(name)
        if mine == loaded:
            continue  # untouched by this editor: whatever is stored stays
        stored = current.get(name)
        if loaded is not None and fingerprint(stored) not in (loaded, mine):
            conflicts[name] = stored
            continue
        values[name] = value
        changed.append(name)
    return Merge(values=values, changed=tuple(changed), conflicts=conflicts)
