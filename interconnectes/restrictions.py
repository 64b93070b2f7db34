"""Which pages carry a view restriction, known without asking the database on every page view.

Wagtail checks a page's view restrictions before serving it
(`Page.get_view_restrictions`: two queries, the page's ancestors, then the
restrictions on them). A site holds a handful of restrictions and aliases,
so the paths of the restricted pages and of the aliases are read in one
query and cached, keyed on the content version (a restriction saved or
deleted, a page saved, moved or deleted moves it). Then, for a page:

- when neither it nor an ancestor is restricted or an alias, no restriction
  applies: nothing is asked;
- when some are restricted, their restrictions are read in one query;
- when it or an ancestor is an alias, Wagtail's own method answers, since an
  alias counts as its source page (which may itself be an alias).
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page

from interconnectes.content_version import VERSIONED_SECONDS, content_version


def restricted_and_alias_paths() -> tuple[frozenset[str], frozenset[str]]:
    """(paths of the pages carrying a view restriction, paths of the aliases), for the current content."""
    key = f"view-restriction-index:{content_version()}"
    index = cache.get(key)
    if index is None:
        rows = (Page.objects.filter(Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False))
                .values_list("path", "alias_of_id").distinct())
        index = (frozenset(path for path, alias_of in rows if alias_of is None),
                 frozenset(path for path, alias_of in rows if alias_of is not None))
        cache.set(key, index, VERSIONED_SECONDS)
    return index


def chain_paths(path: str, steplen: int) -> frozenset[str]:
    """The tree path of a page and of each of its ancestors ("000100020003" → 0001, 00010002, 000100020003)."""
    return frozenset(path[:end] for end in range(steplen, len(path) + 1, steplen))


def private_q() -> Q:
    """Pages that a view restriction covers (the page or an ancestor restricted): Wagtail's `.public()`
    excludes the same pages, after reading every restriction of the site."""
    restricted, _aliases = restricted_and_alias_paths()
    q = Q(pk__in=[])
    for path in restricted:
        q |= Q(path__startswith=path)
    return q
