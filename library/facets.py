"""The library's facets and its upkeep, on plain values: size bands, how alike two projects are, review dates.

No ORM, no request: `library.finder` turns these into database filters and
counts, the implementation page asks for similar projects with the weights
below, and the review reminders and the "à vérifier" badge read the dates.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REVIEW_MONTHS = 12  # a record is to be checked again a year after its last review
ERROR_REPORT_DAYS = 15  # owners have this long to answer a "signaler une erreur"


@dataclass(frozen=True)
class SizeBand:
    key: str  # the GET value and the export's value: stable
    label: str | Promise
    low: int  # inhabitants, included
    high: int | None  # excluded; None: no upper bound


SIZE_BANDS = (
    SizeBand("moins-de-10000", _("Moins de 10 000 habitants"), 0, 10_000),
    SizeBand("10000-50000", _("De 10 000 à 50 000 habitants"), 10_000, 50_000),
    SizeBand("50000-200000", _("De 50 000 à 200 000 habitants"), 50_000, 200_000),
    SizeBand("plus-de-200000", _("200 000 habitants et plus"), 200_000, None),
)
SIZE_BY_KEY = {band.key: band for band in SIZE_BANDS}


def size_band(population: int | None) -> SizeBand | None:
    """The band a population falls in; None when it is not known."""
    if population is None:
        return None
    return next(band for band in SIZE_BANDS if population >= band.low and (band.high is None or population < band.high))


# How much each shared fact counts when ranking "projets similaires": the same use case first, then the same
# theme or technique, then a collectivité like theirs.
SIMILARITY_WEIGHTS = {
    "use_case": 4,
    "theme": 2,
    "technique": 2,
    "region": 1,
    "kind": 1,
    "size": 1,
    "code": 1,
}


def similarity(mine: dict, theirs: dict) -> int:
    """The score of `theirs` next to `mine`: the weights of the facts both have and share (empty facts never
    match). What the database computes for the implementation page, written out for its tests."""
    return sum(weight for name, weight in SIMILARITY_WEIGHTS.items()
               if mine.get(name) and mine.get(name) == theirs.get(name))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has fewer days (29 February → 28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(reviewed_on: datetime.date) -> datetime.date:
    """When a record reviewed (published, updated, confirmed) on `reviewed_on` is to be checked again."""
    return add_months(reviewed_on, REVIEW_MONTHS)


def is_to_check(due_on: datetime.date | None, today: datetime.date) -> bool:
    """The "à vérifier" badge: once the review date is past (the day itself is still in time)."""
    return due_on is not None and due_on < today


def needs_reminder(due_on: datetime.date | None, reminded_on: datetime.date | None, today: datetime.date) -> bool:
    """Owners are reminded once per review date: on the day it comes (or the first run after it), not again
    until the record gets a new date."""
    return due_on is not None and due_on <= today and (reminded_on is None or reminded_on < due_on)


def report_due(reported_on: datetime.date) -> datetime.date:
    """When an error report is to be answered by."""
    return reported_on + datetime.timedelta(days=ERROR_REPORT_DAYS)


def is_broken(status_code: int | None) -> bool:
    """A link that did not answer (no status), or answered an error (4xx, 5xx). Redirections are not followed
    (they may lead anywhere, an internal address included): a 3xx counts as alive."""
    return status_code is None or status_code >= 400
