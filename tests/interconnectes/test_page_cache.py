"""Whole pages kept for anonymous readers (interconnectes/page_cache.py): served without a query, renewed by
every change an editor makes, never kept for a reader with a session nor for a restricted page."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from interconnectes.models import SiteSettings, StandardPage
from interconnectes.page_cache import page_key
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    SiteSettings.for_site(home.get_site())  # created by the first request otherwise, which moves the version
    return StandardPageFactory(parent=home, title="À propos", slug="a-propos", intro="Un numérique sobre.")


def test_a_page_read_once_is_served_to_the_next_anonymous_reader_without_a_query(client, about,
                                                                                 django_assert_num_queries):
    first = client.get(about.url)
    with django_assert_num_queries(0):
        second = client.get(about.url)
    assert second.status_code == 200 and second.content == first.content
    assert second["Cache-Control"].startswith("public") and not second.cookies


def test_publishing_a_change_shows_at_the_next_anonymous_request(client, about):
    assert "Un numérique sobre." in client.get(about.url).text
    page = StandardPage.objects.get(pk=about.pk)
    page.intro = "Un numérique responsable."
    page.save_revision().publish()
    assert "Un numérique responsable." in client.get(about.url).text


def test_each_query_string_is_its_own_page(client, home):
    first, second = client.get("/recherche/", {"q": "sobre"}), client.get("/recherche/", {"q": "inclusif"})
    assert "sobre" in first.text and "inclusif" in second.text


def test_a_reader_with_a_session_is_never_served_a_kept_page(client, about, django_assert_max_num_queries):
    client.get(about.url)
    client.force_login(get_user_model().objects.create_user("lectrice", "lectrice@example.org"))
    with django_assert_max_num_queries(10) as queries:
        response = client.get(about.url)
    assert response.status_code == 200 and len(queries) > 0
    assert response["Cache-Control"] == "private, no-store"


def test_a_page_restricted_by_password_or_login_is_never_kept(client, about):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    response = client.get(about.url)
    assert 'name="password"' in response.text and response.cookies  # its form sets the CSRF cookie
    assert cache.get(page_key(response.wsgi_request)) is None
    PageViewRestriction.objects.filter(page=about).update(restriction_type=PageViewRestriction.LOGIN)
    cache.clear()
    response = client.get(about.url)
    assert response.status_code == 302 and cache.get(page_key(response.wsgi_request)) is None


def test_a_missing_page_and_the_private_areas_are_not_kept(client, home):
    response = client.get("/nulle-part/")
    assert response.status_code == 404 and cache.get(page_key(response.wsgi_request)) is None
    response = client.get("/compte/connexion/")
    assert cache.get(page_key(response.wsgi_request)) is None


def test_without_the_page_cache_every_request_renders(client, about, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE = {"SECONDS": 0}  # read when the client's first request builds the middleware
    client.get(about.url)
    with django_assert_max_num_queries(10) as queries:
        client.get(about.url)
    assert len(queries) > 0  # rendered again, from warm fragments
