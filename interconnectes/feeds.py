"""The site's Atom feeds, announced with <link rel="alternate"> in the head of the pages they cover.

The apps that publish a feed (the agenda, the manifestos) register a function
with Wagtail's hooks, as they do for the home page's sections
(`interconnectes.home_sections`), so that the site's base does not import them:

    @hooks.register(SITE_FEEDS)
    def events_feed(site):
        return FeedLink(title=..., path=<the feed's path>, section_path=<the tree path it covers>)

A page announces the feeds of the section it belongs to, the home page all of
them. The list is read once per site and content version, then from the cache.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.utils.feedgenerator import Atom1Feed
from wagtail import hooks

from interconnectes import seo, sharing
from interconnectes.content_version import content_version

SITE_FEEDS = "site_feeds"
CACHE_SECONDS = 86400
ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedLink:
    title: str
    path: str  # the feed's address on the site, "/agenda/atom/"
    section_path: str  # the tree path of the page whose descendants the feed covers


def site_feeds(site) -> list[FeedLink]:
    """Every feed the apps publish on `site` (cached per content version)."""
    if site is None:
        return []

    def build() -> list[FeedLink]:
        links = (function(site) for function in hooks.get_hooks(SITE_FEEDS))
        return [link for link in links if link is not None]

    key = f"site-feeds:{content_version()}:{site.pk}"
    found = cache.get_or_set(key, build, CACHE_SECONDS)
    return found if found is not None else build()


def feeds_for(page, feeds: list[FeedLink]) -> list[FeedLink]:
    """The feeds a page announces: all of them on the home page, its section's elsewhere."""
    if page is None or not getattr(page, "path", ""):
        return []
    if page.depth <= 2:
        return list(feeds)
    return [feed for feed in feeds if page.path.startswith(feed.section_path)]


class PageFeed(Feed):
    """An Atom feed of the pages an index page lists (the agenda's events, the manifestos), newest information
    first; each app says which pages (`items`) and how to present them."""

    feed_type = Atom1Feed
    language = "fr"
    author_name = seo.SITE_NAME
    LIMIT = 30

    def __init__(self, index, request):
        super().__init__()
        self.index = index
        self.request = request

    def title(self):
        return f"{self.index.title} · {seo.SITE_NAME}"

    def subtitle(self):
        return self.index.meta_description

    def link(self):
        return self.index.get_full_url(self.request)

    def feed_url(self):
        return sharing.site_root(self.request) + self.request.path

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.meta_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
