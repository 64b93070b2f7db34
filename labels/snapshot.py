"""A JSON snapshot of an application as submitted, its display and the diff between two versions."""

import datetime

from django.db import models
from django.utils.translation import gettext as _

from labels import formatting
from labels.steps import FORM_STEPS, SUMMARY

SNAPSHOT_FIELDS = [name for step in (*FORM_STEPS, SUMMARY) for name in step.fields]
EUROS = frozenset({"budget"})


def snapshot(application) -> dict:
    data = {}
    for name in SNAPSHOT_FIELDS:
        if name == "category":
            data[name] = application.category.name if application.category_id else ""
            continue
        value = getattr(application, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data["attachments"] = [
        {"name": attachment.original_name, "size": attachment.size, "type": attachment.content_type}
        for attachment in application.attachments.all()
    ]
    return data


def changed_fields(previous: dict | None, current: dict) -> list[str]:
    if previous is None:
        return []
    return sorted(name for name in current if previous.get(name) != current.get(name))


def display_rows(data: dict, exclude=()) -> list[tuple[str, str]]:
    """(label, text) pairs in form order, for the receipt and the summary; `exclude` leaves fields out."""
    from labels.models import Application

    rows = []
    for name in SNAPSHOT_FIELDS:
        if name in exclude:
            continue
        field = Application._meta.get_field(name)
        value = data.get(name)
        if isinstance(value, bool):
            text = _("oui") if value else _("non")
        elif field.choices and value:
            text = str(dict(field.flatchoices).get(value, value))
        elif value in (None, ""):
            text = "—"
        elif isinstance(field, models.DateField):
            text = formatting.date(datetime.date.fromisoformat(value) if isinstance(value, str) else value)
        elif isinstance(value, int):
            text = formatting.number(value) + (f"{formatting.NBSP}€" if name in EUROS else "")
        else:
            text = str(value)
        rows.append((str(field.verbose_name), text))
    names = ", ".join(f"{item['name']} ({formatting.size(item['size'])})" if item.get("size") is not None
                      else item["name"] for item in data.get("attachments", [])) or "—"
    rows.append((_("Pièces jointes"), names))
    return rows
