"""Cached fragments (header, footer, each page's body): read from the cache, renewed by every change an editor
makes to what readers see, never by a draft; a page whose section changed while it was cached answers right."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from interconnectes.content_version import content_version
from interconnectes.models import NavigationItem, NavigationSettings, SiteSettings, StandardPage
from tests.events.factories import (
    EventIndexPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
    TourPageFactory,
)
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu(client):
    return [a.get_text() for a in BeautifulSoup(client.get("/").content, "html.parser").select(".main-nav a")]


def footer(client):
    return BeautifulSoup(client.get("/").content, "html.parser").select_one("footer").get_text(" ", strip=True)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaction", "redaction@example.org", "un mot de passe solide")


@pytest.fixture
def about(home):
    page = StandardPageFactory(parent=home, title="L'association")
    navigation = NavigationSettings.for_site(home.get_site())
    NavigationItem.objects.create(settings=navigation, page=page, label="")
    SiteSettings.for_site(home.get_site())  # created on first use otherwise, which moves the generation once
    return page


def test_fragments_are_served_from_the_cache_until_something_changes(client, about):
    assert menu(client) == ["L'association"]
    # A change that bypasses every signal (a raw UPDATE) is not seen: the header comes from the cache.
    NavigationItem.objects.filter(page=about).update(label="Libellé jamais vu")
    assert menu(client) == ["L'association"]
    version = content_version()
    SiteSettings.for_site(about.get_site()).save()
    assert content_version() != version
    assert menu(client) == ["Libellé jamais vu"]


def test_editing_the_menu_in_the_admin_renews_the_header(client, about, editor, home):
    other = StandardPageFactory(parent=home, title="Nos manifestes")
    assert menu(client) == ["L'association"]
    client.force_login(editor)
    navigation = NavigationSettings.for_site(home.get_site())
    url = reverse("wagtailsettings:edit", args=["interconnectes", "navigationsettings", home.get_site().pk])
    item = navigation.items.get()
    data = nested_form_data({"items": inline_formset([
        {"id": item.pk, "page": about.pk, "label": "Qui sommes-nous ?"},
        {"page": other.pk, "label": ""},
    ], initial=1)})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert menu(client) == ["Qui sommes-nous ?", "Nos manifestes"]


def test_editing_site_settings_in_the_admin_renews_the_footer(client, home, editor):
    assert "Un numérique sobre." not in footer(client)
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["interconnectes", "sitesettings", home.get_site().pk])
    response = client.post(url, {"contact_email": "contact@example.org", "footer_text": "Un numérique sobre.",
                                 "postal_address": "", "mastodon_url": "", "linkedin_url": "",
                                 "youtube_url": "", "bluesky_url": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    text = footer(client)
    assert "Un numérique sobre." in text and "contact@example.org" in text


def test_publishing_renaming_and_unpublishing_a_page_of_the_menu(client, about):
    assert menu(client) == ["L'association"]
    about.title = "Qui sommes-nous ?"
    about.save_revision().publish()
    assert menu(client) == ["Qui sommes-nous ?"]
    about.unpublish()
    assert menu(client) == []
    about.save_revision().publish()
    assert menu(client) == ["Qui sommes-nous ?"]


def test_removing_a_menu_entry_renews_the_header(client, about):
    assert menu(client) == ["L'association"]
    NavigationItem.objects.get(page=about).delete()
    assert menu(client) == []


# Each page's body ---------------------------------------------------------------------------------------------


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ", strip=True)


@pytest.fixture
def section(home):
    """A section (a standard page) with a page below it, both read once so that their fragments are cached."""
    parent = StandardPageFactory(parent=home, title="La commission", slug="commission")
    child = StandardPageFactory(parent=parent, title="Le groupe de travail", slug="groupe",
                                intro="Un numérique sobre et inclusif.")
    SiteSettings.for_site(home.get_site())  # created by the first request otherwise, which moves the version
    return parent, child


def test_a_page_body_comes_from_the_cache_until_it_is_published_again(client, section):
    _parent, child = section
    assert "Un numérique sobre et inclusif." in body(client, child.url)
    StandardPage.objects.filter(pk=child.pk).update(intro="Jamais publié ainsi")  # bypasses every signal
    assert "Un numérique sobre et inclusif." in body(client, child.url)
    page = StandardPage.objects.get(pk=child.pk)
    page.intro = "Un numérique responsable."
    page.save_revision().publish()
    assert "Un numérique responsable." in body(client, child.url)


def test_saving_a_draft_neither_shows_it_nor_moves_the_version(client, section):
    _parent, child = section
    body(client, child.url)
    version = content_version()
    page = StandardPage.objects.get(pk=child.pk)
    page.intro = "Brouillon en cours"
    page.save_revision()
    assert content_version() == version
    assert "Brouillon en cours" not in body(client, child.url)


def test_a_snippet_shown_by_a_page_renews_its_body(client, home):
    stop = JourneeExpertPageFactory(parent=TourPageFactory(parent=EventIndexPageFactory(parent=home)))
    participant = SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop))
    assert participant.person.name in body(client, stop.url)
    participant.person.name = "Camille Nouveau-Nom"
    participant.person.save()
    assert "Camille Nouveau-Nom" in body(client, stop.url)


def test_a_page_whose_section_was_moved_while_cached_answers_at_its_new_address(client, home, section):
    parent, child = section
    old_url = child.url
    body(client, old_url)
    elsewhere = StandardPageFactory(parent=home, title="Nos travaux", slug="travaux")
    StandardPage.objects.get(pk=parent.pk).move(elsewhere, pos="last-child")
    moved = StandardPage.objects.get(pk=child.pk)
    assert moved.url == "/travaux/commission/groupe/"
    response = client.get(old_url)  # Wagtail keeps the old address as a permanent redirect
    assert response.status_code == 301 and response["Location"] == moved.url
    assert "Nos travaux" in BeautifulSoup(client.get(moved.url).content, "html.parser").select_one(
        ".breadcrumbs").get_text()


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_page_whose_section_was_restricted_while_cached_is_restricted(client, section, kind):
    parent, child = section
    body(client, child.url)
    PageViewRestriction.objects.create(page=parent, restriction_type=kind, password="secret")
    response = client.get(child.url)
    if kind == PageViewRestriction.LOGIN:
        assert response.status_code == 302 and "next=" in response["Location"]
    else:
        assert 'name="password"' in response.text and "Un numérique sobre" not in response.text


def test_a_page_whose_section_was_unpublished_while_cached_is_gone(client, section, editor):
    parent, child = section
    body(client, child.url)
    body(client, "/")
    # As the admin's "Dépublier" does, with the pages below.
    UnpublishPageAction(StandardPage.objects.get(pk=parent.pk), user=editor, include_descendants=True).execute()
    assert client.get(child.url).status_code == 404
    assert client.get(parent.url).status_code == 404


def test_a_page_whose_section_was_deleted_while_cached_is_gone(client, section):
    parent, child = section
    url = child.url
    body(client, url)
    StandardPage.objects.get(pk=parent.pk).delete()
    assert client.get(url).status_code == 404


def test_a_section_lists_a_page_published_below_it_while_cached(client, home):
    agenda = EventIndexPageFactory(parent=home)
    tour = TourPageFactory(parent=agenda, title="Journées experts 2026-2027")
    assert "Journées experts 2026-2027" in body(client, agenda.url)
    TourPageFactory(parent=agenda, title="Journées experts 2027-2028").save_revision().publish()
    assert "Journées experts 2027-2028" in body(client, agenda.url)
    tour.unpublish()
    assert "Journées experts 2026-2027" not in body(client, agenda.url)
