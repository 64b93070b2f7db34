"""Where a path leads on the site, remembered, so that serving a page does not walk the page tree every time.

Wagtail finds the page of an address by walking down from the site's root
page, one segment of the path at a time: the root page in its own type,
then for each segment the child of that slug and its specific instance (two
queries per level: seven for a Journée expert, three levels down), half of
what an uncached page view costs. What the walk finds depends on the page
tree alone, so its answer (the page, in its own type, and how many segments
of the path its slugs took) is kept in the cache under the content version
(`interconnectes.content_version`: any page published, unpublished, moved,
renamed or deleted moves it, so an entry never outlives the page it holds)
and the site's root page. A known path then costs no query: the page, as
the walk read it, still answers for the rest of the path as Wagtail has it
(its own sub-addresses with `routable_page`, a 404 if it is not live), and
the view restrictions are checked on it after routing, as for any page
(`interconnectes.views.serve_page`). A path that leads nowhere is not kept:
its 404 walks the tree again.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from interconnectes.content_version import content_version

# A day: the key changes with the content version long before.
ROUTE_TIMEOUT = 24 * 60 * 60


def route_key(site: Site, path_components: list[str]) -> str:
    """The path is hashed: an address of any length makes a key of fixed length."""
    path = hashlib.blake2b("/".join(path_components).encode(), digest_size=16).hexdigest()
    return f"route:{content_version()}:{site.pk}:{site.root_page_id}:{path}"


def route_for_request(request, path: str) -> RouteResult | None:
    """What Wagtail's `Page.route_for_request` answers for the request's site and `path` (None for no page),
    from the cache when the path is known."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    path_components = [component for component in path.split("/") if component]
    key = route_key(site, path_components)
    known = cache.get(key)
    if known is not None:
        page, depth = known
        try:
            return page.route(request, path_components[depth:])
        except Http404:
            return None
    result = Page.route_for_request(request, path)
    if result is not None:
        cache.set(key, (result.page, result.page.depth - site.root_page.depth), ROUTE_TIMEOUT)
    return result
