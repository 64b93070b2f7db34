"""The cached header and footer: read from the cache, renewed by every change an editor makes."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from interconnectes.chrome import chrome_version
from interconnectes.models import NavigationItem, NavigationSettings, SiteSettings
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
    version = chrome_version()
    SiteSettings.for_site(about.get_site()).save()
    assert chrome_version() == version + 1
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
