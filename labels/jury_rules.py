"""Rules of the jury as pure functions: round phases, obvious conflicts, score checks, who may score.

No ORM, no request and no hidden clock: the callers (labels/permissions.py,
labels/jury_services.py, the admin views) load the facts and pass `now`, so
every rule is tested on hand-written examples.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RoundPhase(StrEnum):
    UPCOMING = "a-venir"
    OPEN = "ouvert"
    CLOSED = "clos"
    DELIBERATION = "deliberation"

    @property
    def label(self):
        return ROUND_PHASE_LABELS[self]


ROUND_PHASE_LABELS = {
    RoundPhase.UPCOMING: _("À venir"),
    RoundPhase.OPEN: _("Notation ouverte"),
    RoundPhase.CLOSED: _("Notation close"),
    RoundPhase.DELIBERATION: _("Délibération"),
}


def round_phase(opens_at: datetime.datetime, closes_at: datetime.datetime, now: datetime.datetime, *,
                deliberation_opens_at: datetime.datetime | None = None) -> RoundPhase:
    """à venir → ouvert (closing second included) → clos → délibération (from `deliberation_opens_at`)."""
    for value in (opens_at, closes_at, now, deliberation_opens_at):
        if value is not None and timezone.is_naive(value):
            raise ValueError("Les dates d'un tour doivent porter un fuseau horaire.")
    if now < opens_at:
        return RoundPhase.UPCOMING
    if now <= closes_at:
        return RoundPhase.OPEN
    if deliberation_opens_at is not None and now >= deliberation_opens_at:
        return RoundPhase.DELIBERATION
    return RoundPhase.CLOSED


def others_scores_visible(deliberation_opens_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """A juror sees the other jurors' scores only once the deliberation has opened."""
    return deliberation_opens_at is not None and now >= deliberation_opens_at


def unlock_active(until: datetime.datetime, now: datetime.datetime) -> bool:
    return now <= until


# --- Obvious conflicts -------------------------------------------------------------------------

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


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """Case, accents, punctuation and spacing removed: "Métropole  de Lyon" == "metropole-de-lyon"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    ascii_only = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return _NOT_ALNUM.sub(" ", ascii_only).strip()


def obvious_conflict(juror: JurorFacts, application: ApplicationFacts):
    """Why this pair is an obvious conflict (the juror's own organisation, the same SIREN), else None."""
    if juror.sirens & application.sirens:
        return _("Même SIREN que le juré")
    if juror.org_name and normalise_name(juror.org_name) == normalise_name(application.org_name):
        return _("Organisation du juré")
    return None


def flag_conflicts(jurors, applications) -> dict:
    """{(juror id, application id): reason} for every obvious conflict, flagged before anyone scores."""
    flagged = {}
    for juror in jurors:
        for application in applications:
            reason = obvious_conflict(juror, application)
            if reason is not None:
                flagged[(juror.id, application.id)] = reason
    return flagged


# --- Scores ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    """A criterion as the score form sees it."""

    id: int
    name: str
    max_score: int


def clean_scores(scales, values: dict, comments: dict) -> dict:
    """Checked {criterion id: (value or None, comment)} for the round's criteria, or a ValidationError.

    A value is a whole number from 0 to the criterion's maximum; None leaves
    the criterion unscored (the sheet may be finished later). A comment is
    required at the bottom of the scale, where the applicant deserves a reason.
    """
    by_id = {scale.id: scale for scale in scales}
    errors = {}
    unknown = set(values) - set(by_id)
    if unknown:
        errors["__all__"] = [_("Ce critère n'appartient pas à ce tour.")]
    cleaned = {}
    for criterion_id, scale in by_id.items():
        value = values.get(criterion_id)
        comment = (comments.get(criterion_id) or "").strip()
        if value is None or value == "":
            cleaned[criterion_id] = (None, comment)
            continue
        if isinstance(value, bool) or not isinstance(value, int | str):
            number = None
        else:
            try:
                number = int(value)
            except ValueError:
                number = None
            if isinstance(value, str) and number is not None and str(number) != value.strip():
                number = None
        if number is None:
            errors[str(criterion_id)] = [_("La note doit être un nombre entier.")]
        elif not 0 <= number <= scale.max_score:
            errors[str(criterion_id)] = [_("La note de « %(name)s » doit être comprise entre 0 et %(max)s.")
                                         % {"name": scale.name, "max": scale.max_score}]
        elif number == 0 and not comment:
            errors[str(criterion_id)] = [_("Un commentaire est requis pour la note la plus basse de « %(name)s ».")
                                         % {"name": scale.name}]
        else:
            cleaned[criterion_id] = (number, comment)
    if errors:
        raise ValidationError(errors)
    return cleaned


def access_refusal(*, own_sheet: bool, assigned: bool, in_round: bool, declared: bool, conflicted: bool):
    """Why this juror may not touch this sheet at all (a French message), or None."""
    if not own_sheet:
        return _("Vous ne pouvez pas noter à la place d'un autre juré.")
    if not (assigned and in_round):
        return _("Cette candidature ne vous est pas attribuée pour ce tour.")
    if conflicted:
        return _("Vous avez déclaré un conflit d'intérêts sur cette candidature.")
    if not declared:
        return _("Déclarez d'abord l'absence de conflit d'intérêts.")
    return None


def phase_refusal(phase: RoundPhase, unlocked: bool):
    """Why scores cannot be saved at this moment of the round (a French message), or None."""
    if phase == RoundPhase.UPCOMING:
        return _("La notation de ce tour n'est pas encore ouverte.")
    if phase in (RoundPhase.CLOSED, RoundPhase.DELIBERATION) and not unlocked:
        return _("Ce tour est clos : les notes ne peuvent plus être modifiées.")
    return None


def scoring_refusal(*, own_sheet: bool, assigned: bool, in_round: bool, declared: bool, conflicted: bool,
                    phase: RoundPhase, unlocked: bool):
    """Why a juror may not save scores on an application right now, or None if they may."""
    return (access_refusal(own_sheet=own_sheet, assigned=assigned, in_round=in_round, declared=declared,
                           conflicted=conflicted)
            or phase_refusal(phase, unlocked))
