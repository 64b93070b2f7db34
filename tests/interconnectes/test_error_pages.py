"""Error pages with DEBUG off: French, and nothing of the failure (no traceback, no settings, no SQL).

The 500 and 400 pages are rendered by Django without the request: they must
not need it, nor the database (it may be what failed).
"""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client
from django.urls import include, path
from django.views import defaults

pytestmark = pytest.mark.django_db

SECRET = "SELECT password FROM auth_user -- settings.SECRET_KEY"


def boom(request):
    raise RuntimeError(SECRET)


def forbidden(request):
    raise PermissionDenied(SECRET)


def suspicious(request):
    raise SuspiciousOperation(SECRET)


def missing(request):
    raise Http404(SECRET)


urlpatterns = [
    path("erreur/500/", boom),
    path("erreur/403/", forbidden),
    path("erreur/400/", suspicious),
    path("erreur/404/", missing),
    path("", include("interconnectes.urls")),
]

LEAKS = ["Traceback", "settings", "SECRET_KEY", "SELECT", "auth_user", "RuntimeError", "PermissionDenied",
         "SuspiciousOperation", "DEBUG", "File \"", "/work/", "site-packages"]


def assert_leaks_nothing(content):
    for leak in LEAKS:
        assert leak not in content, leak


@pytest.fixture
def plain_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(("url", "status", "heading"), [
    ("/erreur/500/", 500, "Une erreur est survenue"),
    ("/erreur/403/", 403, "Accès refusé"),
    ("/erreur/400/", 400, "Requête incorrecte"),
    ("/erreur/404/", 404, "Page introuvable"),
    ("/page-qui-n-existe-pas/", 404, "Page introuvable"),
])
def test_error_pages_are_french_and_leak_nothing(plain_client, home, url, status, heading):
    response = plain_client.get(url)
    assert response.status_code == status
    content = response.content.decode()
    assert '<html lang="fr">' in content and heading in content
    assert "/static/css/site.css" in content
    assert_leaks_nothing(content)


def test_the_csrf_failure_page_is_french(settings, home):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post("/compte/connexion/", {"username": "camille@example.org", "password": "x"})
    assert response.status_code == 403
    content = response.content.decode()
    assert "Formulaire expiré" in content and "CSRF" not in content
    assert_leaks_nothing(content)


@pytest.mark.parametrize("view", [defaults.server_error, defaults.bad_request])
def test_500_and_400_need_neither_the_request_nor_the_database(rf, django_assert_num_queries, settings, view):
    settings.DEBUG = False
    request = rf.get("/")
    with django_assert_num_queries(0):
        response = view(request) if view is defaults.server_error else view(request, SuspiciousOperation(SECRET))
    content = response.content.decode()
    assert "{{" not in content and "{%" not in content
    assert_leaks_nothing(content)
