"""Template tags of the site's chrome: the header's menu, the footer's links, the breadcrumbs.

The header and the footer are cached fragments (`templates/components/`):
these tags run on a cold cache only.
"""

from django import template
from wagtail.models import Site

from interconnectes.models import NavigationItem, SiteSettings
from interconnectes.models.declarations import declaration_links

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_chrome(context):
    """Site settings, legal pages and both declarations' links for the footer."""
    request = context["request"]
    if Site.find_for_request(request) is None:
        return {"settings": None, "legal_pages": [], "declarations": []}
    site_settings = SiteSettings.for_request(request)
    declarations = declaration_links(request)
    shown = {url for url, _label in declarations}
    legal_pages = [page for page in site_settings.legal_pages() if page.get_url(request) not in shown]
    return {"settings": site_settings, "legal_pages": legal_pages, "declarations": declarations}


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """Menu entries of the current site, with their pages, in one query."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    items = NavigationItem.objects.filter(settings__site=site).select_related("page").order_by("sort_order")
    return [item for item in items if item.page.live]


@register.simple_tag
def breadcrumb_ancestors(page):
    """Ancestors from the home page (depth 2) down, in one query; the tree root is never shown. The breadcrumbs
    are a cached fragment (`components/breadcrumbs.html`): this runs when the page or its place in the tree changed."""
    return list(page.get_ancestors().filter(depth__gt=1)) if page.depth > 2 else []
