"""Routing of pages that look up what lies below them with fewer queries than Wagtail.

Wagtail walks a URL one level at a time, two queries per level: the child
by its slug, then the same child as its own class (`.specific`). The home
page and standard pages read the child as its own class in one query
(`SpecificChildMixin`). A section page (the agenda, the labels index) knows
its subtree well enough to fetch the page asked for in one go: it keeps its
own routable sub-URLs first, as `RoutablePageMixin` does, and hands any other
path to `route_descendant` (`OwnRoutesFirstMixin`).
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from interconnectes.specific_pages import select_specific, specific


class SpecificChildMixin:
    """Wagtail's `Page.route`, reading the child named by the URL as its own class in one query.

    Everything else is Wagtail's: the child is routed with the rest of the
    path (its own sub-routes, draft or unpublished pages answering 404 there),
    and gets this page cached as its parent for breadcrumbs and the view
    restrictions check.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        models = self.allowed_subpage_models()
        try:
            child = select_specific(self.get_children(), models).get(slug=path_components[0])
        except self.base_page_model.DoesNotExist as error:
            raise Http404 from error
        child = specific(child, models)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


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
