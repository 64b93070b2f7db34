"""The public history of a record: its numbered versions and, for each, what changed in its level-0 fields.

Only the level-0 fields are read out of each version's snapshot (which holds
every field): `reviews.diff.differences` is given `fields_at(Level.PUBLIC)`,
so a value of a higher level never reaches the page.
"""

import datetime
from dataclasses import dataclass

from django.utils import dateformat

from library.tiers import DATE_FIELDS, Level, fields_at
from reviews.diff import differences
from reviews.services import versions_of


@dataclass(frozen=True)
class Row:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    number: int
    published_at: datetime.datetime
    first: bool
    rows: list


def label_of(model, name: str) -> str:
    field = model._meta.get_field(name)
    label = getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural  # data sources
    return str(label).capitalize()


def shown(model, name: str, value) -> str:
    """A snapshot's value as a reader reads it: a choice's label, a date in French, a list joined."""
    if value in (None, "", []):
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if name in DATE_FIELDS:
        try:
            return dateformat.format(datetime.date.fromisoformat(value), "j F Y")
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    choices = dict(model._meta.get_field(name).flatchoices) if name in {"status", "ai_act_risk", "licence"} else {}
    return str(choices.get(value, value))


def public_history(implementation) -> list[Entry]:
    """Newest first; the first version lists the fields it was published with, the others what changed (labels
    and choices are read from the record's own model)."""
    fields = fields_at(Level.PUBLIC)
    entries, previous = [], {}
    for version in versions_of(implementation).order_by("number"):
        public = {name: version.snapshot.get(name) for name in fields}
        model = type(implementation)
        rows = [Row(label_of(model, change.name), shown(model, change.name, change.before),
                    shown(model, change.name, change.after)) for change in differences(previous, public, fields)]
        entries.append(Entry(version.number, version.published_at, not previous, rows))
        previous = public
    return entries[::-1]
