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
    if entries:
        first = min(entry.start for entry in entries).date()
        last = max(entry.end for entry in entries).date()
        calendar.add_component(
            Timezone.from_tzid(TZID, first_date=first - datetime.timedelta(days=366),
                               last_date=last + datetime.timedelta(days=366))
        )
    for entry in entries:
        calendar.add_component(_event(entry, stamp))
    return calendar.to_ical()


def _event(entry: Entry, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("dtstart", entry.start.astimezone(PARIS))
    event.add("dtend", entry.end.astimezone(PARIS))
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
