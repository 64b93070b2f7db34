"""Event times: dates and naive local times stored, aware Europe/Paris datetimes computed here.

Pure functions, no ORM: the phase of an event (before, during, after) depends only on its
bounds and a clock value passed in (see interconnectes.clock).
"""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

BEFORE, DURING, AFTER = "before", "during", "after"


def local_datetime(day: datetime.date, time: datetime.time | None, *, end: bool = False) -> datetime.datetime:
    """The aware datetime of a local (Europe/Paris) date and wall-clock time.

    Without a time, the start of the day (or the end of it for an end bound) is used.
    """
    if time is None:
        if end:
            return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0), tzinfo=PARIS)
        time = datetime.time(0)
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def event_bounds(start_date, end_date, start_time=None, end_time=None):
    """(start, end) aware datetimes of an event spanning start_date..end_date, daily times optional."""
    end_date = end_date or start_date
    return local_datetime(start_date, start_time), local_datetime(end_date, end_time, end=True)


def phase(start: datetime.datetime, end: datetime.datetime, now: datetime.datetime) -> str:
    if now < start:
        return BEFORE
    if now < end:
        return DURING
    return AFTER


def local_today(now: datetime.datetime) -> datetime.date:
    return now.astimezone(PARIS).date()


def local_time(now: datetime.datetime) -> datetime.time:
    return now.astimezone(PARIS).time().replace(tzinfo=None)
