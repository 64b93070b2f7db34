"""Plain descriptions of an event or a session, built by the pages and read by ical.py and jsonld.py."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    room: str = ""
    latitude: float | None = None
    longitude: float | None = None

    def location_line(self) -> str:
        """"Salle Noire, CCCOD, Jardin François 1er, 37000 Tours"."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.room, self.name, self.street, town) if part)


@dataclass(frozen=True)
class Performer:
    name: str
    title: str = ""  # the title held at that date
    organisation: str = ""


@dataclass(frozen=True)
class Entry:
    uid: str
    name: str
    url: str
    start: datetime.datetime | None
    end: datetime.datetime | None
    sequence: int = 0
    description: str = ""
    status: str = "scheduled"  # scheduled | cancelled | postponed
    previous_start: datetime.datetime | None = None
    last_modified: datetime.datetime | None = None
    place: Place | None = None
    live_stream_url: str = ""
    organizers: tuple = ()  # (name, url) pairs
    performers: tuple[Performer, ...] = ()
    series: tuple | None = None  # (name, url) of the tour
    all_day: bool = False  # whole days: start at the first day's midnight, end at the midnight after the last
