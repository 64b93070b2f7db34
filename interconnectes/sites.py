"""The request's site, its home page and every site's root path, in one query.

Wagtail finds the request's site in one query (`Site.find_for_request`),
reads the site's home page once more as its own class to route the URL
(`.specific`), and reads every site again for the root paths it builds page
URLs from (`Site.get_site_root_paths`: kept in the cache between requests,
so read again on every cold request). There is a row per site, a handful:
reading them all, each with its home page as its own class, answers the
three questions at once. The answers are left where Wagtail looks for them
during the request (`request._wagtail_site` and
`request._wagtail_cached_site_root_paths`, as the docstrings of
`Site.find_for_request` and `Page._get_site_root_paths` describe); a request
this middleware leaves alone is served by Wagtail's own lookups.
"""

from django.conf import settings
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)

from interconnectes.specific_pages import select_specific, specific


def all_sites():
    """Every site with its home page as its own class, in the order of Wagtail's site root paths."""
    models = Page.allowed_subpage_models()  # the classes a page under the tree root may have
    sites = list(
        select_specific(Site.objects.select_related("root_page__locale"), models, prefix="root_page__")
        .order_by("-root_page__url_path", "-is_default_site", "hostname")
    )
    for site in sites:
        site.root_page = specific(site.root_page, models)
    return sites


def site_for_hostname(sites, hostname, port):
    """Wagtail's `get_site_for_hostname()` (wagtail/models/sites.py), choosing among sites already read."""

    def match(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=match)
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if match(candidates[0]) == MATCH_DEFAULT:
        # The default site, unless exactly one other site has the hostname.
        return candidates[len(candidates) == 2]
    return None


def site_root_paths(sites):
    """`Site.get_site_root_paths()` of a site without translations (WAGTAIL_I18N_ENABLED off)."""
    return [SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
            for site in sites]


def find_site(request):
    """Leave the request's site and the site root paths on the request, where Wagtail looks for them."""
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check here
    try:
        port = int(request.get_port())
    except ValueError:
        return  # a port that is not a number: left to Wagtail's own lookup
    sites = all_sites()
    request._wagtail_site = site_for_hostname(sites, hostname, port)
    request._wagtail_cached_site_root_paths = site_root_paths(sites)


class SiteLookupMiddleware:
    """Wagtail's page view reads the request's site, its home page and the site root paths in one query.

    Only for Wagtail's `serve` view, which needs all three: other views (the
    search, the applicants' pages, the admin) keep Wagtail's lookups, made
    only if they need a site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            find_site(request)  # translated home pages are left to Wagtail's lookups
