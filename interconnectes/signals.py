"""Signal wiring: keep cached fragments in step with what editors change."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from interconnectes.chrome import bump_chrome_version


def connect():
    from interconnectes.models import (
        AccessibilityStatementPage,
        EcodesignStatementPage,
        NavigationItem,
        NavigationSettings,
        SiteSettings,
    )

    # The footer links both declarations and shows the accessibility status: saving or deleting one
    # by any path (not only by publishing it) moves the generation too.
    for model in (SiteSettings, NavigationSettings, NavigationItem, AccessibilityStatementPage, EcodesignStatementPage):
        post_save.connect(bump_chrome_version, sender=model, dispatch_uid=f"chrome-save-{model.__name__}")
        post_delete.connect(bump_chrome_version, sender=model, dispatch_uid=f"chrome-delete-{model.__name__}")
    page_published.connect(bump_chrome_version, dispatch_uid="chrome-page-published")
    page_unpublished.connect(bump_chrome_version, dispatch_uid="chrome-page-unpublished")
    page_slug_changed.connect(bump_chrome_version, dispatch_uid="chrome-page-slug")
