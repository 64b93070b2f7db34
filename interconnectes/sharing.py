"""The absolute addresses a page gives to the outside: the site's root, link previews' image, the logo.

Addresses are built on the site's one public address (`canonical`). The
image of a page is a rendition (resized for link previews, in JPEG that
every previewer reads): the page's own, else the site's default image from
its settings, else the association's logo shipped with the site. It is
looked up once per page and content version and then read from the cache:
a warm page asks the database nothing for it.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.templatetags.static import static
from wagtail.models import Site

from interconnectes import seo
from interconnectes.canonical import absolute, root_url
from interconnectes.content_version import VERSIONED_SECONDS, content_version

DEFAULT_IMAGE = "img/partage.png"  # 1200 × 630, seo.SHARE_IMAGE_SIZE
LOGO = "img/logo.png"  # 512 × 512


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


def logo_url(request) -> str:
    return absolute(static(LOGO), request)


def rendition_image(request, image) -> ShareImage:
    rendition = image.get_rendition(seo.SHARE_IMAGE_SPEC)
    return ShareImage(absolute(rendition.url, request), rendition.width, rendition.height, image.default_alt_text)


def default_image(request) -> ShareImage:
    from interconnectes.models import SiteSettings  # the settings model needs the app registry

    # for_request: the footer reads the same settings, once per request.
    image = SiteSettings.for_request(request).share_image if Site.find_for_request(request) is not None else None
    if image is not None:
        return rendition_image(request, image)
    width, height = seo.SHARE_IMAGE_SIZE
    return ShareImage(absolute(static(DEFAULT_IMAGE), request), width, height, seo.SITE_NAME)


def share_image(request, page=None, image=None) -> ShareImage:
    """The image link previews show: `image`, else the page's own, else the site's default (cached)."""
    key = (f"share-image:{content_version()}:{root_url(request)}:{page.pk if page is not None else ''}:"
           f"{image.pk if image is not None else ''}")

    def build() -> ShareImage:
        own = getattr(page, "share_image", None)  # the site's page types say; Wagtail's root page has none
        chosen = image if image is not None else (own() if own is not None else None)
        return rendition_image(request, chosen) if chosen is not None else default_image(request)

    return cache.get_or_set(key, build, VERSIONED_SECONDS) or build()
