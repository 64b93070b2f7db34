"""Error pages with DEBUG off: French, and nothing of the failure (no traceback, no settings, no SQL).

The 500 and 400 pages are rendered by Django without the request: they must
not need it, nor the database (it may be what failed).
"""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client
from django.urls import include, path
from django.views import defaults

from interconnectes import views
from interconnectes.urls import handler500  # noqa: F401 (the URLconf of these tests answers 500 as the site's)

pytestmark = pytest.mark.django_db

SECRET = "SELECT password FROM auth_user -- settings.SECRET_KEY"


def boom(request):
    raise RuntimeError(SECRET)


def personal_boom(request):
    raise RuntimeError(f"camille.martin@example.org, password={request.POST.get('password', 'sésame')}")


def forbidden(request):
    raise PermissionDenied(SECRET)


def suspicious(request):
    raise SuspiciousOperation(SECRET)


def missing(request):
    raise Http404(SECRET)


urlpatterns = [
    path("erreur/500/", boom),
    path("erreur/500/personnelle/", personal_boom),
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


@pytest.mark.parametrize("view", [views.server_error, defaults.bad_request])
def test_500_and_400_need_neither_the_request_nor_the_database(rf, django_assert_num_queries, settings, view):
    settings.DEBUG = False
    request = rf.get("/")
    with django_assert_num_queries(0):
        response = view(request) if view is views.server_error else view(request, SuspiciousOperation(SECRET))
    content = response.content.decode()
    assert "{{" not in content and "{%" not in content
    assert_leaks_nothing(content)


@pytest.mark.urls(__name__)
def test_a_server_error_reaches_the_admins_masked_and_the_page_says_so(plain_client, settings, home):
    settings.ADMINS = [("Équipe technique", "technique@example.org")]
    response = plain_client.post("/erreur/500/personnelle/", {"password": "SésameOuvreToi2026",
                                                              "email": "camille.martin@example.org"})
    assert response.status_code == 500 and "L’équipe a été prévenue" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["technique@example.org"] and "/erreur/500/personnelle/" in message.subject
    text = message.subject + message.body
    assert "RuntimeError" in text and "POST" in text  # the report is there, for the team
    for secret in ("camille.martin", "SésameOuvreToi2026"):
        assert secret not in text, secret
    assert not message.alternatives  # no HTML report (it shows every local variable)


@pytest.mark.urls(__name__)
def test_without_admins_nobody_is_told_and_the_page_does_not_pretend(plain_client, settings, home):
    settings.ADMINS = []
    response = plain_client.get("/erreur/500/")
    assert response.status_code == 500 and "prévenue" not in response.content.decode()
    assert "Réessayez dans quelques minutes" in response.content.decode()
    assert mail.outbox == []
