"""iCalendar (RFC 5545) files for events, sessions and the agenda feed, from plain Entry values."""

import datetime

from icalendar import Calendar, Event, Timezone, vUri

from events.entries import Entry
from events.timeline import PARIS

PRODID = "-//Les Interconnectés//Agenda//FR"
TZID = "Europe/Paris"

STATUS = {"scheduled": "CONFIRMED", "postponed": "CONFIRMED", "cancelled": "CANCELLED"}


def build_calendar(entries: list[Entry], *, name: str = "", stamp: datetime.datetime) -> bytes:
    """One VCALENDAR holding a VEVENT per entry and the VTIMEZONE of Europe/Paris they refer to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    calendar.add("x-wr-timezone", TZID)
    dated = [(entry, entry.start, entry.end) for entry in entries if entry.start and entry.end]  # undated: none
    if dated:
        first = min(start for _entry, start, _end in dated).date()
        last = max(end for _entry, _start, end in dated).date()
        calendar.add_component(
            Timezone.from_tzid(TZID, first_date=first - datetime.timedelta(days=366),
                               last_date=last + datetime.timedelta(days=366))
        )
    for entry, start, end in dated:
        calendar.add_component(_event(entry, start, end, stamp))
    return calendar.to_ical()


def _event(entry: Entry, start: datetime.datetime, end: datetime.datetime, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("dtstart", start.astimezone(PARIS))
    event.add("dtend", end.astimezone(PARIS))
    event.add("sequence", entry.sequence)
    event.add("summary", entry.name)
    if entry.last_modified:
        event.add("last-modified", entry.last_modified.astimezone(datetime.UTC))
    description = entry.description
    if entry.live_stream_url:
        description = "\n\n".join(filter(None, [description, f"Diffusion en direct : {entry.live_stream_url}"]))
    if description:
        event.add("description", description)
    if entry.place:
        event.add("location", entry.place.location_line())
        if entry.place.latitude is not None and entry.place.longitude is not None:
            event.add("geo", (entry.place.latitude, entry.place.longitude))
    event.add("url", vUri(entry.url))
    event.add("status", STATUS.get(entry.status, "CONFIRMED"))
    return event
