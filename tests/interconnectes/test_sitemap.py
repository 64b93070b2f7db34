"""sitemap.xml: one file for a small site, an index of one sitemap per section past SITEMAP["SECTIONS_FROM"]
public pages, each section's sitemap listing its own live, public pages only."""

import datetime
import re

import pytest
from wagtail.models import Page, PageViewRestriction

from tests.events.factories import JourneeExpertPageFactory, TourPageFactory
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory
from tests.queries import cold_queries

pytestmark = pytest.mark.django_db


def locations(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>(.*?)</loc>", response.text)


@pytest.fixture
def sections(home):
    """Two sections with pages below them, a draft and a restricted section."""
    association = StandardPageFactory(parent=home, title="L'association", slug="association")
    StandardPageFactory(parent=association, title="Le bureau", slug="bureau")
    travaux = StandardPageFactory(parent=home, title="Nos travaux", slug="travaux")
    for number in range(3):
        StandardPageFactory(parent=travaux, title=f"Groupe {number}", slug=f"groupe-{number}")
    StandardPageFactory(parent=travaux, title="Brouillon", slug="brouillon", live=False)
    private = StandardPageFactory(parent=home, title="Espace réservé", slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return association, travaux


def test_a_small_site_has_one_sitemap(client, sections):
    listed = locations(client.get("/sitemap.xml"))
    assert "<urlset" in client.get("/sitemap.xml").text
    assert len(listed) == 7  # home, two sections, the bureau, three groups
    assert not any("brouillon" in url or "reserve" in url for url in listed)


def test_past_the_threshold_the_sitemap_is_an_index_of_sections(client, sections, settings):
    settings.SITEMAP = {"SECTIONS_FROM": 5}
    _association, travaux = sections
    Page.objects.filter(pk=travaux.get_children().first().pk).update(
        last_published_at=datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC))
    index = client.get("/sitemap.xml")
    assert "<sitemapindex" in index.text
    assert "<loc>http://localhost/sitemap-travaux.xml</loc><lastmod>2026-03-01T10:30:00+01:00</lastmod>" in \
        index.text
    assert locations(index) == ["http://localhost/sitemap-accueil.xml", "http://localhost/sitemap-association.xml",
                                "http://localhost/sitemap-travaux.xml"]
    assert len(locations(client.get("/sitemap-accueil.xml"))) == 1  # the home page alone
    travaux = locations(client.get("/sitemap-travaux.xml"))
    assert [url.split("/travaux/")[-1] for url in travaux] == ["", "groupe-0/", "groupe-1/", "groupe-2/"]
    assert [url.split("/association/")[-1] for url in locations(client.get("/sitemap-association.xml"))] == [
        "", "bureau/"]


@pytest.mark.parametrize("name", ["reserve", "inconnu"])
def test_a_restricted_or_unknown_section_has_no_sitemap(client, sections, settings, name):
    settings.SITEMAP = {"SECTIONS_FROM": 5}
    assert client.get(f"/sitemap-{name}.xml").status_code == 404


def test_a_section_sitemap_costs_the_same_with_more_pages(client, sections, settings):
    settings.SITEMAP = {"SECTIONS_FROM": 5}
    _association, travaux = sections
    small = cold_queries(client, "/sitemap-travaux.xml"), cold_queries(client, "/sitemap.xml")
    for number in range(3, 30):
        StandardPageFactory(parent=travaux, title=f"Groupe {number}", slug=f"groupe-{number}")
    large = cold_queries(client, "/sitemap-travaux.xml"), cold_queries(client, "/sitemap.xml")
    assert small == large, (small, large)
    assert len(locations(client.get("/sitemap-travaux.xml"))) == 31


def test_pages_hidden_from_search_engines_are_not_listed(client, sections, settings):
    association, _travaux = sections
    StandardPageFactory(parent=association, title="Page cachée", slug="cachee", noindex=True)
    StandardPageFactory(parent=association, title="Page visible", slug="visible")
    listed = locations(client.get("/sitemap.xml"))
    assert any(url.endswith("/visible/") for url in listed) and not any("cachee" in url for url in listed)
    settings.SITEMAP = {"SECTIONS_FROM": 5}
    assert [url.split("/association/")[-1] for url in locations(client.get("/sitemap-association.xml"))] == [
        "", "bureau/", "visible/"]


def test_the_sitemap_costs_the_same_whatever_the_number_of_page_types(client, home, sections):
    """Pages are read with the fields every page has, in one query, not one query per page type."""
    _association, travaux = sections
    before = cold_queries(client, "/sitemap.xml")
    ManifestoPageFactory(parent=ManifestoIndexPageFactory(parent=home))
    JourneeExpertPageFactory(parent=TourPageFactory(parent=travaux))
    after = cold_queries(client, "/sitemap.xml")
    assert after == before, (before, after)
    assert len(locations(client.get("/sitemap.xml"))) == 11
