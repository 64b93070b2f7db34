"""A routed page's Wagtail view restrictions, read with one query or none.

Wagtail checks a page's view restrictions before serving it
(`check_view_restrictions` in wagtail/wagtail_hooks.py), and some pages check
them again while rendering (the labels index lists no campaign when its
section is private). `Page.get_view_restrictions()` spends two queries each
time: the page's ancestors first, then the restrictions of the page and its
ancestors, where every alias among them counts as its source page (followed
to the first page that is not an alias; the source's own ancestors are not
checked): an alias has no restrictions of its own.

Routing already holds the ancestors: each page it goes through is cached on
its child as `_cached_parent_obj`, up to the site's home page, whose parent is
the tree root (`SpecificChildMixin` in interconnectes/routing.py for the home
and standard pages, the agenda's and the labels index's `route_descendant`,
the manifesto index's `route`). The events and labels apps each had a mixin
to use it, one reading the restrictions by path, the other by page id; this
is the single one every page type uses, keeping what each did right:

- along a route without aliases, the restrictions of the page and its
  ancestors, the tree root included, are read by path in one query;
- when the routing query annotated `in_private_section` (the agenda's
  `route_descendant`, events/models/pages.py) and it is False, no restriction
  covers the page or an ancestor by path: nothing is left to ask;
- a chain holding an alias is answered by Wagtail's own method, since an
  alias's source may itself be an alias, which neither the path nor
  `alias_of_id` tells (aliases are rare; the path and `in_private_section`
  would miss the source's restrictions);
- outside routing (a preview, a page loaded on its own, the admin) a parent
  is missing from the chain and Wagtail's own method answers, asked afresh
  each time;
- the queryset found for a page below the home page, reached by routing, is
  kept on the page instance (as `_routed_view_restrictions`): a routed page
  lives as long as the request that routed it, so rendering (`get_context`)
  reuses the rows of the check Wagtail ran before serving instead of asking
  again. The home page has no parent to tell whether routing reached it (a
  page loaded on its own may live longer than a request): it answers by path
  in one query, asked afresh each time.
"""

from wagtail.models import PageViewRestriction


class RoutedViewRestrictionsMixin:
    """`Page.get_view_restrictions()` without Wagtail's ancestors query for a page reached by routing."""

    def get_view_restrictions(self):
        cached = getattr(self, "_routed_view_restrictions", None)
        if cached is not None:
            return cached
        chain = self._routed_chain()
        if chain is None:
            return super().get_view_restrictions()  # not reached by routing: Wagtail's answer, asked afresh
        if any(page.alias_of_id for page in chain):
            restrictions = super().get_view_restrictions()  # aliases resolve to their sources, as Wagtail's
        elif getattr(self, "in_private_section", None) is False:
            restrictions = PageViewRestriction.objects.none()  # the routing query found none on the path
        else:
            paths = [self.path[: size * self.steplen] for size in range(1, self.depth + 1)]
            restrictions = PageViewRestriction.objects.filter(page__path__in=paths)
        if len(chain) > 1:  # reached by routing: kept for the request, with its rows once evaluated
            self._routed_view_restrictions = restrictions
        return restrictions  # a queryset, as Wagtail's (the admin orders it)

    def _routed_chain(self):
        """The page and its ancestors down to the site's home page (depth 2), as routing cached them, or None."""
        chain, page = [self], self
        if not isinstance(page.depth, int):
            return None  # a page not in the tree yet (the preview of a new page)
        while page.depth > 2:
            page = getattr(page, "_cached_parent_obj", None)
            if page is None:
                return None
            chain.append(page)
        return chain
