"""Site-wide views that are not pages: search, robots.txt, sitemap.xml, the HTML site map, the server error page."""

import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page, Site

from interconnectes import canonical
from interconnectes.feed_links import site_feeds
from interconnectes.sitemaps import index_items, public_page_count, section_sitemaps, site_map_tree


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher sur le site"),
        max_length=200,
        required=False,
        strip=True,
        error_messages={"max_length": _("Votre recherche est trop longue : %(limit_value)d caractères au plus.")},
    )


def plain_terms(query: str) -> str:
    """Words only: punctuation and upper-case operators (AND, NEAR…) would reach the full-text engine's syntax."""
    return " ".join(re.sub(r"[^\w'-]+", " ", query).lower().split()) or "-"


@require_GET
def search(request):
    """Full-text search over every live public page; results are not indexed by robots."""
    form = SearchForm(request.GET)
    results = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        found = Page.objects.live().public().search(plain_terms(query), operator="and")
        results = Paginator(found, 10).get_page(request.GET.get("page"))
        # The page type comes from the content type cache: no query per result type.
        results.object_list = [(page, page.specific_class._meta.verbose_name) for page in results.object_list]
    context = {"form": form, "query": query, "results": results, "query_string": urlencode({"q": query})}
    # A refused query (too long) says so with a 400: the page still shows the French error next to the field.
    return render(request, "search.html", context, status=400 if form.errors else 200)


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", {"sitemap_url": canonical.absolute("/sitemap.xml", request)},
                  content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    """Wagtail's one-file sitemap, or past `SITEMAP["SECTIONS_FROM"]` pages an index of one per section."""
    site = Sitemap(request).get_wagtail_site()
    if public_page_count(site) <= settings.SITEMAP["SECTIONS_FROM"]:
        return wagtail_sitemap_views.sitemap(request)
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
