"""Log lines leave passwords, link tokens, CSRF and session tokens out, and shorten e-mail addresses."""

import io
import logging
from contextlib import contextmanager

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.tokens import activation_token
from interconnectes.logging_filters import MaskSecrets, mask
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Cantine-sans-gaspi-2026!"


@contextmanager
def captured_log():
    """What the project's configured stream handlers write (LOGGING in settings/base.py), into a buffer (the
    e-mail to ADMINS masks its own text: tests/interconnectes/test_error_pages.py)."""
    handlers = [handler for handler in logging.getLogger().handlers if isinstance(handler, logging.StreamHandler)
                and any(isinstance(f, MaskSecrets) for f in handler.filters)]
    assert handlers, "aucun gestionnaire de journaux ne masque les secrets"
    buffer = io.StringIO()
    previous = [handler.setStream(buffer) for handler in handlers]
    try:
        yield buffer
    finally:
        for handler, stream in zip(handlers, previous, strict=True):
            handler.setStream(stream)


def test_every_configured_handler_masks(settings):
    assert all("mask_secrets" in handler.get("filters", []) for handler in settings.LOGGING["handlers"].values())


def test_a_404_with_an_email_address_in_the_path_is_logged_shortened(home):
    with captured_log() as log:
        Client().get("/compte/camille.martin@example.org/")
    assert "Not Found: /compte/c***@example.org/" in log.getvalue()
    assert "camille.martin" not in log.getvalue()


def test_activation_and_reset_tokens_in_logged_urls_are_masked(home):
    user = UserFactory(is_active=False)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    activation, reset = activation_token.make_token(user), default_token_generator.make_token(user)
    request_logger = logging.getLogger("django.request")
    with captured_log() as log:
        Client().get(f"/compte/activer/{uid}/{activation}/x/")  # 404, logged by Django's request logger
        request_logger.warning("Bad Request: %s", f"/compte/mot-de-passe/nouveau/{uid}/{reset}/")
        request_logger.warning("Lien suivi : https://interconnectes.example/admin/password_reset/confirm/%s/%s/",
                               uid, reset)
    output = log.getvalue()
    assert activation not in output and reset not in output
    assert output.count("********") >= 3
    assert f"/compte/mot-de-passe/nouveau/{uid}/********/" in output


def test_passwords_csrf_and_session_tokens_are_masked(rf):
    request = rf.post("/compte/connexion/", {"username": "camille.martin@example.org", "password": PASSWORD,
                                             "csrfmiddlewaretoken": "Zx8Kd93jfQ0aLmNp"})
    request.COOKIES.update({"csrftoken": "Hq7Ls0PzWm2Rt5Yu", "sessionid": "s3ss10nk3y0123456789"})
    logger = logging.getLogger("django.request")
    with captured_log() as log:
        logger.warning("Connexion refusée, données reçues : %s", request.POST, extra={"request": request})
        logger.warning("Cookie: csrftoken=%s; sessionid=%s", request.COOKIES["csrftoken"],
                       request.COOKIES["sessionid"])
        logger.warning("En-têtes : {'X-CSRFToken': 'Hq7Ls0PzWm2Rt5Yu', 'Authorization': 'Bearer abc.def.ghi'}")
        logger.warning("Requête : /compte/connexion/?email=camille.martin%40example.org&password=" + PASSWORD)
    output = log.getvalue()
    for secret in (PASSWORD, "Zx8Kd93jfQ0aLmNp", "Hq7Ls0PzWm2Rt5Yu", "s3ss10nk3y0123456789", "abc.def.ghi",
                   "camille.martin"):
        assert secret not in output, secret
    assert "c***@example.org" in output and "c***%40example.org" in output


def test_a_traceback_is_masked_too():
    logger = logging.getLogger("django.request")
    with captured_log() as log:
        try:
            raise ValueError(f"échec pour camille.martin@example.org avec password={PASSWORD}")
        except ValueError:
            logger.exception("Internal Server Error: /compte/connexion/")
    output = log.getvalue()
    assert "Traceback" in output and "ValueError" in output
    assert PASSWORD not in output and "camille.martin" not in output


@pytest.mark.parametrize(("line", "expected"), [
    ("camille.martin@example.org", "c***@example.org"),
    ("Contact : Jean-Marc.Dupont+labels@mairie-plouha.fr.", "Contact : J***@mairie-plouha.fr."),
    ("password=secret&next=/candidatures/", "password=********&next=/candidatures/"),
    ('{"new_password1": "a b", "ok": 1}', '{"new_password1": "********", "ok": 1}'),
    ("/compte/mot-de-passe/nouveau/MQ/set-password/", "/compte/mot-de-passe/nouveau/MQ/set-password/"),
    ("Gone: /candidatures/invitation/u4Kx_9-Qa0/", "Gone: /candidatures/invitation/********/"),
    ("/compte/connexion/?next=/candidatures/invitation/u4Kx_9-Qa0/",
     "/compte/connexion/?next=/candidatures/invitation/********/"),
    ("Candidature TI-2026-0001 déposée", "Candidature TI-2026-0001 déposée"),
    ("GET /agenda/?annee=2025 200", "GET /agenda/?annee=2025 200"),
])
def test_mask(line, expected):
    assert mask(line) == expected
    assert mask(mask(line)) == expected  # two handlers may see the same record
