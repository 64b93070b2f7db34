"""Validators for French business identifiers (SIREN, SIRET).

Both carry a Luhn check digit, which catches most typing mistakes.
"""

import re

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


def siret_matches_siren(siret: str, siren: str) -> bool:
    """A SIRET names an establishment of one company: its first 9 digits are that company's SIREN."""
    return siret[:9] == siren


DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def normalise_domain(value: str) -> str:
    """"@Nantesmetropole.fr " → "nantesmetropole.fr": how a domain is typed does not make it another one."""
    return value.strip().lower().lstrip("@").rstrip(".")


def email_domain(address: str) -> str:
    """The domain of an e-mail address, normalised; "" for something that is not one."""
    local, at, domain = address.rpartition("@")
    return normalise_domain(domain) if at and local else ""


# Addresses anyone can open: a domain among them proves nothing about who works where.
WEBMAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr", "outlook.com",
    "live.fr", "live.com", "msn.com", "icloud.com", "me.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr",
    "laposte.net", "bbox.fr", "gmx.fr", "gmx.com", "protonmail.com", "proton.me", "aol.com",
})


def validate_email_domain(value: str) -> None:
    domain = normalise_domain(value)
    if not DOMAIN.match(domain):
        raise ValidationError(_("Saisissez un nom de domaine, par exemple « nantesmetropole.fr »."),
                              code="domain_format")
    if domain in WEBMAIL_DOMAINS:
        raise ValidationError(_("« %(domain)s » est une messagerie ouverte à tous : elle ne prouve pas "
                                "l'appartenance à une organisation."), code="domain_webmail",
                              params={"domain": domain})
