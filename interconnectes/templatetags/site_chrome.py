"""Template tags of the site's chrome, written to spend as few queries as possible."""

from django import template
from wagtail.models import Site

from interconnectes.models import NavigationItem

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """Menu entries of the current site in one query (the site is already known to the request)."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    items = NavigationItem.objects.filter(settings__site=site).select_related("page").order_by("sort_order")
    return [item for item in items if item.page.live]


@register.simple_tag
def breadcrumb_ancestors(page):
    """Ancestors from the home page down, read from the parents Wagtail cached while routing.

    Page.route() stores each parent on its child, so walking up costs no
    query for a page reached through the URL; the walk stops at the home
    page (depth 2) and never asks for the tree root.
    """
    ancestors = []
    parent = page.get_parent() if page.depth > 2 else None
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.get_parent() if parent.depth > 2 else None
    return ancestors
