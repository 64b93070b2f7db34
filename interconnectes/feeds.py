"""The Atom feed of an index page's pages; where the feeds are and how pages announce them is in
`interconnectes.feed_links`, which models may import (this module renders, as a view does)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from interconnectes import canonical, seo


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
        return canonical.root_url(self.request) + self.request.path

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
