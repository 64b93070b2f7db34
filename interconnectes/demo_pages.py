"""Idempotent building blocks of the demo content command."""

import json

from wagtail.models import Page


def get_or_create_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """Return the live child of `parent` with this slug, creating and publishing it if missing.

    An existing page is left as editors left it: the command never overwrites content.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_or_create(model, lookup: dict, defaults: dict | None = None):
    """Like QuerySet.get_or_create, but runs full_clean on creation so demo data obeys the same rules."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **(defaults or {}))
        instance.full_clean()
        instance.save()
    return instance


def stream(blocks) -> str:
    """StreamField raw data (JSON) from (block type, raw value) pairs: rich text as its HTML string."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])
