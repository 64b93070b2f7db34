import datetime

import pytest
from bs4 import BeautifulSoup

from interconnectes.demo_pages import stream
from interconnectes.models import HomePage, StandardPage
from manifestes.models import ManifestoIndexPage, ManifestoKind, ManifestoPage
from tests.factories import ManifestoPageFactory
from tests.queries import instances_built

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_parent_and_subpage_rules(home, manifesto_index):
    assert ManifestoIndexPage.can_create_at(home) is False  # max_count reached
    assert ManifestoPage.can_create_at(manifesto_index)
    assert not ManifestoPage.can_create_at(home)
    assert not StandardPage.can_create_at(manifesto_index)
    assert not HomePage.can_create_at(home)
    assert ManifestoPage.allowed_parent_page_models() == [ManifestoIndexPage]


def test_admin_refuses_manifesto_under_the_home_page(admin_client, home):
    url = f"/admin/pages/add/manifestes/manifestopage/{home.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 302 and response.url == "/admin/"
    response = admin_client.post(url, {"title": "Mauvais parent", "slug": "mauvais-parent", "action-publish": "1"})
    assert response.status_code == 302
    assert not ManifestoPage.objects.filter(slug="mauvais-parent").exists()


def test_manifesto_page_numbers_engagements_across_ambitions(manifesto):
    numbered = manifesto.numbered_ambitions()
    assert [a.number for a in numbered] == [1, 2]
    assert [e.number for a in numbered for e in a.engagements] == [1, 2, 3]
    assert numbered[1].engagements[0].anchor == "engagement-3"


def test_manifesto_page_renders_toc_anchors_signatories_and_pdf(client, manifesto, related_manifesto):
    response = client.get(manifesto.url)
    assert response.status_code == 200
    page = soup(response)
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [manifesto.title]
    toc_links = [a["href"] for a in page.select("nav.toc a")]
    assert toc_links == ["#ambition-1", "#engagement-1", "#engagement-2", "#ambition-2", "#engagement-3"]
    for anchor in toc_links:
        assert page.find(id=anchor[1:]) is not None
    assert page.find(id="engagement-2").get_text(" ", strip=True).startswith("Engagement 2 Montée en compétence")
    assert "Adopté le 18 mars 2021" in response.text
    assert [li.get_text(strip=True) for li in page.select("ul.signatories li")] == [
        "France urbaine", "Intercommunalités de France"]
    pdf_link = page.select_one("a[download]")
    assert pdf_link["href"] == manifesto.document.url
    assert related_manifesto.title in page.select_one("section.related").get_text()


def test_year_only_adoption_date(manifesto_index, client):
    page = ManifestoPageFactory(parent=manifesto_index, adoption_date=datetime.date(2017, 1, 1), year_only=True)
    assert "Adopté en 2017" in client.get(page.url).text


def test_missing_document_and_deleted_related_page_do_not_break_the_page(client, manifesto, related_manifesto):
    manifesto.document.delete()
    related_manifesto.unpublish()
    response = client.get(manifesto.url)
    assert response.status_code == 200
    assert soup(response).select_one("a[download]") is None
    assert related_manifesto.title not in response.text


def test_adoption_event_link_only_when_live(client, manifesto, related_manifesto):
    manifesto.adoption_event = related_manifesto
    manifesto.save()
    assert f'href="{related_manifesto.url}"' in client.get(manifesto.url).text
    related_manifesto.unpublish()
    response = client.get(manifesto.url)
    assert related_manifesto.url not in response.text
    assert "Forum des Interconnectés" in response.text


def test_index_lists_newest_first_and_filters_by_year_and_kind(client, manifesto_index):
    ManifestoPageFactory(parent=manifesto_index, title="Texte 2019", adoption_date=datetime.date(2019, 5, 1))
    ManifestoPageFactory(parent=manifesto_index, title="Communiqué 2023", adoption_date=datetime.date(2023, 7, 6),
                         kind=ManifestoKind.PRESS_RELEASE)
    ManifestoPageFactory(parent=manifesto_index, title="Texte 2021", adoption_date=datetime.date(2021, 3, 18))

    def titles(response):
        return [a.get_text(strip=True) for a in soup(response).select(".card-title a")]

    assert titles(client.get(manifesto_index.url)) == ["Communiqué 2023", "Texte 2021", "Texte 2019"]
    assert titles(client.get(manifesto_index.url, {"year": 2021})) == ["Texte 2021"]
    assert titles(client.get(manifesto_index.url, {"kind": "communique"})) == ["Communiqué 2023"]
    assert titles(client.get(manifesto_index.url, {"kind": "communique", "year": 2019})) == []


@pytest.mark.parametrize("query", [{"year": "abc"}, {"kind": "<script>"}, {"page": "x"}, {"page": "999"},
                                   {"year": "99999999999999999999"}])
def test_index_survives_bad_filters(client, manifesto_index, manifesto, query):
    response = client.get(manifesto_index.url, query)
    assert response.status_code == 200
    assert "<script>" not in response.text


def test_index_paginates_and_keeps_filters_in_links(client, manifesto_index):
    for day in range(1, 13):
        ManifestoPageFactory(parent=manifesto_index, adoption_date=datetime.date(2021, 1, day))
    first = soup(client.get(manifesto_index.url, {"year": 2021}))
    assert len(first.select(".card")) == 10
    assert first.select_one("a[rel=next]")["href"] == "?year=2021&page=2"
    second = soup(client.get(manifesto_index.url, {"year": 2021, "page": 2}))
    assert len(second.select(".card")) == 2


def test_index_builds_only_the_texts_of_its_page_whatever_the_archive(client, manifesto_index):
    for day in range(1, 29):
        ManifestoPageFactory(parent=manifesto_index, adoption_date=datetime.date(2021, 2, day))
        ManifestoPageFactory(parent=manifesto_index, adoption_date=datetime.date(2022, 2, day))
    with instances_built(ManifestoPage) as built:
        response = client.get(manifesto_index.url, {"year": 2022, "page": 2})
    cards = soup(response).select(".card time")
    assert [card["datetime"] for card in cards] == [f"2022-02-{day:02d}" for day in range(18, 8, -1)]
    assert len(built) <= ManifestoIndexPage.PER_PAGE, len(built)


def test_draft_manifesto_is_not_public(client, manifesto):
    manifesto.unpublish()
    assert client.get(manifesto.url_path.replace("/accueil", "", 1)).status_code == 404


def test_an_ambition_without_engagements_leaves_no_empty_list(client, manifesto_index):
    """An ambition still being written (a title, no engagement yet) shows in the contents and the text, with no
    empty `ol` that screen readers would announce as a list of nothing."""
    page = ManifestoPageFactory(parent=manifesto_index, title="Manifeste en cours", ambitions=stream([
        ("ambition", {"title": "Une ambition à venir", "intro": "Les engagements suivront.", "engagements": []}),
        ("ambition", {"title": "Une ambition écrite", "intro": "",
                      "engagements": [{"title": "Un engagement", "text": ""}]}),
    ]))
    html = soup(client.get(page.url))
    assert [a["href"] for a in html.select("nav.toc a")] == ["#ambition-1", "#ambition-2", "#engagement-1"]
    assert html.find(id="ambition-1") is not None and html.find(id="engagement-1") is not None
    assert [list_ for list_ in html.select("main ol, main ul") if not list_.find("li")] == []
