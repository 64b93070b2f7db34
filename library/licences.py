"""The licences French administrations may use for the code and data they publish, as SPDX identifiers.

The list is the one of the CRPA, article D323-2-1, and its 2021 update
(décret n° 2021-1559): permissive licences, licences with reciprocity, and the
two licences for data. Anything else is recorded as `OTHER` and stays
possible (a project may reuse code published under another licence), but a
member of staff has to look at it before the record is trusted: that is the
`needs_staff_review` predicate, the one place the rule lives.
"""

from django.utils.translation import gettext_lazy as _

OTHER = "autre"

# SPDX id: the French name the site shows.
PERMISSIVE = {
    "Apache-2.0": _("Licence Apache 2.0"),
    "BSD-2-Clause": _("Licence BSD à 2 clauses"),
    "BSD-3-Clause": _("Licence BSD à 3 clauses"),
    "CECILL-B": _("Licence CeCILL-B"),
    "MIT": _("Licence MIT"),
}
RECIPROCAL = {
    "MPL-2.0": _("Mozilla Public License 2.0"),
    "GPL-3.0-or-later": _("GNU GPL v3 ou ultérieure"),
    "GPL-3.0-only": _("GNU GPL v3"),
    "CECILL-2.1": _("Licence CeCILL 2.1"),
    "EUPL-1.2": _("Licence publique de l'Union européenne 1.2 (EUPL)"),
    "EPL-2.0": _("Eclipse Public License 2.0"),
}
DATA = {
    "etalab-2.0": _("Licence Ouverte / Etalab 2.0"),
    "ODbL-1.0": _("Open Database License 1.0 (ODbL)"),
}
AUTHORISED = {**PERMISSIVE, **RECIPROCAL, **DATA}

CHOICES = [
    (_("Licences permissives"), list(PERMISSIVE.items())),
    (_("Licences avec obligation de réciprocité"), list(RECIPROCAL.items())),
    (_("Licences pour les données"), list(DATA.items())),
    (OTHER, _("Autre licence (vérifiée par l'équipe)")),
]


def is_authorised(spdx_id: str) -> bool:
    """Whether the licence is on the legal list (identifiers compare exactly, as SPDX ones are spelt)."""
    return spdx_id in AUTHORISED


def needs_staff_review(spdx_id: str) -> bool:
    """A licence outside the legal list, named or not, must be looked at by the team; no licence at all is not
    a licence to check (the record says the code or data is not published)."""
    return bool(spdx_id) and not is_authorised(spdx_id)


def label(spdx_id: str) -> str:
    """The French name of a licence of the list, the words "autre licence" otherwise, nothing for none."""
    if not spdx_id:
        return ""
    return str(AUTHORISED.get(spdx_id, _("Autre licence")))
