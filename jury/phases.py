"""The phases of a jury round, and what each allows, from the round's dates and a clock.

No ORM, no request and no hidden clock: callers pass `now` (`interconnectes.clock.now()`,
the project's one clock), so each rule is tested on hand-written dates.
"""

import datetime
from enum import StrEnum

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


def scoring_opens_at(opens_at: datetime.datetime, applications_close_at: datetime.datetime | None):
    """When scoring really opens: the round's opening, never before the campaign closes to applicants (the
    jury scores files that can no longer change; the closing second still belongs to applicants)."""
    if applications_close_at is None or opens_at > applications_close_at:
        return opens_at
    return applications_close_at + datetime.timedelta(seconds=1)


def scoring_has_opened(phase: RoundPhase) -> bool:
    """From the opening of scoring on, the round's criteria are frozen (`jury.services.criteria`)."""
    return phase != RoundPhase.UPCOMING


def others_scores_visible(deliberation_opens_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """A juror sees the other jurors' scores only once the deliberation has opened."""
    return deliberation_opens_at is not None and now >= deliberation_opens_at


def phase_refusal(phase: RoundPhase, unlocked: bool, *, published: bool = False):
    """Why scores cannot be saved at this moment of the round (a French message), or None.

    Once the campaign's results are published no score changes, whatever the
    phase or an unlock says: the scores are what the results were decided on.
    """
    if published:
        return _("Les résultats de la campagne sont publiés : les notes ne peuvent plus être modifiées.")
    if phase == RoundPhase.UPCOMING:
        return _("La notation de ce tour n'est pas encore ouverte.")
    if phase in (RoundPhase.CLOSED, RoundPhase.DELIBERATION) and not unlocked:
        return _("Ce tour est clos : les notes ne peuvent plus être modifiées.")
    return None
