"""The programme's rules on plain values and a clock: when the visio link shows, which reminders are due, how
long a sequence lasts on an attestation. No request, no ORM: tested on hand-computed examples."""

import datetime
from collections.abc import Iterable

from events.timeline import PARIS

WEEK_BEFORE = 7  # days: the first reminder
DAY_BEFORE = 1  # days: the last reminder, and the day the visio link shows from
WEEK, DAY = "j-7", "j-1"  # the kinds of reminders (ReminderKind's values)
# Sequences further ahead than this have no reminder due.
REMINDER_HORIZON = datetime.timedelta(days=WEEK_BEFORE + 1)


def local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=PARIS)


def visio_opens_at(starts_at: datetime.datetime) -> datetime.datetime:
    """Midnight, Paris time, of the day before the sequence's day."""
    return local_midnight(starts_at.astimezone(PARIS).date() - datetime.timedelta(days=DAY_BEFORE))


def visio_link_visible(enrolled: bool, starts_at: datetime.datetime, ends_at: datetime.datetime,
                       now: datetime.datetime) -> bool:
    """An enrolled person sees the link from the day before the sequence until it ends; nobody else ever."""
    return enrolled and visio_opens_at(starts_at) <= now < ends_at


def due_reminders(starts_at: datetime.datetime, now: datetime.datetime) -> list[str]:
    """The reminders due at `now` for a sequence: the week's from 7 days before (Paris dates) until the day
    before, when the day's takes over; none once it has started. A run that missed the week's sends only the
    day's: two e-mails on the same day would say the same thing."""
    if now >= starts_at:
        return []
    days_left = (starts_at.astimezone(PARIS).date() - now.astimezone(PARIS).date()).days
    if days_left <= DAY_BEFORE:
        return [DAY]
    if days_left <= WEEK_BEFORE:
        return [WEEK]
    return []


def format_duration(duration: datetime.timedelta) -> str:
    """"2 h", "1 h 30", "45 min": how the attestation writes a duration (whole minutes)."""
    minutes = int(duration.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


def total_duration(spans: Iterable[tuple[datetime.datetime, datetime.datetime]]) -> datetime.timedelta:
    return sum((end - start for start, end in spans), datetime.timedelta())
