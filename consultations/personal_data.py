"""Free text that may name a participant: an e-mail address or a telephone number.

A consultation record is public; the people who took part in it must not be
identifiable from it. The form does not refuse such text (a service address
or a switchboard number may be legitimate), it warns next to the field, and
the team's checklist asks first that no participant's data remains.
"""

import re

from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# French numbers: 0X XX XX XX XX, +33 X XX XX XX XX, 0033…, separated by spaces, dots or dashes, or not at all.
PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")


def emails_in(text: str) -> list[str]:
    return EMAIL.findall(text or "")


def phones_in(text: str) -> list[str]:
    return [match.group(0) for match in PHONE.finditer(text or "")]


def warnings_for(values: dict[str, str]) -> dict[str, str]:
    """Field name → a French warning, for each text value holding an e-mail address or a phone number."""
    warnings = {}
    for name, text in values.items():
        if not isinstance(text, str):
            continue
        found = []
        if emails_in(text):
            found.append(_("une adresse électronique"))
        if phones_in(text):
            found.append(_("un numéro de téléphone"))
        if found:
            warnings[name] = _("Ce texte semble contenir %(what)s : vérifiez qu'il ne permet d'identifier aucun "
                               "participant.") % {"what": _(" et ").join(found)}
    return warnings
