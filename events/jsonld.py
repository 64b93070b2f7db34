"""schema.org Event JSON-LD, as a plain dict built from an Entry, and its safe <script> rendering."""

import json
from typing import Any

from django.utils.safestring import mark_safe

from events.entries import Entry

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventRescheduled",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def event_dict(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": entry.url,
        "name": entry.name,
        "url": entry.url,
        "eventStatus": STATUS.get(entry.status, STATUS["scheduled"]),
        "eventAttendanceMode": MIXED if entry.live_stream_url else OFFLINE,
    }
    if entry.start and entry.end:
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
    if entry.live_stream_url:
        locations.append({"@type": "VirtualLocation", "url": entry.live_stream_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if entry.organizers:
        data["organizer"] = [
            {"@type": "Organization", "name": name, **({"url": url} if url else {})} for name, url in entry.organizers
        ]
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


def script_tag(data: dict) -> str:
    """<script type="application/ld+json"> with <, > and & escaped so the content cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # <, > and & are escaped above: the data can neither close the tag nor open another one.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # nosec B308 B703
