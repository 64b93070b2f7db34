"""Eligibility rules of the labels, as plain functions over plain values.

Hard rules (`errors`) block a submission; soft rules (`warnings`) are shown to
the applicant and, later, to the jury, but never block.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from interconnectes.models.snippets import LOCAL_GOVERNMENT_KINDS, OrganisationKind

TERRITOIRE_INNOVANT = "territoire-innovant"
STARTUP_INTERCONNECTEE = "startup-interconnectee"
STARTUP_MAX_AGE_YEARS = 4
STARTUP_KINDS = frozenset({OrganisationKind.STARTUP, OrganisationKind.ENTREPRISE})


@dataclass(frozen=True)
class Facts:
    """What the rules need to know about an application."""

    label: str
    organisation_kind: str = ""
    organisation_created_on: datetime.date | None = None
    deadline: datetime.date | None = None
    attachment_count: int = 0
    has_other_application_for_siren: bool = False


@dataclass
class Result:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.errors


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def startup_is_young_enough(created_on: datetime.date, deadline: datetime.date) -> bool:
    """A start-up created 4 years or less before the deadline is accepted (the anniversary day included)."""
    return created_on >= years_before(deadline, STARTUP_MAX_AGE_YEARS)


def organisation_errors(facts: Facts) -> list[tuple[str, str]]:
    """The hard rules on the organisation alone, as (field name, message): shown next to the field at step 1.

    They need nothing but what the applicant just typed and the campaign, so the first step can refuse a
    start-up created too early as soon as its date is entered, long before the summary.
    """
    errors = []
    if facts.label == TERRITOIRE_INNOVANT:
        if facts.organisation_kind and facts.organisation_kind not in LOCAL_GOVERNMENT_KINDS:
            errors.append(("org_kind", _(
                "Le label « Territoire innovant » est réservé aux collectivités territoriales "
                "(communes, intercommunalités, métropoles, départements, régions).")))
    elif facts.label == STARTUP_INTERCONNECTEE:
        if facts.organisation_kind and facts.organisation_kind not in STARTUP_KINDS:
            errors.append(("org_kind", _("Le label « Start-up interconnectée » est réservé aux entreprises.")))
        if facts.organisation_created_on and facts.deadline:
            if facts.organisation_created_on > facts.deadline:
                errors.append(("org_created_on", _("La date de création ne peut pas être postérieure à la clôture.")))
            elif not startup_is_young_enough(facts.organisation_created_on, facts.deadline):
                errors.append(("org_created_on", _(
                    "Le label « Start-up interconnectée » est réservé aux entreprises créées moins de "
                    "4 ans avant la date de clôture.")))
    return errors


def check(facts: Facts) -> Result:
    result = Result(errors=[message for _field, message in organisation_errors(facts)])
    if facts.has_other_application_for_siren:
        result.errors.append(_("Une candidature existe déjà pour cette organisation (même SIREN) dans cette campagne."))
    if facts.attachment_count == 0:
        result.warnings.append(_("Aucune pièce jointe : le jury appréciera des documents illustrant le projet."))
    return result
