"""Validators for French business identifiers (SIREN, SIRET).

Both carry a Luhn check digit, which catches most typing mistakes.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siren(value: str) -> None:
    if not (len(value) == 9 and value.isdigit()):
        raise ValidationError(_("Un numéro SIREN compte exactement 9 chiffres."), code="siren_format")
    if not luhn_valid(value):
        raise ValidationError(_("Ce numéro SIREN n'est pas valide : vérifiez les chiffres."), code="siren_checksum")


def validate_siret(value: str) -> None:
    if not (len(value) == 14 and value.isdigit()):
        raise ValidationError(_("Un numéro SIRET compte exactement 14 chiffres."), code="siret_format")
    # La Poste's establishments share one SIREN and use another rule: accept them.
    if not luhn_valid(value) and not value.startswith("356000000"):
        raise ValidationError(_("Ce numéro SIRET n'est pas valide : vérifiez les chiffres."), code="siret_checksum")
