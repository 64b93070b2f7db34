"""Passwords French speakers choose most are refused, even with digits or signs around them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from interconnectes.passwords import FrenchCommonPasswordValidator, base_of, common_bases


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
    response = client.post(reverse("labels:signup"), data)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="camille.durand@example.org").exists()
    page = BeautifulSoup(response.content, "html.parser")
    assert "trop courant" in page.get_text()
    assert page.select_one("input[name=email]")["value"] == "camille.durand@example.org"
