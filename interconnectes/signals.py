"""Signal wiring: keep cached fragments and the view-restriction index in step with what editors change."""

from django.contrib.auth.signals import user_logged_in
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from interconnectes import content_version, privileged_sessions, userbar


def connect():
    from interconnectes.models import (
        NavigationItem,
        NavigationSettings,
        Organisation,
        Person,
        SiteSettings,
    )

    content_version.follow_pages()
    content_version.follow(PageViewRestriction, Site, SiteSettings, NavigationSettings, NavigationItem,
                           Organisation, Person, get_image_model(), get_document_model())
    for name, signal in (("published", page_published), ("unpublished", page_unpublished),
                         ("slug-changed", page_slug_changed), ("moved", post_page_move)):
        signal.connect(content_version.bump_content_version, dispatch_uid=f"content-version-page-{name}")
    user_logged_in.connect(userbar.remember_admin_access, dispatch_uid="userbar-admin-access")
    user_logged_in.connect(privileged_sessions.start, dispatch_uid="privileged-session-start")
