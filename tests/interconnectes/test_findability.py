"""What search engines and link previews read of every page: description, canonical address, preview image,
unique titles, the association's and the breadcrumbs' JSON-LD, the manifestos' feed and article, the HTML
site map."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from interconnectes import seo
from interconnectes.demo_pages import stream
from interconnectes.models import SiteSettings
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory, image_factory
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def head(response):
    return BeautifulSoup(response.content, "html.parser").head


def meta(response, **attrs):
    return head(response).find("meta", attrs=attrs)["content"]


def jsonld_objects(response):
    return {data["@type"]: data for data in (
        json.loads(script.string) for script in
        BeautifulSoup(response.content, "html.parser").find_all("script", type="application/ld+json"))}


# Rules -----------------------------------------------------------------------------------------------------

def test_shorten_cuts_on_a_word_within_the_limit():
    text = "Les collectivités " + "numériques " * 30
    short = seo.shorten(text)
    assert len(short) <= seo.DESCRIPTION_LENGTH and short.endswith("numériques…")
    assert seo.shorten("Court.") == "Court."
    assert seo.shorten("<p>Un &amp; deux</p>\n  trois") == "Un & deux trois"
    assert seo.shorten("x" * 200) == "x" * (seo.DESCRIPTION_LENGTH - 1) + "…"


def test_description_takes_the_first_candidate_with_text_and_is_never_empty():
    assert seo.description("", "  ", "Le chapô.", fallback="Repli") == "Le chapô."
    assert seo.description("", fallback="Repli") == "Repli"
    assert seo.first_paragraph("<h2>Titre</h2><p> </p><p>Premier <b>vrai</b> paragraphe.</p><p>Autre</p>") == \
        "Premier vrai paragraphe."


@pytest.mark.parametrize(("query", "expected"), [
    ("", "https://a.example/agenda/"),
    ("page=1", "https://a.example/agenda/"),
    ("page=3&theme=ia", "https://a.example/agenda/?page=3"),
    ("a_venir=2&page=1", "https://a.example/agenda/?a_venir=2"),
    ("page=x", "https://a.example/agenda/"),
])
def test_canonical_url_keeps_page_numbers_past_the_first_only(query, expected):
    from django.http import QueryDict

    assert seo.canonical_url("https://a.example/agenda/", QueryDict(query)) == expected


# Pages ------------------------------------------------------------------------------------------------------

def test_descriptions_fall_back_per_page_type(client, home):
    about = StandardPageFactory(parent=home, intro="", body=stream([
        ("rich_text", "<p>L'association rassemble des collectivités de toutes tailles.</p><p>Suite.</p>")]))
    chosen = StandardPageFactory(parent=home, search_description="Décrite par l'éditeur.")
    empty = StandardPageFactory(parent=home, title="Mentions légales", intro="")
    long = StandardPageFactory(parent=home, intro="Un chapô très long " * 20)
    assert meta(client.get(about.url), name="description") == "L'association rassemble des collectivités de toutes " \
                                                                "tailles."
    assert meta(client.get(chosen.url), name="description") == "Décrite par l'éditeur."
    assert meta(client.get(empty.url), name="description").startswith("Mentions légales, sur le site des")
    described = meta(client.get(long.url), name="description")
    assert len(described) <= seo.DESCRIPTION_LENGTH and described.endswith("long Un…")  # cut on a word
    assert meta(client.get("/"), name="description") == home.hero_text


def test_canonical_address_comes_from_the_site_and_drops_the_first_page(client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.interconnectes.example", 443
    site.save()
    index = ManifestoIndexPageFactory(parent=home)
    canonical = head(client.get(index.url, {"page": 1})).find("link", rel="canonical")["href"]
    assert canonical == "https://www.interconnectes.example/manifestes/"
    second = head(client.get(index.url, {"page": 2, "kind": "manifeste"})).find("link", rel="canonical")["href"]
    assert second == "https://www.interconnectes.example/manifestes/?page=2"
    assert meta(client.get(index.url, {"page": 2}), property="og:url") == second
    assert head(client.get(index.url, {"page": 2})).title.string == "Manifestes (page 2) · Les Interconnectés"


def test_preview_image_is_the_pages_then_the_sites_then_the_logo(client, home):
    page = StandardPageFactory(parent=home)
    assert meta(client.get(page.url), property="og:image") == "http://localhost/static/img/partage.png"
    settings = SiteSettings.for_site(home.get_site())
    settings.share_image = image_factory("Partage", width=1600, height=900)
    settings.save()
    default = meta(client.get(page.url), property="og:image")
    assert default.startswith("http://localhost/media/images/") and ".fill-1200x630" in default
    home.hero_image = image_factory("Accroche", width=1600, height=1000)
    home.save_revision().publish()
    own = client.get("/")
    assert meta(own, property="og:image") != default and ".fill-1200x630" in meta(own, property="og:image")
    assert meta(own, property="og:image:width") == "1200"
    assert meta(own, name="twitter:card") == "summary_large_image"


def test_titles_of_the_site_privacy_page_and_the_accounts_one_differ(client, home):
    StandardPageFactory(parent=home, title="Données personnelles", slug="donnees-personnelles")
    titles = {BeautifulSoup(client.get(url).content, "html.parser").title.string
              for url in ["/donnees-personnelles/", "/compte/donnees-personnelles/"]}
    assert len(titles) == 2


def test_organization_on_the_home_page_only(client, home):
    settings = SiteSettings.for_site(home.get_site())
    settings.mastodon_url = "https://mastodon.example/@interconnectes"
    settings.save()
    organization = jsonld_objects(client.get("/"))["Organization"]
    assert organization["name"] == "Les Interconnectés" and organization["url"] == "http://localhost/"
    assert organization["logo"] == "http://localhost/static/img/logo.png"
    assert organization["sameAs"] == ["https://mastodon.example/@interconnectes"]
    assert "Organization" not in jsonld_objects(client.get(StandardPageFactory(parent=home).url))


def test_breadcrumbs_come_with_their_jsonld(client, home):
    parent = StandardPageFactory(parent=home, title="L'association", slug="association")
    child = StandardPageFactory(parent=parent, title="Le bureau", slug="bureau")
    crumbs = jsonld_objects(client.get(child.url))["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in crumbs] == [
        (1, "Accueil", "http://localhost/"), (2, "L'association", "http://localhost/association/"),
        (3, "Le bureau", "http://localhost/association/bureau/")]
    assert "BreadcrumbList" not in jsonld_objects(client.get("/"))  # no breadcrumbs shown there


def test_manifesto_article_and_feed(client, home):
    index = ManifestoIndexPageFactory(parent=home)
    older = ManifestoPageFactory(parent=index, title="Ancien", adoption_date="2017-05-01")
    newer = ManifestoPageFactory(parent=index, title="Récent", adoption_date="2024-05-01")
    response = client.get(newer.url)
    article = jsonld_objects(response)["Article"]
    assert (article["headline"], article["datePublished"]) == ("Récent", "2024-05-01")
    assert article["author"][0]["name"] == "Les Interconnectés" and article["image"][0].startswith("http")
    assert meta(response, property="og:type") == "article"
    feed_link = head(response).find("link", rel="alternate", type="application/atom+xml")
    assert feed_link["href"] == "http://localhost/manifestes/atom/"
    feed = client.get(index.url + "atom/")
    assert feed.status_code == 200 and not feed.cookies
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [newer.title, older.title]
    assert entries[1].findtext(f"{ATOM}published").startswith("2017-05-01")


def test_the_html_site_map_shows_indexed_public_pages_as_a_tree(client, home):
    about = StandardPageFactory(parent=home, title="L'association")
    StandardPageFactory(parent=about, title="Le bureau")
    StandardPageFactory(parent=home, title="Cachée", noindex=True)
    StandardPageFactory(parent=home, title="Brouillon", live=False)
    private = StandardPageFactory(parent=home, title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    ManifestoIndexPageFactory(parent=home)
    response = client.get("/plan-du-site/")
    assert response.status_code == 200 and not response.cookies
    soup = BeautifulSoup(response.content, "html.parser")
    nested = soup.find("a", string="L'association").find_parent("li").find("ul")
    assert [link.text for link in nested.find_all("a")] == ["Le bureau"]
    text = soup.get_text()
    assert "Cachée" not in text and "Brouillon" not in text and "Réservée" not in text
    assert soup.find("a", href="/manifestes/atom/")
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    assert footer.find("a", string="Plan du site")["href"] == "/plan-du-site/"


def test_new_head_parts_keep_page_queries_fixed(reader_client, home):
    index = ManifestoIndexPageFactory(parent=home)
    counts = []
    for size in (2, 12):
        for _ in range(size):
            ManifestoPageFactory(parent=index)
            StandardPageFactory(parent=home)
        reader_client.get("/")
        counts.append([page_queries(reader_client, url) for url in ("/plan-du-site/", index.url + "atom/")])
    assert counts[0] == counts[1] and all(within_budget(pair) for pair in counts[0]), counts
