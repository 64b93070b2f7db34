"""schema.org Event JSON-LD, as a plain dict built from an Entry, and its safe <script> rendering.

Google's Event rich result needs a name, a start date and a location; it
recommends an end date, a description, an image, the organiser, the
performers, the attendance mode and the status. A whole-day event gives
dates without times (a time would say it starts at midnight), a venue a
`Place` with its postal address, an event whose venue is not known yet the
city as a `Place`, a live stream a `VirtualLocation`.
"""

import datetime
from typing import Any

from django.utils import timezone

from events.entries import Entry, Place
from interconnectes.jsonld import script_tag

__all__ = ["event_dict", "script_tag"]

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventRescheduled",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def attendance_mode(entry: Entry, has_place: bool) -> str:
    if entry.live_stream_url:
        return MIXED if has_place else ONLINE
    return OFFLINE


def event_dict(entry: Entry, *, image: str = "", town: Place | None = None,
               organizer: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Event of `entry`; `image` an absolute URL, `town` the city when the venue is unknown, `organizer` who
    organises it when the entry names nobody. A whole-day event has its first and last days as dates."""
    has_place = entry.place is not None or town is not None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": entry.url,
        "name": entry.name,
        "url": entry.url,
        "eventStatus": STATUS.get(entry.status, STATUS["scheduled"]),
        "eventAttendanceMode": attendance_mode(entry, has_place),
    }
    if entry.all_day and entry.start and entry.end:  # the entry ends at the midnight after its last day
        data["startDate"] = timezone.localdate(entry.start).isoformat()
        data["endDate"] = (timezone.localdate(entry.end) - datetime.timedelta(days=1)).isoformat()
    elif entry.start and entry.end:
        data["startDate"] = entry.start.isoformat()
        data["endDate"] = entry.end.isoformat()
    if entry.description:
        data["description"] = entry.description
    if entry.status == "postponed" and entry.previous_start:
        data["previousStartDate"] = entry.previous_start.isoformat()
    locations: list[dict[str, Any]] = []
    if entry.place:
        place: dict[str, Any] = {
            "@type": "Place",
            "name": entry.place.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": entry.place.street,
                "postalCode": entry.place.postcode,
                "addressLocality": entry.place.city,
                "addressRegion": entry.place.region,
                "addressCountry": "FR",
            },
        }
        if entry.place.latitude is not None and entry.place.longitude is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": entry.place.latitude,
                            "longitude": entry.place.longitude}
        locations.append(place)
    elif town is not None:
        locations.append({"@type": "Place", "name": town.city, "address": {
            "@type": "PostalAddress", "addressLocality": town.city, "addressRegion": town.region,
            "addressCountry": "FR"}})
    if entry.live_stream_url:
        locations.append({"@type": "VirtualLocation", "url": entry.live_stream_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if image:
        data["image"] = [image]
    if entry.organizers:
        data["organizer"] = [
            {"@type": "Organization", "name": name, **({"url": url} if url else {})} for name, url in entry.organizers
        ]
    elif organizer:
        data["organizer"] = organizer
    if entry.performers:
        data["performer"] = [_person(performer) for performer in entry.performers]
    if entry.series:
        name, url = entry.series
        data["superEvent"] = {"@type": "EventSeries", "name": name, "url": url}
    return data


def _person(performer):
    person = {"@type": "Person", "name": performer.name}
    if performer.title:
        person["jobTitle"] = performer.title
    if performer.organisation:
        person["affiliation"] = {"@type": "Organization", "name": performer.organisation}
    return person
