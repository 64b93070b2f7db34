"""sitemap.xml: one file while the site is small, an index of one sitemap per section once it is not.

A single sitemap of a few thousand pages takes long to build and weighs
hundreds of kilobytes, and a crawler rereads all of it for one new page.
Past `SITEMAP["SECTIONS_FROM"]` public pages, /sitemap.xml becomes a sitemap
index (the sitemaps protocol's, as Django builds it) pointing at the home
page's own sitemap and at one per section (each child of the home page with
all its descendants), each dated by its latest publication.

The HTML site map (/plan-du-site/) shows readers the same pages as a tree.
"""

from dataclasses import dataclass, field

from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page, get_page_models

HOME = "accueil"  # the name of the home page's own sitemap; sections are named by their slug


class SectionSitemap(Sitemap):
    """Wagtail's sitemap limited to one page (`inclusive` only) or to a page and its descendants.

    Its pages are read once, as instances of their own types holding the
    fields every page has (`specific(defer=True)`): no query per page type,
    however many types the section holds. What a type adds to its entries
    (sub-pages, speakers, implementations) it reads itself, in one query per
    page of that type at most. Pages hidden from search engines (`noindex`,
    `hidden`: read once for all the sitemaps of a request) are left out by
    the same query.
    """

    def __init__(self, request, root, *, hidden, descendants=True):
        super().__init__(request)
        self.root = root
        self.hidden = hidden
        self.descendants = descendants

    def pages(self):
        pages = Page.objects.descendant_of(self.root, inclusive=True) if self.descendants else \
            Page.objects.filter(pk=self.root.pk)
        return pages.live().public()

    def items(self):
        return self.pages().exclude(pk__in=self.hidden).order_by("path").specific(defer=True)

    def get_latest_lastmod(self):
        """The index's date of this sitemap, in one query rather than by reading every page."""
        return self.pages().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))[
            "latest"]


def public_page_count(site) -> int:
    return site.root_page.get_descendants(inclusive=True).live().public().count()


def section_sitemaps(request, site) -> dict:
    """{name: sitemap}: the home page alone, then each live, public child of it with its descendants."""
    home = site.root_page
    sections = home.get_children().live().public().order_by("path")
    hidden = hidden_page_ids()
    return {HOME: SectionSitemap(request, home, hidden=hidden, descendants=False),
            **{section.slug: SectionSitemap(request, section, hidden=hidden) for section in sections}}


def index_items(sitemaps: dict, root_url: str) -> list[SitemapIndexItem]:
    """The index's entries, on the site's public address (Django's own index view names the request's host):
    each section's sitemap with its date, and its further pages past the protocol's 50,000 addresses."""
    items = []
    for section, sitemap in sitemaps.items():
        location = root_url + reverse("sitemap_section", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(location, lastmod))
        items.extend(SitemapIndexItem(f"{location}?p={number}", lastmod)
                     for number in range(2, sitemap.paginator.num_pages + 1))
    return items


@dataclass
class Branch:
    """A page of the HTML site map and the pages under it."""

    page: Page
    children: list = field(default_factory=list)


def hidden_page_ids() -> set[int]:
    """The pages whose editors hid them from search engines and site maps (`BasePage.noindex`), whatever their
    type, in one query: the union of each page type's own table, the column being there. (A join of every page
    type's table at once takes PostgreSQL longer to plan, with thirty-odd tables, than to run.)"""
    hidden = []
    for model in get_page_models():
        try:
            field_ = model._meta.get_field("noindex")
        except FieldDoesNotExist:
            continue
        if field_.model is model:  # the table that holds the column
            hidden.append(model.objects.filter(noindex=True).order_by().values_list("pk", flat=True))
    return set(hidden[0].union(*hidden[1:], all=True)) if hidden else set()


def site_map_tree(site) -> list[Branch]:
    """The live, public, indexed pages of `site` as a tree (two queries whatever the number of pages)."""
    pages = site.root_page.get_descendants(inclusive=True).live().public().order_by("path")
    hidden = hidden_page_ids()
    roots: list[Branch] = []
    open_branches: dict[str, Branch] = {}
    for page in pages:
        if page.pk in hidden:
            continue
        branch = Branch(page)
        above = page.path[:-page.steplen]
        while above and above not in open_branches:  # under a hidden page: shown under the nearest shown one
            above = above[:-page.steplen]
        parent = open_branches.get(above)
        (parent.children if parent else roots).append(branch)
        open_branches[page.path] = branch
    return roots
