"""iCalendar (RFC 5545) files for events, sessions and the agenda feed, from plain Entry values.

Written for what calendar clients actually read (ical.js, node-ical, vobject, Outlook, Apple, Google):

* a whole-day event is a DATE (`DTSTART;VALUE=DATE`, `DTEND` the day after its last day, exclusive), never
  midnight to midnight, which clients draw as a 00:00-24:00 block;
* the VTIMEZONE is written here from the tz database's own transitions: one date per `RDATE` line (several
  dates on one line are read as one by some clients), and each onset at the local time before the change,
  as RFC 5545 (3.6.5) defines `DTSTART` in STANDARD and DAYLIGHT (02:00 in March, 03:00 in October for
  Paris).
"""

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vUri

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
    timed = [(start, end) for entry, start, end in dated if not entry.all_day]
    if timed:  # only timed events refer to the time zone
        first = min(start for start, _end in timed).date()
        last = max(end for _start, end in timed).date()
        calendar.add_component(vtimezone(TZID, first - datetime.timedelta(days=366),
                                          last + datetime.timedelta(days=366)))
    for entry, start, end in dated:
        calendar.add_component(_event(entry, start, end, stamp))
    return calendar.to_ical()


def _event(entry: Entry, start: datetime.datetime, end: datetime.datetime, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if entry.all_day:  # the end is already the next day's midnight: the exclusive DATE end RFC 5545 wants
        event.add("dtstart", start.astimezone(PARIS).date())
        event.add("dtend", end.astimezone(PARIS).date())
    else:
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


def transitions(tzid: str, first: datetime.date, last: datetime.date) -> list[tuple]:
    """The zone's offset changes between two dates: (UTC instant, offset before, offset after, name after).

    Found by scanning the days, then the seconds of a day whose offset changes: the zoneinfo module has no
    public list of transitions.
    """
    zone = ZoneInfo(tzid)
    day = datetime.timedelta(days=1)
    moment = datetime.datetime.combine(first, datetime.time(), tzinfo=datetime.UTC)
    end = datetime.datetime.combine(last, datetime.time(), tzinfo=datetime.UTC)
    found = []
    while moment < end:
        before, after = moment.astimezone(zone).utcoffset(), (moment + day).astimezone(zone).utcoffset()
        if before != after:
            low, high = int(moment.timestamp()), int((moment + day).timestamp())  # `before` at low, `after` at high
            while high - low > 1:
                middle = (low + high) // 2
                if datetime.datetime.fromtimestamp(middle, zone).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            change = datetime.datetime.fromtimestamp(high, datetime.UTC)
            found.append((change, before, after, change.astimezone(zone).tzname()))
        moment += day
    return found


def vtimezone(tzid: str, first: datetime.date, last: datetime.date) -> Timezone:
    """The VTIMEZONE of `tzid` between two dates: a STANDARD or DAYLIGHT per kind of change, its first onset as
    DTSTART and each later one on an RDATE line of its own, all at the local time before the change."""
    timezone = Timezone()
    timezone.add("tzid", tzid)
    components: dict[tuple, TimezoneStandard | TimezoneDaylight] = {}
    for instant, before, after, name in transitions(tzid, first, last):
        onset = (instant + before).replace(tzinfo=None)  # the wall clock just before the change
        key = (before, after, name)
        if key not in components:
            component = TimezoneDaylight() if after > before else TimezoneStandard()
            component.add("dtstart", onset)
            component.add("tzname", name)
            component.add("tzoffsetfrom", before)
            component.add("tzoffsetto", after)
            components[key] = component
        else:
            components[key].add("rdate", onset)
    if not components:  # no change in the period: one STANDARD with the zone's offset throughout
        zone = ZoneInfo(tzid)
        moment = datetime.datetime.combine(first, datetime.time(), tzinfo=zone)
        component = TimezoneStandard()
        component.add("dtstart", moment.replace(tzinfo=None))
        component.add("tzname", moment.tzname())
        component.add("tzoffsetfrom", moment.utcoffset())
        component.add("tzoffsetto", moment.utcoffset())
        components[()] = component
    for component in components.values():
        timezone.add_component(component)
    return timezone
