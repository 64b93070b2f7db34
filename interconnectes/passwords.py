"""A password validator that knows what French speakers choose: Django's own list is mostly English.

Django's `CommonPasswordValidator` refuses 20,000 passwords from English
lists, exactly as typed: "azertyuiop12", "Soleil2024!" or "motdepasse123"
pass it. This one refuses a password whose base, lower-cased, without its
accents and without the digits and signs at its ends, is in a list of what
French speakers choose most (`data/common-passwords-fr.txt`): "azertyuiop12"
is "azertyuiop", "Soleil2024!" is "soleil".
"""

import unicodedata
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
