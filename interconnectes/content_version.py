"""The version of what the site shows readers: every change an editor makes moves it.

Cached fragments (the header, the footer, the body of each page) and the
view-restriction index (`interconnectes.restrictions`) are keyed on this
number. Anything that changes what a reader may see or read (a page
published, unpublished, moved, renamed or deleted, a view restriction, a
snippet, a setting, an image, a document) moves it, so that stale entries
are simply never read again and expire on their own. Saving a draft does
not: readers do not see drafts.
"""

import time
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page

PARIS = ZoneInfo("Europe/Paris")

CONTENT_VERSION_KEY = "site-content-version"

# How long an entry keyed on the content version is kept: a day, the key changes long before (a version no longer
# read simply expires).
VERSIONED_SECONDS = 24 * 60 * 60

# What saving a draft, locking a page or commenting on it writes on the page row: nothing a reader sees.
DRAFT_BOOKKEEPING = frozenset({
    "draft_title", "has_unpublished_changes", "latest_revision", "latest_revision_created_at",
    "wagtail_admin_comments", "locked", "locked_at", "locked_by",
})


def fresh_version() -> int:
    """A number no earlier version had, even after the key was evicted: the clock in nanoseconds."""
    return time.time_ns()


def content_version() -> int:
    version = cache.get_or_set(CONTENT_VERSION_KEY, fresh_version, timeout=None)
    return version if version is not None else fresh_version()  # a cache that cannot be reached renders afresh


def bump_content_version(**_kwargs) -> None:
    cache.set(CONTENT_VERSION_KEY, fresh_version(), timeout=None)


def time_slot(now, minutes: int) -> str:
    """`now` rounded down to a multiple of `minutes` in Paris time ("2026-03-01 14:05" from 14:05 to 14:09:59
    for 5): a fragment that shows what happens now (upcoming events, sessions on air) varies on it."""
    local = timezone.localtime(now, PARIS)
    return f"{local:%Y-%m-%d %H}:{local.minute - local.minute % minutes:02d}"


def _page_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_BOOKKEEPING):
        bump_content_version()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def follow_pages() -> None:
    """Every page type, whatever its app: a page row saved (not a draft) or deleted moves the version."""
    post_save.connect(_page_saved, dispatch_uid="content-version-page-saved")
    post_delete.connect(_page_deleted, dispatch_uid="content-version-page-deleted")


def follow(*models) -> None:
    """Saving or deleting a row of one of `models` (snippets, settings, media) moves the version."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-delete-{label}")
