"""Validation rules of an event and its programme, as plain functions over plain values.

Each rule returns a list of (index, field, message) triples; index is the position of the session
in the submitted programme (None for an error on the event itself). Messages are in French.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Slot:
    index: int
    day: datetime.date | None
    start: datetime.time | None
    end: datetime.time | None
    room: object = None  # any hashable identifying the room (its pk), None when not set
    title: str = ""


def event_errors(start_date, end_date, start_time, end_time, tour_bounds=None):
    """Errors on the event's own dates: end before start, a stop outside its tour's season."""
    errors = []
    if start_date and end_date and end_date < start_date:
        errors.append((None, "end_date", _("La date de fin précède la date de début.")))
    single_day = start_date and (end_date is None or end_date == start_date)
    if single_day and start_time and end_time and end_time <= start_time:
        errors.append((None, "end_time", _("L'heure de fin doit suivre l'heure de début.")))
    if tour_bounds and start_date:
        tour_start, tour_end = tour_bounds
        if (tour_start and start_date < tour_start) or (tour_end and start_date > tour_end):
            errors.append((None, "start_date", _(
                "Cette étape est en dehors de la saison de la tournée (du %(start)s au %(end)s)."
            ) % {"start": _format(tour_start), "end": _format(tour_end)}))
    return errors


def session_errors(slots: list[Slot], start_date, end_date):
    """Errors on sessions: end before start, a day outside the event, two sessions at once in one room."""
    errors = []
    end_date = end_date or start_date
    for slot in slots:
        if slot.start and slot.end and slot.end <= slot.start:
            errors.append((slot.index, "end_time", _("La session se termine avant de commencer.")))
        if slot.day and start_date and not (start_date <= slot.day <= end_date):
            errors.append((slot.index, "day", _(
                "Cette session a lieu le %(day)s, en dehors des dates de l'événement (du %(start)s au %(end)s)."
            ) % {"day": _format(slot.day), "start": _format(start_date), "end": _format(end_date)}))
    timed = [(s, s.start, s.end) for s in slots if s.day and s.start and s.end and s.end > s.start
             and s.room is not None]
    for position, (first, first_start, first_end) in enumerate(timed):
        for second, second_start, second_end in timed[position + 1:]:
            if first.room == second.room and first.day == second.day and first_start < second_end \
                    and second_start < first_end:
                errors.append((second.index, "start_time", _(
                    "Cette session chevauche « %(title)s » dans la même salle."
                ) % {"title": first.title or _("une autre session")}))
    return errors


def _format(day):
    return date_format(day, "j F Y") if day else "…"


@dataclass
class TimeSlot:
    start: datetime.time
    end: datetime.time
    sessions: list

    @property
    def is_parallel(self):
        return len(self.sessions) > 1


@dataclass
class ProgrammeDay:
    day: datetime.date
    slots: list


def group_programme(sessions) -> list[ProgrammeDay]:
    """Sessions grouped by day, then by identical time slot (parallel sessions share a slot), in time order."""
    days: dict = {}
    for session in sorted(sessions, key=lambda s: (s.day, s.start_time, s.end_time, s.sort_order or 0)):
        slots = days.setdefault(session.day, {})
        slots.setdefault((session.start_time, session.end_time), []).append(session)
    return [
        ProgrammeDay(day, [TimeSlot(start, end, items) for (start, end), items in slots.items()])
        for day, slots in days.items()
    ]


def times_signature(event_times, session_times) -> str:
    """A stable text of every date and time of an event and its sessions: it changes when the times change."""
    parts = [",".join(str(value) for value in event_times)]
    parts += sorted(",".join(str(value) for value in times) for times in session_times)
    return "|".join(parts)
