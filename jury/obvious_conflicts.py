"""Obvious conflicts of interest, flagged before anyone scores: the juror's own organisation, the same SIREN.

Pure functions over plain facts (`JuryMember.conflict_facts`, an application's
name and identifiers), so that the rule is tested on hand-written examples.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from interconnectes.folding import fold


@dataclass(frozen=True)
class JurorFacts:
    id: int
    org_name: str = ""
    sirens: frozenset = frozenset()


@dataclass(frozen=True)
class ApplicationFacts:
    id: int
    org_name: str = ""
    siren: str = ""
    siret: str = ""

    @property
    def sirens(self) -> frozenset:
        """The SIREN given, and the one a SIRET starts with."""
        return frozenset(s for s in (self.siren, self.siret[:9] if len(self.siret) == 14 else "") if s)


def application_facts(application) -> ApplicationFacts:
    return ApplicationFacts(application.pk, application.org_name, application.siren, application.siret)


NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """Case, accents, punctuation and spacing removed: "Métropole  de Lyon" == "metropole-de-lyon"."""
    return NOT_ALNUM.sub(" ", fold(name or "")).strip()


def obvious_conflict(juror: JurorFacts, application: ApplicationFacts):
    """Why this pair is an obvious conflict (the juror's own organisation, the same SIREN), else None."""
    if juror.sirens & application.sirens:
        return _("Même SIREN que le juré")
    if juror.org_name and normalise_name(juror.org_name) == normalise_name(application.org_name):
        return _("Organisation du juré")
    return None


def flag_conflicts(jurors, applications) -> dict:
    """{(juror id, application id): reason} for every obvious conflict, flagged before anyone scores.

    `obvious_conflict` for every pair, but the applications are indexed once by
    SIREN and by normalised name: a national round holds thousands of files,
    and comparing each with each juror would normalise every name once per juror.
    """
    by_siren, by_name = defaultdict(list), defaultdict(list)
    for application in applications:
        for siren in application.sirens:
            by_siren[siren].append(application.id)
        by_name[normalise_name(application.org_name)].append(application.id)
    flagged = {}
    for juror in jurors:
        for siren in juror.sirens:
            for application_id in by_siren.get(siren, ()):
                flagged[(juror.id, application_id)] = _("Même SIREN que le juré")
        if juror.org_name:
            for application_id in by_name.get(normalise_name(juror.org_name), ()):
                flagged.setdefault((juror.id, application_id), _("Organisation du juré"))
    return flagged
