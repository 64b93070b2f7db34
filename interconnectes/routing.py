"""Routing of section pages that look up what lies below them themselves.

Wagtail walks a URL one level at a time, one or two queries per level. A
section page (the agenda, the labels index) knows its subtree well enough to
fetch the page asked for in one go: it keeps its own routable sub-URLs
first, as `RoutablePageMixin` does, and hands any other path to
`route_descendant`.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult


class OwnRoutesFirstMixin(RoutablePageMixin):
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        if self.live:
            try:
                resolver_match = self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                pass
            else:
                request.routable_resolver_match = resolver_match
                view, args, kwargs = resolver_match
                return RouteResult(self, args=(view, args, kwargs))
        return self.route_descendant(request, path_components)

    def route_descendant(self, request, path_components):
        """The page below this one that `path_components` names, routed with the rest of the path."""
        raise NotImplementedError
