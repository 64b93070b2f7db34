"""The phase of a label campaign, computed from its dates and a clock.

Pure: no ORM, no request, no hidden call to the current time. The deadline is
inclusive to the second: `closes_at` is entered to the second and stored at
`:SS.000000`, and the whole of that second is on time (23:59:59.4 included);
the next second (00:00:00.0) is late. Every comparison with a deadline goes
through `is_before_deadline` or `current_second`.
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
    if is_before_deadline(closes_at, now):
        return Phase.OPEN
    if jury_starts_at is not None and now >= jury_starts_at:
        return Phase.JURY
    return Phase.CLOSED


def current_second(now: datetime.datetime) -> datetime.datetime:
    """The start of the second `now` falls in: a deadline at or after it has not passed (also for querysets,
    `closes_at__gte=current_second(now)`)."""
    return now.replace(microsecond=0)


def is_before_deadline(closes_at: datetime.datetime, now: datetime.datetime) -> bool:
    """True up to the end of the closing second: 0.4 s past `closes_at` is still within it."""
    _require_aware(closes_at, now)
    return closes_at >= current_second(now)


def seconds_left(closes_at: datetime.datetime, now: datetime.datetime) -> int:
    """Whole seconds until the deadline (0 once it has passed), for the countdown."""
    return max(0, int((closes_at - now).total_seconds()))
