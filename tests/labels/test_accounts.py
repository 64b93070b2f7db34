"""Applicant accounts: sign-up with e-mail verification, no enumeration, throttling, passwords."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

SIGNUP = {"first_name": "Camille", "last_name": "Durand", "email": "Camille.Durand@example.org",
          "password1": "cantines et données 2026", "password2": "cantines et données 2026"}


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_signup_sends_a_verification_link_and_activates(client):
    response = client.post(reverse("labels:signup"), SIGNUP)
    assert response["Location"] == reverse("labels:signup_done")
    user = User.objects.get(email="camille.durand@example.org")
    assert not user.is_active
    assert len(mail.outbox) == 1
    response = client.post(reverse("labels:login"), {"username": user.email, "password": SIGNUP["password1"]})
    assert response.status_code == 200
    response = client.get(link_in(mail.outbox[0]))
    assert response["Location"] == reverse("labels:login")
    user.refresh_from_db()
    assert user.is_active
    # The link works once.
    assert client.get(link_in(mail.outbox[0])).status_code == 400
    response = client.post(reverse("labels:login"), {"username": "CAMILLE.DURAND@example.org",
                                                      "password": SIGNUP["password1"]})
    assert response["Location"] == reverse("labels:dashboard")


def test_signup_with_a_known_address_gives_the_same_answer(client):
    UserFactory(email="camille.durand@example.org", username="camille.durand@example.org")
    response = client.post(reverse("labels:signup"), SIGNUP)
    assert response["Location"] == reverse("labels:signup_done")
    assert User.objects.filter(email__iexact="camille.durand@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert "possède déjà" in mail.outbox[0].body


@pytest.mark.parametrize(("password", "message"), [
    ("court1234", "trop court"),
    ("motdepasse1", "trop court"),
    ("123456789012345", "entièrement numérique"),
])
def test_weak_passwords_are_refused_in_french(client, password, message):
    response = client.post(reverse("labels:signup"), {**SIGNUP, "password1": password, "password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_common_password_is_refused(client):
    response = client.post(reverse("labels:signup"), {**SIGNUP, "password1": "1qaz2wsx3edc",
                                                      "password2": "1qaz2wsx3edc"})
    assert "trop courant" in response.content.decode()


def test_signup_keeps_typed_values_and_ties_errors(client):
    response = client.post(reverse("labels:signup"), {**SIGNUP, "password2": "autre chose encore"})
    content = response.content.decode()
    assert 'value="Camille"' in content
    assert 'id="id_password2_error"' in content
    assert 'aria-describedby="id_password2_error"' in content


def test_password_reset_same_answer_known_or_not(client):
    user = UserFactory(email="connu@example.org")
    for address in ("connu@example.org", "inconnu@example.org"):
        response = client.post(reverse("labels:password_reset"), {"email": address})
        assert response["Location"] == reverse("labels:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["connu@example.org"]
    url = link_in(mail.outbox[0])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "nouveau secret solide",
                                      "new_password2": "nouveau secret solide"})
    assert response["Location"] == reverse("labels:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("nouveau secret solide")


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("labels:password_change"), {
        "old_password": "un mot de passe solide", "new_password1": "encore plus solide 42",
        "new_password2": "encore plus solide 42"})
    assert response["Location"] == reverse("labels:password_change_done")


def test_logout_is_a_post(client):
    client.force_login(UserFactory())
    response = client.post(reverse("labels:logout"))
    assert response.status_code == 302
    assert client.get(reverse("labels:dashboard")).status_code == 302


def test_login_is_throttled_by_axes(client, settings):
    user = UserFactory(email="cible@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("labels:login"), {"username": user.email, "password": "mauvais mot de passe"})
    response = client.post(reverse("labels:login"), {"username": user.email, "password": "un mot de passe solide"})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_signup_is_throttled(client, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "SIGNUPS_PER_HOUR": 2}
    for index in range(2):
        client.post(reverse("labels:signup"), {**SIGNUP, "email": f"p{index}@example.org"})
    response = client.post(reverse("labels:signup"), {**SIGNUP, "email": "p9@example.org"})
    assert response.status_code == 429
    assert not User.objects.filter(email="p9@example.org").exists()


def test_wagtail_admin_login_still_works(client):
    UserFactory(username="editrice", email="editrice@example.org", is_superuser=True, is_staff=True)
    response = client.post(reverse("wagtailadmin_login"), {"username": "editrice",
                                                           "password": "un mot de passe solide"})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("name", ["login", "signup", "password_reset", "privacy"])
def test_account_pages_render_in_french_with_one_h1(client, name):
    content = client.get(reverse(f"labels:{name}")).content.decode()
    assert content.count("<h1") == 1
    assert '<html lang="fr">' in content
