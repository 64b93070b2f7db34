"""Site-wide views: the pages' own view, robots.txt, sitemap.xml, the HTML site map, the server error page."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Site

from interconnectes import canonical, routing
from interconnectes.feed_links import site_feeds
from interconnectes.sitemaps import (
    SectionSitemap,
    hidden_page_ids,
    index_items,
    public_page_count,
    section_sitemaps,
    site_map_tree,
)


def serve_page(request, path):
    """Wagtail's view of the pages (`wagtail.views.serve`: its hooks, in its order, the view restrictions'
    among them), with the route remembered (`interconnectes.routing`) instead of walked on every request."""
    route = routing.route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    serve = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    for hook in hooks.get_hooks("before_serve_page"):
        response = hook(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return response
    return serve(page, request, args, kwargs)


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", {"sitemap_url": canonical.absolute("/sitemap.xml", request)},
                  content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    """Wagtail's one-file sitemap, or past `SITEMAP["SECTIONS_FROM"]` pages an index of one per section."""
    site = Sitemap(request).get_wagtail_site()
    if public_page_count(site) <= settings.SITEMAP["SECTIONS_FROM"]:
        return sitemap_views.sitemap(request, {"wagtail": SectionSitemap(request, site.root_page,
                                                                         hidden=hidden_page_ids())})
    items = index_items(section_sitemaps(request, site), canonical.root_url(request))
    dates = [item.last_mod for item in items]
    headers = {"Last-Modified": http_date(max(dates).timestamp())} if dates and None not in dates else None
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml",
                            headers=headers)


@require_GET
def sitemap_section(request, section):
    """One section's sitemap, listed by the index (404 for a name it does not list)."""
    return sitemap_views.sitemap(request, section_sitemaps(request, Sitemap(request).get_wagtail_site()),
                                 section=section)


@require_GET
def site_map(request):
    """The HTML site map: every live, public, indexed page as a tree, and the feeds (sitemap.xml is the robots')."""
    site = Site.find_for_request(request)
    context = {"tree": site_map_tree(site) if site is not None else [], "feeds": site_feeds(site),
               "meta_description": _("Le plan du site des Interconnectés : toutes ses pages, rubrique par rubrique.")}
    return render(request, "interconnectes/site_map.html", context)


def server_error(request, template_name="500.html"):
    """Django's 500 page (no request, no query: they may be what failed), telling that the team was warned only
    when someone is: ADMINS gets the errors by e-mail."""
    return HttpResponseServerError(loader.get_template(template_name).render({"team_notified": bool(settings.ADMINS)}))
