"""Where the site's Atom feeds are, announced with <link rel="alternate"> in the head of the pages they cover.

The apps that publish a feed (the agenda, the manifestos) register its source
with Wagtail's hooks, as they do for the home page's sections
(`interconnectes.home_sections`), so that the site's base does not import them:

    @hooks.register(SITE_FEEDS)
    def events_feed():
        return FeedSource(model=EventIndexPage, subpath="atom/", title=...)

A feed lives at `subpath` under the live, public page of `model` on the site,
and covers that page and its descendants. The home page announces every feed
of its site, found in one query once per content version, then read from the
cache; a page of a section announces its section's feed, whose address it
derives from its own (`BasePage.feed_links`), without a query.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Page

from interconnectes.content_version import VERSIONED_SECONDS, content_version
from interconnectes.restrictions import private_q

SITE_FEEDS = "site_feeds"
ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedSource:
    model: type  # the index page type whose route serves the feed
    subpath: str  # the feed's route under that page, "atom/"
    title: str


@dataclass(frozen=True)
class FeedLink:
    title: str
    path: str  # the feed's address on the site, "/agenda/atom/"


FEED_SUBPATH = "atom/"


def up(url_path: str, levels: int) -> str:
    """The address `levels` pages above a page's address ("/agenda/tour/stop/", 2: "/agenda/")."""
    parts = url_path.rstrip("/").split("/")
    return "/".join(parts[:len(parts) - levels]) + "/"


def feed_above(page, request, title, levels: int = 0) -> list[FeedLink]:
    """The feed served by the index page `levels` above `page` (0: the page itself), as a one-item list."""
    parts = page.get_url_parts(request) if page.pk else None
    if not parts or parts[2] is None:
        return []
    return [FeedLink(title=str(title), path=up(parts[2], levels) + FEED_SUBPATH)]


def find_feeds(site) -> list[FeedLink]:
    sources = [function() for function in hooks.get_hooks(SITE_FEEDS)]
    if not sources:
        return []
    pages = Page.objects.live().exclude(private_q()).descendant_of(site.root_page, inclusive=True) \
        .type(*(source.model for source in sources)).order_by("path")
    links = []
    for page in pages:
        source = next((source for source in sources if issubclass(page.specific_class, source.model)), None)
        _site_id, _root, path = page.get_url_parts()
        if source is not None and path is not None and source.title not in {link.title for link in links}:
            links.append(FeedLink(title=str(source.title), path=path + source.subpath))
    return links


def site_feeds(site) -> list[FeedLink]:
    """Every feed the apps publish on `site` (cached per content version)."""
    if site is None:
        return []
    key = f"site-feeds:{content_version()}:{site.pk}"
    found = cache.get_or_set(key, lambda: find_feeds(site), VERSIONED_SECONDS)
    return found if found is not None else find_feeds(site)
