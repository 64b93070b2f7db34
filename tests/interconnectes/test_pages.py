import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from interconnectes.demo_pages import stream
from interconnectes.models import (
    HomeKeyFigure,
    HomePage,
    NavigationItem,
    NavigationSettings,
    SiteSettings,
    StandardPage,
)
from manifestes.models import ManifestoIndexPage
from tests.factories import (
    DocumentFactory,
    ManifestoIndexPageFactory,
    ManifestoPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_page_tree_rules(home):
    assert StandardPage.can_create_at(home)
    assert ManifestoIndexPage.can_create_at(home)
    standard = StandardPageFactory(parent=home)
    assert StandardPage.can_create_at(standard)
    assert not ManifestoIndexPage.can_create_at(standard)
    assert not HomePage.can_create_at(standard)
    assert HomePage.allowed_parent_page_models()[0].__name__ == "Page"


def test_home_shows_figures_latest_manifestos_and_labels_call(client, home):
    HomeKeyFigure.objects.create(page=home, value="1 300", label="collectivités adhérentes")
    index = ManifestoIndexPageFactory(parent=home)
    for year in (2017, 2019, 2021, 2023):
        ManifestoPageFactory(parent=index, title=f"Texte {year}", adoption_date=datetime.date(year, 1, 1))
    target = StandardPageFactory(parent=home, title="Les labels")
    home.labels_heading, home.labels_page = "Candidatez aux labels", target
    home.save()
    page = soup(client.get("/"))
    assert page.select_one(".key-figures").get_text(" ", strip=True) == "1 300 collectivités adhérentes"
    assert [a.get_text() for a in page.select("#home-manifestos ~ .cards .card-title a")] == [
        "Texte 2023", "Texte 2021", "Texte 2019"]
    assert page.select_one("aside.cta a.button")["href"] == target.url
    assert len(page.find_all("h1")) == 1


def test_base_template_is_accessible_by_construction(client, home):
    page = soup(client.get("/"))
    assert page.html["lang"] == "fr"
    skip = page.select_one("body > header > a.skip-link:first-child")  # first, and inside the banner landmark
    assert skip["href"] == "#contenu" and page.find("main", id="contenu") is not None
    assert page.find("header") and page.find("footer") and page.find("nav")
    assert page.select_one("form[role=search] label")["for"] == "header-q"
    # Nothing loaded from an absolute address; the canonical address and the feeds are links, not loads.
    assert not page.select("script[src^=http], link[href^=http]:not([rel=canonical]):not([rel=alternate])")
    assert page.select("link[rel=canonical]")


def test_standard_page_renders_every_block(client, home):
    document = DocumentFactory(title="Rapport d'activité")
    from tests.factories import image_factory
    image = image_factory()
    body = stream([
        ("rich_text", "<h2>Notre mission</h2><p>Un numérique social, sobre et éthique.</p>"),
        ("image", {"image": {"image": image.pk, "decorative": False, "alt_text": "Des élus en réunion"},
                   "caption": "Forum 2024"}),
        ("quote", {"text": "Porter la voix des territoires", "attribution": "La commission"}),
        ("key_figures", {"heading": "Bilan", "figures": [{"value": "350", "label": "membres"}]}),
        ("call_to_action", {"heading": "Adhérer", "text": "", "page": None, "url": "https://example.org/adherer",
                            "button_label": "Adhérer"}),
        ("document", {"document": document.pk, "title": ""}),
        ("embed", {"url": "https://video.example.org/forum", "title": "Replay du Forum", "transcript": "Bonjour."}),
    ])
    page = StandardPageFactory(parent=home, title="L'association", body=body)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one(".rich-text h2").get_text() == "Notre mission"
    picture = html.select_one("figure.figure picture")
    assert picture.find("img")["alt"] == "Des élus en réunion"
    assert {source["type"] for source in picture.find_all("source")} == {"image/avif", "image/webp"}
    assert html.select_one(".quote blockquote").get_text(strip=True) == "Porter la voix des territoires"
    assert html.select_one(".key-figures h2").get_text() == "Bilan"
    assert html.select_one(".cta a")["href"] == "https://example.org/adherer"
    assert html.select_one(".document-link a")["href"] == document.url
    assert html.select_one(".external-media a")["href"] == "https://video.example.org/forum"
    assert not html.find("iframe")


def test_standard_page_survives_deleted_image_and_document(client, home):
    from tests.factories import image_factory
    image, document = image_factory(), DocumentFactory()
    body = stream([
        ("image", {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}),
        ("document", {"document": document.pk, "title": "Rapport"}),
    ])
    page = StandardPageFactory(parent=home, body=body)
    image.delete()
    document.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Rapport" not in soup(response).select_one("main").get_text()


def test_call_to_action_needs_a_page_or_an_address():
    from django.core.exceptions import ValidationError

    from interconnectes.blocks import CallToActionBlock
    block = CallToActionBlock()
    value = block.to_python({"heading": "Adhérer", "text": "", "page": None, "url": "", "button_label": "Go"})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_drafts_and_scheduled_pages_are_not_public(client, home):
    draft = StandardPageFactory(parent=home, title="Brouillon", live=False)
    scheduled = StandardPageFactory(parent=home, title="Programmé", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    for page in (draft, scheduled):
        assert client.get(f"/{page.slug}/").status_code == 404


def test_navigation_and_footer_follow_editors_changes_despite_the_cache(client, home):
    about = StandardPageFactory(parent=home, title="L'association")
    legal = StandardPageFactory(parent=home, title="Mentions légales")
    navigation = NavigationSettings.for_site(home.get_site())
    assert "L'association" not in soup(client.get("/")).select_one(".main-nav").get_text()
    NavigationItem.objects.create(settings=navigation, page=about, label="")
    assert soup(client.get("/")).select_one(".main-nav a").get_text() == "L'association"
    settings = SiteSettings.for_site(home.get_site())
    settings.legal_notice_page, settings.footer_text = legal, "Un numérique sobre."
    settings.save()
    footer = soup(client.get("/")).select_one("footer")
    assert "Un numérique sobre." in footer.get_text() and footer.find("a", string="Mentions légales")
    about.title = "Qui sommes-nous ?"
    about.save_revision().publish()
    assert soup(client.get("/")).select_one(".main-nav a").get_text() == "Qui sommes-nous ?"


def test_404_page_is_french_and_helpful(client, home):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text and 'lang="fr"' in response.text


def test_500_page_is_static_and_french(client):
    from django.template.loader import get_template
    html = get_template("500.html").render({})
    assert "Une erreur est survenue" in html and "{%" not in html


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://localhost/sitemap.xml" in response.text


def test_sitemap_lists_live_pages_only(client, home):
    live = StandardPageFactory(parent=home, title="Publiée")
    StandardPageFactory(parent=home, title="Brouillon", slug="brouillon", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>(.*?)</loc>", response.text)
    assert f"http://localhost{live.url}" in locations or any(loc.endswith(f"/{live.slug}/") for loc in locations)
    assert not any("brouillon" in loc for loc in locations)
