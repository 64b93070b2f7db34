"""Pages read as their own class in the query that finds them, where Wagtail's `.specific` asks once more.

Wagtail reads a page from the `wagtailcore_page` table, then its own class's
row in a second query (`.specific`). A page model's table is joined to
Page's by multi-table inheritance, so `select_related()` along that link reads
both at once, provided the classes the page may have are known beforehand: a
page's allowed child types, the types a site's root may have. A page of any
other class (one no longer allowed where it stands) is read the usual way,
with one query more.
"""

from itertools import pairwise

from wagtail.models import Page


def row_path(model) -> str:
    """The select_related() path from a Page to `model`'s own row: "eventpage__forumpage" for a ForumPage."""
    chain = [*reversed(model._meta.get_base_chain(Page)), model]  # Page, EventPage, ForumPage
    return "__".join(child._meta.get_ancestor_link(parent).related_query_name() for parent, child in pairwise(chain))


def select_specific(queryset, models, prefix=""):
    """`queryset` reading, with each page (at `prefix`, e.g. "root_page__"), its row as any of `models`."""
    return queryset.select_related(*(prefix + row_path(model) for model in models if model is not Page))


def specific(page, models):
    """`page` as its own class, from the rows read by select_specific(`models`); else Wagtail's `.specific`.

    As `.specific` does, what was set on the page (its parent cached by
    routing, annotations) is kept on the returned instance.
    """
    model = page.specific_class
    if model is None or model is Page or model not in models:
        return page.specific
    own = page
    for name in row_path(model).split("__"):
        own = getattr(own, name)  # a parent link's accessor is its query name
    for name, value in page.__dict__.items():
        own.__dict__.setdefault(name, value)
    return own
