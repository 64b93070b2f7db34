"""The phase of a label campaign, computed from its dates and a clock.

Pure: no ORM, no request, no hidden call to the current time. The deadline is
inclusive to the second: an application submitted at `closes_at` exactly is on
time, one second later it is late.
"""

import datetime
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Phase(StrEnum):
    UPCOMING = "a-venir"
    OPEN = "ouvertes"
    CLOSED = "cloturees"
    JURY = "jury"
    RESULTS = "resultats"

    @property
    def label(self):
        return PHASE_LABELS[self]


PHASE_LABELS = {
    Phase.UPCOMING: _("À venir"),
    Phase.OPEN: _("Candidatures ouvertes"),
    Phase.CLOSED: _("Candidatures clôturées"),
    Phase.JURY: _("Délibération du jury"),
    Phase.RESULTS: _("Résultats publiés"),
}


def _require_aware(*values):
    for value in values:
        if value is not None and timezone.is_naive(value):
            raise ValueError("Les dates d'une campagne doivent porter un fuseau horaire.")


def campaign_phase(
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    now: datetime.datetime,
    *,
    jury_starts_at: datetime.datetime | None = None,
    results_published_at: datetime.datetime | None = None,
) -> Phase:
    """Phase at `now`: à venir → ouvertes → clôturées → jury → résultats publiés.

    `jury_starts_at` and `results_published_at` are optional: without them a
    closed campaign stays "clôturée".
    """
    _require_aware(opens_at, closes_at, now, jury_starts_at, results_published_at)
    if results_published_at is not None and now >= results_published_at:
        return Phase.RESULTS
    if now < opens_at:
        return Phase.UPCOMING
    if now <= closes_at:
        return Phase.OPEN
    if jury_starts_at is not None and now >= jury_starts_at:
        return Phase.JURY
    return Phase.CLOSED


def is_before_deadline(closes_at: datetime.datetime, now: datetime.datetime) -> bool:
    """True up to and including the closing second."""
    _require_aware(closes_at, now)
    return now <= closes_at


def seconds_left(closes_at: datetime.datetime, now: datetime.datetime) -> int:
    """Whole seconds until the deadline (0 once it has passed), for the countdown."""
    return max(0, int((closes_at - now).total_seconds()))
