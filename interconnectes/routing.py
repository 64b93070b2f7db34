"""Where a path leads on the site, remembered, so that serving a page does not walk the page tree every time.

Wagtail finds the page of an address by walking down from the site's root
page, one segment of the path at a time: the root page in its own type,
then for each segment the child of that slug and its specific instance (two
queries per level: seven for a Journée expert, three levels down), half of
what an uncached page view costs. What the walk finds depends on the page
tree alone, so the page it finds at a page's own address is kept in the
cache, in its own type, under the content version
(`interconnectes.content_version`: any page published, unpublished, moved,
renamed or deleted moves it, so an entry never outlives the page it holds)
and the site's root page. A known address then costs no query: the page, as
the walk read it, still answers as Wagtail has it (a 404 if it is not live,
its index view if it is routable), and the view restrictions are checked on
it after routing, as for any page (`interconnectes.views.serve_page`).

Only pages' own addresses are kept, so there are never more entries than
pages: a page's sub-addresses (`routable_page`: `intervenants/<any slug>/`)
have no bound, and a path that leads nowhere has none either; both walk the
tree as before.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from interconnectes.content_version import VERSIONED_SECONDS, content_version


def route_key(site: Site, path_components: list[str]) -> str:
    """The path is hashed: an address of any length makes a key of fixed length."""
    path = hashlib.blake2b("/".join(path_components).encode(), digest_size=16).hexdigest()
    return f"route:{content_version()}:{site.pk}:{site.root_page_id}:{path}"


def route_for_request(request, path: str) -> RouteResult | None:
    """What Wagtail's `Page.route_for_request` answers for the request's site and `path` (None for no page),
    from the cache when the path is a page's address already known."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    path_components = [component for component in path.split("/") if component]
    key = route_key(site, path_components)
    page = cache.get(key)
    if page is not None:
        try:
            return page.route(request, [])
        except Http404:
            return None
    result = Page.route_for_request(request, path)
    if result is not None and result.page.depth - site.root_page.depth == len(path_components):
        cache.set(key, result.page, VERSIONED_SECONDS)
    return result
