"""A password validator that knows what French speakers choose: Django's own list is mostly English.

Django's `CommonPasswordValidator` refuses 20,000 passwords from English
lists, exactly as typed: "azertyuiop12", "Soleil2024!" or "motdepasse123"
pass it. This one refuses a password whose base, lower-cased, without its
accents and without the digits and signs at its ends, is in a list of what
French speakers choose most (`data/common-passwords-fr.txt`): "azertyuiop12"
is "azertyuiop", "Soleil2024!" is "soleil".
"""

import unicodedata
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

COMMON_PASSWORDS = Path(__file__).resolve().parent / "data" / "common-passwords-fr.txt"
ENDS = "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~&é\"'(-è_çà²°"


def base_of(password: str) -> str:
    """Lower-cased, without accents, without the digits and signs at its ends; the spaces inside removed."""
    text = unicodedata.normalize("NFKD", password.lower())
    text = "".join(character for character in text if not unicodedata.combining(character))
    return text.strip(ENDS).replace(" ", "")


@cache
def common_bases() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(base_of(line) for line in lines if line.strip() and not line.startswith("#"))


class FrenchCommonPasswordValidator:
    def validate(self, password, user=None):
        if base_of(password) in common_bases():
            raise ValidationError(
                _("Ce mot de passe est trop courant, même avec des chiffres ou des signes autour : "
                  "choisissez-en un moins prévisible."),
                code="password_too_common",
            )

    def get_help_text(self):
        return _("Votre mot de passe ne peut pas être un mot de passe couramment utilisé, même complété de "
                 "chiffres ou de signes.")


def letters_and_digits(text: str) -> str:
    """Lower-cased, without accents, keeping letters and digits only: "Camille.Martin-2" → "camillemartin2"."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(character for character in folded if character.isalnum() and not unicodedata.combining(character))


def close_to(password: str, value: str) -> bool:
    """Whether `password` is `value` give or take a few characters, or too alike (names and addresses of 4+ letters).

    "camille.martin", "CamilleMartin2026" and "martin.camille!" are all close to "camille.martin".
    """
    candidate, personal = letters_and_digits(password), letters_and_digits(value)
    if len(personal) < 4:
        return False
    if personal in candidate and len(candidate) - len(personal) <= 4:
        return True
    return SequenceMatcher(None, candidate, personal).ratio() >= 0.75


def personal_values(user) -> list[str]:
    """What names the person: the local part of their address, their names in both orders, their username."""
    email = getattr(user, "email", "") or ""
    first, last = getattr(user, "first_name", "") or "", getattr(user, "last_name", "") or ""
    username = (user.get_username() if hasattr(user, "get_username") else "") or ""
    return [value for value in (email.partition("@")[0], f"{first}{last}", f"{last}{first}", first, last,
                                username.partition("@")[0]) if value]


class PersonalPasswordValidator:
    """Refuse a password close to the e-mail address's local part or to the person's name.

    Django's `UserAttributeSimilarityValidator` compares with the whole
    address, so "camille.martin" passes for camille.martin@nantesmetropole.fr:
    the longer the domain, the less alike they look to it.
    """

    def validate(self, password, user=None):
        if user is not None and any(close_to(password, value) for value in personal_values(user)):
            raise ValidationError(
                _("Ce mot de passe ressemble trop à votre nom ou à votre adresse e-mail : choisissez-en un qui ne "
                  "vous désigne pas."),
                code="password_too_personal",
            )

    def get_help_text(self):
        return _("Votre mot de passe ne peut pas ressembler à votre nom ni à votre adresse e-mail.")
