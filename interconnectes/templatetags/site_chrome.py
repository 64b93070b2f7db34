"""Template tags of the site's chrome, written to spend as few queries as possible."""

from django import template
from wagtail.models import Site

from interconnectes.models import NavigationItem, SiteSettings
from interconnectes.models.declarations import declaration_links, with_declarations

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_chrome(context):
    """Site settings, legal pages and both declarations' links for the footer, in one query.

    The declarations are read as subqueries of the site settings query the
    footer always made, so linking them costs no query on a cold cache. The
    settings are left on the request as Wagtail's own `settings` would.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"settings": None, "legal_pages": [], "declarations": []}
    queryset = with_declarations(SiteSettings.base_queryset()).filter(site=site)
    site_settings = queryset.first()
    if site_settings is None:  # the first request of a new site creates its settings
        SiteSettings.for_site(site)
        site_settings = queryset.first()
    site_settings._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
    declarations = declaration_links(site_settings, request)
    shown = {link.page_id for link in declarations}
    legal_pages = [page for page in site_settings.legal_pages() if page.pk not in shown]
    return {"settings": site_settings, "legal_pages": legal_pages, "declarations": declarations}


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
