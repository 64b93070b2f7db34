"""What keeps the search index current: any change a reader could see asks for a rebuild, which runs once the
transaction commits, once however many changes it holds.

Publishing, unpublishing, moving, renaming or deleting a page, a view
restriction, a person, an organisation, a venue, a theme, a results
publication, an AI library record or its data sources, a replay or its
chapters and a resource (its themes included) all count; saving a draft does not (readers do not see drafts,
`interconnectes.content_version.DRAFT_BOOKKEEPING`).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from events.models import EventTheme, Venue
from interconnectes.content_version import DRAFT_BOOKKEEPING
from interconnectes.models import Organisation, Person
from labels.models import ResultsPublication
from library.models import DataSource, Implementation
from replays.models import Replay, ReplayChapter
from resources.models import Resource
from sitesearch.indexing import state
from sitesearch.tasks import rebuild_search_index

FOLLOWED = (PageViewRestriction, Person, Organisation, Venue, EventTheme, ResultsPublication, Implementation,
            DataSource, Replay, ReplayChapter, Resource)


def rebuild_if_requested() -> None:
    if state.done < state.requested:
        state.done = state.requested
        rebuild_search_index.enqueue()


def schedule_rebuild(raw=False, **_kwargs) -> None:
    """Rebuild once the current transaction commits (at once outside one); not for rows loaded as they are
    (`loaddata`, a restored snapshot), which say nothing of what is public until a rebuild is asked for."""
    if raw:
        return
    state.requested += 1
    transaction.on_commit(rebuild_if_requested)


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_BOOKKEEPING):
        schedule_rebuild(raw=raw)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule_rebuild()


def relation_changed(action, **_kwargs):
    """A many-to-many relation the index reads (a resource's themes) is written after its row's own save: outside a
    transaction, the rebuild asked for by that save could run before it."""
    if action in ("post_add", "post_remove", "post_clear"):
        schedule_rebuild()


def connect() -> None:
    page_published.connect(schedule_rebuild, dispatch_uid="search-page-published")
    page_unpublished.connect(schedule_rebuild, dispatch_uid="search-page-unpublished")
    post_save.connect(page_saved, dispatch_uid="search-page-saved")
    post_delete.connect(page_deleted, dispatch_uid="search-page-deleted")
    for model in FOLLOWED:
        label = model._meta.label_lower
        post_save.connect(schedule_rebuild, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(schedule_rebuild, sender=model, dispatch_uid=f"search-delete-{label}")
    m2m_changed.connect(relation_changed, sender=Resource.themes.through, dispatch_uid="search-resource-themes")
