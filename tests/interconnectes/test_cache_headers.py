"""Cache-Control: public pages for a CDN, anything personal private; compression of the views' responses."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from interconnectes.cache_headers import PRIVATE, Exchange, cache_control, public_cache_control, without_vary
from tests.factories import StandardPageFactory

PUBLIC = "public, max-age=300, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400"
PREFIXES = ("/admin/", "/compte/", "/candidatures/", "/jury/", "/_util/")


def rule(**facts):
    return cache_control(Exchange(**facts), PUBLIC, PREFIXES)


# --- The rule, on examples ---------------------------------------------------------------------------

def test_public_value_is_built_from_the_settings():
    assert public_cache_control(300, 600, 60, 86400) == PUBLIC
    assert public_cache_control(60, 60, 0, 0) == "public, max-age=60, s-maxage=60"


@pytest.mark.parametrize("facts", [
    {"path": "/"},
    {"path": "/manifestes/pour-des-territoires-numeriques-responsables/"},
    {"path": "/recherche/", "method": "HEAD"},
    {"path": "/ancienne-adresse/", "status": 301},
    {"path": "/nulle-part/", "status": 404},
    {"path": "/comptes-rendus/", "status": 410},
])
def test_anonymous_pages_without_cookies_are_public(facts):
    assert rule(**facts) == PUBLIC


@pytest.mark.parametrize("facts", [
    {"path": "/admin/"},
    {"path": "/jury/"},
    {"path": "/compte/connexion/"},
    {"path": "/compte/mot-de-passe/oublie/"},
    {"path": "/candidatures/"},
    {"path": "/_util/login/"},
    {"path": "/", "authenticated": True, "has_session_cookie": True},
    {"path": "/", "has_session_cookie": True},  # who it is does not matter: the page may depend on it
    {"path": "/", "sets_cookie": True},  # a CSRF token in a form, a flash message read, a login
    {"path": "/labels/territoire-innovant-2026/", "sets_cookie": True, "status": 404},
    {"path": "/", "sets_cookie": True, "cache_control": "public, max-age=3600"},  # a view cannot make it public
])
def test_anything_personal_is_private_and_never_stored(facts):
    assert rule(**facts) == PRIVATE


def test_a_private_choice_of_the_view_is_kept():
    # Wagtail's admin sends never_cache's value; a form may prefer private, no-cache (back button).
    never_cache = "max-age=0, no-cache, no-store, must-revalidate, private"
    assert rule(path="/admin/", cache_control=never_cache) is None
    assert rule(path="/candidatures/1/etape/projet/", cache_control="private, no-cache") is None
    assert rule(path="/candidatures/1/pieces/2/", cache_control="private, no-store") is None


@pytest.mark.parametrize("facts", [
    {"path": "/agenda/ical/", "cache_control": "public, max-age=3600"},  # a view's own public choice
    {"path": "/recherche/", "method": "POST"},
    {"path": "/", "status": 500},
    {"path": "/recherche/", "status": 400},
    {"path": "/une-page/", "status": 302},
])
def test_other_responses_are_left_as_the_view_made_them(facts):
    assert rule(**facts) is None


def test_vary_loses_one_field_only():
    assert without_vary("Accept-Language, Cookie", "accept-language") == "Cookie"
    assert without_vary("Accept-Language", "Accept-Language") == ""


# --- Through the middleware ---------------------------------------------------------------------------

@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaction", "redaction@example.org", "un mot de passe solide")


@pytest.fixture
def applicant(db):
    return get_user_model().objects.create_user("candidate@example.org", "candidate@example.org", "mot de passe solide")


def vary(response):
    return {field.strip() for field in response.get("Vary", "").split(",") if field.strip()}


@pytest.mark.django_db
def test_a_public_page_is_public_for_an_anonymous_visitor(client, home):
    page = StandardPageFactory(parent=home, title="L'association")
    for url in ("/", page.url, "/recherche/?q=numérique", "/nulle-part/", "/sitemap.xml", "/robots.txt"):
        response = client.get(url)
        assert response["Cache-Control"] == PUBLIC, url
        assert not response.cookies, url
        # One language only: Accept-Language would only split the CDN's cache.
        assert "Accept-Language" not in vary(response), url
    # The user bar looked the visitor up in an empty session: the page depends on the cookie, and says so.
    assert "Cookie" in vary(client.get("/"))


@pytest.mark.django_db
def test_a_public_page_is_private_for_a_logged_in_user(client, home, applicant):
    client.force_login(applicant)
    response = client.get("/")
    assert response["Cache-Control"] == PRIVATE
    assert "Cookie" in vary(response)


@pytest.mark.django_db
def test_any_request_with_a_session_cookie_is_private(client, home):
    client.cookies["sessionid"] = "une-session-qui-n-existe-plus"
    assert client.get("/")["Cache-Control"] == PRIVATE


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["accounts:login", "accounts:signup", "accounts:password_reset", "labels:dashboard",
                                  "wagtailadmin_login", "wagtailadmin_home"])
def test_account_application_and_admin_pages_are_private_for_anyone(client, home, name):
    response = client.get(reverse(name))
    assert response.status_code in {200, 302}
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache
    assert not cache & {"public"} and not any(part.startswith("s-maxage") for part in cache)


@pytest.mark.django_db
def test_jury_pages_and_logout_are_private(client, home, editor):
    client.force_login(editor)
    response = client.get(reverse("jury:home"))
    assert response.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    response = client.post(reverse("accounts:logout"))
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.django_db
def test_private_paths_cover_every_personal_url():
    from django.conf import settings

    prefixes = tuple(settings.HTTP_CACHE["PRIVATE_PATH_PREFIXES"])
    for name in ("accounts:login", "accounts:logout", "accounts:signup", "accounts:password_reset", "labels:dashboard",
                 "accounts:privacy", "wagtailadmin_home", "wagtailadmin_login", "jury:home", "wagtailcore_login"):
        assert reverse(name).startswith(prefixes), name


@pytest.mark.django_db
def test_settings_change_the_public_value(client, home, settings):
    settings.HTTP_CACHE = {**settings.HTTP_CACHE, "MAX_AGE": 60, "S_MAXAGE": 3600, "STALE_IF_ERROR": 0}
    assert client.get("/")["Cache-Control"] == "public, max-age=60, s-maxage=3600, stale-while-revalidate=60"


# --- Compression ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_public_html_is_gzipped_when_the_browser_accepts_it(client, home):
    plain = client.get("/")
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in vary(compressed)
    html = gzip.decompress(compressed.content).decode()
    assert "<html lang=\"fr\">" in html
    assert len(compressed.content) < len(plain.content)
    assert compressed["Cache-Control"] == PUBLIC


@pytest.mark.parametrize(("content_type", "compressible"), [
    ("text/html; charset=utf-8", True), ("text/calendar; charset=utf-8", True), ("application/xml", True),
    ("application/json", True), ("image/svg+xml", True), ("text/csv", True),
    ("application/pdf", False), ("image/webp", False), ("application/zip", False),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False), ("", False),
])
def test_only_text_is_compressed(content_type, compressible):
    from interconnectes.compression import is_compressible

    assert is_compressible(content_type) is compressible


def test_downloads_are_sent_as_they_are(rf):
    import io

    from django.http import FileResponse

    from interconnectes.compression import TextGZipMiddleware

    pdf = b"%PDF-1.4\n" + b"0" * 5000
    middleware = TextGZipMiddleware(lambda request: FileResponse(io.BytesIO(pdf), content_type="application/pdf"))
    response = middleware(rf.get("/candidatures/1/pieces/2/", HTTP_ACCEPT_ENCODING="gzip"))
    assert "Content-Encoding" not in response and response["Content-Length"] == str(len(pdf))
    assert b"".join(response.streaming_content) == pdf


@pytest.mark.django_db
def test_sitemaps_are_gzipped_too(client, home):
    for number in range(5):
        StandardPageFactory(parent=home, title=f"Page {number}")
    response = client.get("/sitemap.xml", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"<urlset" in gzip.decompress(response.content)
