"""Whole pages kept for anonymous readers (interconnectes/page_cache.py): served without a query, renewed by
every change an editor makes, never kept for a reader with a session nor for a restricted page."""

import time
import uuid

import pytest
import redis
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from interconnectes.deployment import cache_settings
from interconnectes.models import SiteSettings, StandardPage
from interconnectes.page_cache import page_key
from interconnectes.resilient_cache import RETRY_SECONDS, ResilientRedisCache
from tests.factories import StandardPageFactory

LOCAL_REDIS = "redis://127.0.0.1:6379/15"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once

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


def kept(client, url):
    """Read `url` twice as an anonymous reader; the second answer must come from the page cache (no query)."""
    client.get(url)
    assert cache.get(page_key(client.get(url).wsgi_request)) is not None


def test_unpublishing_a_kept_page_answers_not_found_at_the_next_request(client, about):
    kept(client, about.url)
    StandardPage.objects.get(pk=about.pk).unpublish()
    assert client.get(about.url).status_code == 404


def test_deleting_a_kept_page_answers_not_found_at_the_next_request(client, about):
    kept(client, about.url)
    StandardPage.objects.get(pk=about.pk).delete()
    assert client.get(about.url).status_code == 404


def test_moving_a_kept_page_answers_at_its_new_address_at_the_next_request(client, home, about):
    kept(client, about.url)
    section = StandardPageFactory(parent=home, title="Nos travaux", slug="travaux")
    StandardPage.objects.get(pk=about.pk).move(section, pos="last-child")
    assert client.get(about.url).status_code == 301
    assert "Un numérique sobre." in client.get("/travaux/a-propos/").text


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


@pytest.fixture
def shared_redis(settings):
    """The cache of the tests moved to the Redis of this machine, under a prefix of its own, emptied after."""
    try:
        redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"aucun Redis à {LOCAL_REDIS}")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = cache_settings({"REDIS_URL": LOCAL_REDIS, "CACHE_KEY_PREFIX": prefix})
    yield settings.CACHES["default"]
    server = redis.Redis.from_url(LOCAL_REDIS)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def test_with_redis_a_page_kept_by_one_app_server_is_served_by_another(client, about, shared_redis,
                                                                      django_assert_num_queries):
    """A second backend object over the same Redis, as another app server has, reads what the first stored."""
    first = client.get(about.url)
    other_server = ResilientRedisCache(shared_redis["LOCATION"], shared_redis)
    kept_page = other_server.get(page_key(first.wsgi_request))
    assert kept_page is not None and kept_page.content == first.content
    with django_assert_num_queries(0):
        assert client.get(about.url).content == first.content
    page = StandardPage.objects.get(pk=about.pk)
    page.intro = "Un numérique responsable."
    page.save_revision().publish()
    assert "Un numérique responsable." in client.get(about.url).text


def test_an_unreachable_redis_renders_every_page_instead_of_failing(client, home, settings, editor):
    settings.CACHES = cache_settings({"REDIS_URL": UNREACHABLE_REDIS})
    about = StandardPageFactory(parent=home, title="À propos", slug="a-propos", intro="Un numérique sobre.")
    response = client.get(about.url)
    assert response.status_code == 200 and "Un numérique sobre." in response.text
    page = StandardPage.objects.get(pk=about.pk)
    page.intro = "Un numérique responsable."
    page.save_revision().publish()
    assert "Un numérique responsable." in client.get(about.url).text
    client.force_login(editor)  # sessions read through the cache fall back to the database
    assert client.get(about.url).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_an_unreachable_redis_answers_every_call_as_a_miss_and_is_left_alone_for_a_while(settings):
    settings.CACHES = cache_settings({"REDIS_URL": UNREACHABLE_REDIS})
    assert cache.get("anything", "absent") == "absent"
    assert cache.unreachable_until > time.monotonic() + RETRY_SECONDS / 2  # the next calls do not try Redis
    assert cache.get_or_set("version", lambda: 7) == 7
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"] and cache.get_many(["a", "b"]) == {}
    assert cache.add("a", 1) is False and cache.delete("a") is False
