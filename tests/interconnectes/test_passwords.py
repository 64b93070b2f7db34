"""Passwords French speakers choose most are refused, even with digits or signs around them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from interconnectes.passwords import (
    FrenchCommonPasswordValidator,
    PersonalPasswordValidator,
    base_of,
    close_to,
    common_bases,
)


@pytest.mark.parametrize("password", ["azertyuiop12", "Soleil2024!", "MotDePasse123", "Camille1995!!",
                                      "&é\"'(-è_çà12", "JeTaime!!2026", "qsdfghjklm2026", "Marseille13013"])
def test_a_common_french_password_is_refused_whatever_surrounds_it(password):
    with pytest.raises(ValidationError) as refused:
        FrenchCommonPasswordValidator().validate(password)
    assert refused.value.code == "password_too_common"
    assert "trop courant" in refused.value.messages[0]


@pytest.mark.parametrize("password", ["cantines et données 2026", "Vélo-Rail*Lannion#47", "soleil-de-bretagne-2026"])
def test_an_uncommon_password_passes(password):
    FrenchCommonPasswordValidator().validate(password)


def test_the_base_of_a_password():
    assert base_of("azertyuiop12") == "azertyuiop"
    assert base_of(" Éléphant!! ") == "elephant"
    assert {"azerty", "motdepasse", "soleil", "marseille"} <= common_bases()


def test_the_site_s_validators_include_it_after_django_s():
    """Django's list passes "azertyuiop12" (12 characters, not in its English list): the site's refuses it."""
    with pytest.raises(ValidationError) as refused:
        validate_password("azertyuiop12")
    assert [error.code for error in refused.value.error_list] == ["password_too_common"]


@pytest.mark.django_db
def test_sign_up_refuses_it_next_to_the_field_and_keeps_the_rest(client):
    data = {"first_name": "Camille", "last_name": "Durand", "email": "camille.durand@example.org",
            "password1": "azertyuiop12", "password2": "azertyuiop12"}
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="camille.durand@example.org").exists()
    page = BeautifulSoup(response.content, "html.parser")
    assert "trop courant" in page.get_text()
    assert page.select_one("input[name=email]")["value"] == "camille.durand@example.org"


# Close to the person: their address's local part or their name.

CAMILLE = get_user_model()(username="camille.martin@nantesmetropole.fr", email="camille.martin@nantesmetropole.fr",
                           first_name="Camille", last_name="Martin")


@pytest.mark.parametrize("password", ["camille.martin", "Camille.Martin2026", "martin.camille!", "CamilleMartin",
                                      "camille-martin-44", "camile.martin"])
def test_a_password_close_to_the_address_or_the_name_is_refused(password):
    with pytest.raises(ValidationError) as refused:
        PersonalPasswordValidator().validate(password, CAMILLE)
    assert refused.value.code == "password_too_personal"
    assert "ressemble trop à votre nom" in refused.value.messages[0]


@pytest.mark.parametrize("password", ["cantines et données 2026", "Vélo-Rail*Lannion#47",
                                      "camille au marché de Nantes"])
def test_a_password_that_does_not_name_the_person_passes(password):
    PersonalPasswordValidator().validate(password, CAMILLE)


@pytest.mark.parametrize(("password", "value", "expected"), [
    ("camille.martin", "camille.martin", True),  # the same, separators aside
    ("camillemartin1234", "camille.martin", True),  # four characters more
    ("camillemartin12345", "camille.martin", True),  # five more: no longer the same, but still alike
    ("les cantines de camille", "camille.martin", False),  # a first name inside a sentence is not the address
    ("abc12345678901", "abc", False),  # too short a name to say anything
    ("Éloïse Durand", "eloise.durand", True),  # accents and case do not hide it
])
def test_close_to_on_hand_made_examples(password, value, expected):
    assert close_to(password, value) is expected


def test_django_s_own_validator_lets_the_local_part_through_and_the_site_s_does_not():
    """The reported case: Django alone accepts "camille.martin" for camille.martin@nantesmetropole.fr."""
    from django.contrib.auth.password_validation import UserAttributeSimilarityValidator

    UserAttributeSimilarityValidator().validate("camille.martin", CAMILLE)
    with pytest.raises(ValidationError) as refused:
        validate_password("camille.martin", CAMILLE)
    assert "password_too_personal" in [error.code for error in refused.value.error_list]


@pytest.mark.django_db
def test_sign_up_refuses_a_password_like_the_address_next_to_the_field(client):
    data = {"first_name": "Camille", "last_name": "Martin", "email": "camille.martin@nantesmetropole.fr",
            "password1": "camille.martin", "password2": "camille.martin"}
    response = client.post(reverse("accounts:signup"), data)
    assert not get_user_model().objects.filter(email="camille.martin@nantesmetropole.fr").exists()
    page = BeautifulSoup(response.content, "html.parser")
    assert "ressemble trop à votre nom" in page.select_one("#id_password1_error").get_text()
