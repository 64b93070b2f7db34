"""Applicant accounts: sign-up with e-mail verification, no enumeration, throttling, passwords."""

import html
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
    return re.search(r"http://localhost(/\S+)", message.body).group(1)


def test_signup_sends_a_verification_link_and_activates(client):
    response = client.post(reverse("accounts:signup"), SIGNUP)
    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get(email="camille.durand@example.org")
    assert not user.is_active
    assert len(mail.outbox) == 1
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": SIGNUP["password1"]})
    assert response.status_code == 200
    response = client.get(link_in(mail.outbox[0]))
    assert response["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.is_active
    # The link works once.
    assert client.get(link_in(mail.outbox[0])).status_code == 400
    response = client.post(reverse("accounts:login"), {"username": "CAMILLE.DURAND@example.org",
                                                      "password": SIGNUP["password1"]})
    assert response["Location"] == reverse("accounts:space")


def test_signup_with_a_known_address_gives_the_same_answer(client):
    UserFactory(email="camille.durand@example.org", username="camille.durand@example.org")
    response = client.post(reverse("accounts:signup"), SIGNUP)
    assert response["Location"] == reverse("accounts:signup_done")
    assert User.objects.filter(email__iexact="camille.durand@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert "possède déjà" in mail.outbox[0].body


@pytest.mark.parametrize(("password", "message"), [
    ("court1234", "trop court"),
    ("motdepasse1", "trop court"),
    ("123456789012345", "entièrement numérique"),
])
def test_weak_passwords_are_refused_in_french(client, password, message):
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "password1": password, "password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_common_password_is_refused(client):
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "password1": "1qaz2wsx3edc",
                                                      "password2": "1qaz2wsx3edc"})
    assert "trop courant" in response.content.decode()


def test_signup_keeps_typed_values_and_ties_errors(client):
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "password2": "autre chose encore"})
    content = response.content.decode()
    assert 'value="Camille"' in content
    assert 'id="id_password2_error"' in content
    assert 'aria-describedby="id_password2_error"' in content


def test_password_reset_same_answer_known_or_not(client):
    user = UserFactory(email="connu@example.org")
    for address in ("connu@example.org", "inconnu@example.org"):
        response = client.post(reverse("accounts:password_reset"), {"email": address})
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["connu@example.org"]
    url = link_in(mail.outbox[0])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "nouveau secret solide",
                                      "new_password2": "nouveau secret solide"})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("nouveau secret solide")


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "un mot de passe solide", "new_password1": "encore plus solide 42",
        "new_password2": "encore plus solide 42"})
    assert response["Location"] == reverse("accounts:password_change_done")


def test_logout_is_a_post(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("labels:dashboard")).status_code == 302


def test_login_is_throttled_by_axes(client, settings):
    user = UserFactory(email="cible@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "mauvais mot de passe"})
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "un mot de passe solide"})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_signup_is_throttled(client, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "SIGNUPS_PER_HOUR": 2}
    for index in range(2):
        client.post(reverse("accounts:signup"), {**SIGNUP, "email": f"p{index}@example.org"})
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "email": "p9@example.org"})
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
    content = client.get(reverse(f"accounts:{name}")).content.decode()
    assert content.count("<h1") == 1
    assert '<html lang="fr">' in content


def text(response):
    return html.unescape(response.content.decode())


def test_logging_in_before_confirming_says_so_and_offers_a_new_link(client):
    client.post(reverse("accounts:signup"), SIGNUP)
    response = client.post(reverse("accounts:login"), {"username": "camille.durand@example.org",
                                                      "password": SIGNUP["password1"]})
    page = text(response)
    assert "n'est pas encore confirmée" in page
    assert reverse("accounts:resend_activation") in page
    assert "sensible à la casse" not in page
    # A wrong password on the same account tells nothing about it.
    response = client.post(reverse("accounts:login"), {"username": "camille.durand@example.org",
                                                      "password": "pas le bon mot de passe"})
    assert "n'est pas encore confirmée" not in text(response)
    assert "Adresse e-mail ou mot de passe incorrect" in text(response)


def test_a_new_confirmation_link_is_sent_to_unconfirmed_accounts_only(client):
    client.post(reverse("accounts:signup"), SIGNUP)
    answers = [client.post(reverse("accounts:resend_activation"), {"email": email})["Location"]
               for email in ("camille.durand@example.org", "inconnue@example.org")]
    assert answers == [reverse("accounts:signup_done")] * 2
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["camille.durand@example.org"]
    client.get(link_in(mail.outbox[1]))
    assert User.objects.get(email="camille.durand@example.org").is_active
    client.post(reverse("accounts:resend_activation"), {"email": "camille.durand@example.org"})
    assert len(mail.outbox) == 2  # confirmed: nothing more to send


def test_a_bad_address_to_resend_keeps_what_was_typed(client):
    response = client.post(reverse("accounts:resend_activation"), {"email": "camille@"})
    assert response.status_code == 400
    assert 'value="camille@"' in response.content.decode()


def test_the_header_shows_the_logged_in_state_to_logged_in_people_only(client, home):
    anonymous = client.get("/")
    assert anonymous.status_code == 200
    assert not anonymous.cookies
    assert "Se déconnecter" not in text(anonymous) and "Se connecter" in text(anonymous)
    assert "public" in anonymous["Cache-Control"]
    user = UserFactory(first_name="Camille", last_name="Durand")
    client.force_login(user)
    page = client.get("/")
    assert "private" in page["Cache-Control"]
    content = text(page)
    assert "Camille Durand" in content and reverse("accounts:space") in content
    assert f'action="{reverse("accounts:logout")}"' in content
    client.post(reverse("accounts:logout"))
    assert "Se déconnecter" not in text(client.get("/"))


def test_my_space_lists_memberships_applications_and_requests(client, campaign):
    from tests.accounts.factories import member, organisation
    from tests.labels.factories import ApplicationFactory

    user = UserFactory()
    member(user, organisation("Nantes Métropole"))
    ApplicationFactory(campaign=campaign, owner=user, title="Cantine zéro papier")
    client.force_login(user)
    content = text(client.get(reverse("accounts:space")))
    assert "Nantes Métropole" in content and "vérifiée" in content
    assert "Cantine zéro papier" in content
