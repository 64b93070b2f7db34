"""The pure modules: times across the daylight-saving change, programme rules, grouping, .ics, JSON-LD."""

import datetime
import json

from icalendar import Calendar

from events import ical, jsonld, timeline
from events.entries import Entry, Performer, Place
from events.programme import Slot, event_errors, session_errors, times_signature

D, T = datetime.date, datetime.time
UTC = datetime.UTC


def test_local_times_follow_the_daylight_saving_change():
    # 26 March 2028: clocks go forward at 2:00 in Paris (UTC+1 -> UTC+2).
    before = timeline.local_datetime(D(2028, 3, 25), T(9, 0))
    after = timeline.local_datetime(D(2028, 3, 26), T(9, 0))
    assert before.astimezone(UTC).hour == 8
    assert after.astimezone(UTC).hour == 7
    # 27 October 2024: clocks go back; from 9:00 to 9:00 the next day lasts 25 hours.
    start, end = timeline.event_bounds(D(2024, 10, 26), D(2024, 10, 27), T(9, 0), T(9, 0))
    assert end.astimezone(UTC) - start.astimezone(UTC) == datetime.timedelta(hours=25)


def test_event_bounds_without_times_cover_whole_days():
    start, end = timeline.event_bounds(D(2024, 4, 3), D(2024, 4, 4))
    assert start == datetime.datetime(2024, 4, 3, tzinfo=timeline.PARIS)
    assert end == datetime.datetime(2024, 4, 5, tzinfo=timeline.PARIS)


def test_phase():
    start = datetime.datetime(2025, 6, 24, 8, 30, tzinfo=timeline.PARIS)
    end = datetime.datetime(2025, 6, 24, 16, 30, tzinfo=timeline.PARIS)
    assert timeline.phase(start, end, start - datetime.timedelta(seconds=1)) == "before"
    assert timeline.phase(start, end, start) == "during"
    assert timeline.phase(start, end, end) == "after"


def test_event_errors():
    assert event_errors(D(2025, 6, 24), D(2025, 6, 23), None, None)[0][1] == "end_date"
    assert event_errors(D(2025, 6, 24), None, T(16, 0), T(9, 0))[0][1] == "end_time"
    assert event_errors(D(2024, 4, 3), D(2024, 4, 4), T(16, 0), T(9, 0)) == []  # daily times on several days
    errors = event_errors(D(2026, 1, 10), None, None, None, tour_bounds=(D(2024, 9, 1), D(2025, 9, 30)))
    assert errors[0][1] == "start_date"
    assert "en dehors de la saison" in errors[0][2]
    assert event_errors(D(2025, 1, 10), None, None, None, tour_bounds=(D(2024, 9, 1), D(2025, 9, 30))) == []


def test_session_errors():
    day = D(2025, 6, 24)
    slots = [
        Slot(0, day, T(14, 30), T(16, 0), room=1, title="Atelier A"),
        Slot(1, day, T(14, 30), T(16, 0), room=2, title="Atelier B"),  # parallel, other room: fine
        Slot(2, day, T(15, 0), T(15, 30), room=1, title="Atelier C"),  # overlaps A in room 1
        Slot(3, day, T(16, 0), T(15, 0), room=None),  # ends before it starts
        Slot(4, D(2025, 6, 25), T(9, 0), T(10, 0), room=None),  # outside the event
        Slot(5, day, T(16, 0), T(16, 15), room=1),  # starts when A ends: fine
    ]
    errors = {(index, field) for index, field, _message in session_errors(slots, day, day)}
    assert errors == {(2, "start_time"), (3, "end_time"), (4, "day")}
    message = [m for i, _f, m in session_errors(slots, day, day) if i == 2][0]
    assert "Atelier A" in message


def test_times_signature_changes_only_with_times():
    first = times_signature((D(2025, 6, 24), T(8, 30)), [("a", T(9, 0), T(10, 0)), ("b", T(10, 0), T(11, 0))])
    reordered = times_signature((D(2025, 6, 24), T(8, 30)), [("b", T(10, 0), T(11, 0)), ("a", T(9, 0), T(10, 0))])
    moved = times_signature((D(2025, 6, 24), T(8, 30)), [("a", T(9, 15), T(10, 0)), ("b", T(10, 0), T(11, 0))])
    assert first == reordered != moved


PLACE = Place(name="CCCOD", street="Jardin François 1er", postcode="37000", city="Tours",
              region="Centre-Val de Loire", room="Salle Noire", latitude=47.3961, longitude=0.6922)


def entry(**overrides):
    values = dict(
        uid="0d6f7c1e-0000-4000-8000-000000000001@interconnectes", name="L'IA au service des territoires",
        url="https://example.org/agenda/tours/", sequence=2,
        start=datetime.datetime(2024, 10, 27, 1, 30, tzinfo=timeline.PARIS),
        end=datetime.datetime(2024, 10, 27, 16, 30, tzinfo=timeline.PARIS),
        last_modified=datetime.datetime(2024, 10, 1, 12, 0, tzinfo=UTC), place=PLACE,
        organizers=(("Les Interconnectés", "https://www.interconnectes.com"),),
        performers=(Performer("Céline Colucci", "Déléguée générale", "Les Interconnectés"),),
        series=("Journées experts 2024-2025", "https://example.org/agenda/je/"),
    )
    values.update(overrides)
    return Entry(**values)


def test_ical_round_trip():
    stamp = datetime.datetime(2024, 10, 2, 8, 0, tzinfo=UTC)
    calendar = Calendar.from_ical(ical.build_calendar([entry()], name="Agenda", stamp=stamp))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == ical.PRODID
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Paris"]
    assert {component.name for component in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == "0d6f7c1e-0000-4000-8000-000000000001@interconnectes"
    assert event["SEQUENCE"] == 2
    assert str(event["SUMMARY"]) == "L'IA au service des territoires"
    start = event.decoded("DTSTART")
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    # 1:30 in Paris on the day clocks go back is still summer time (UTC+2): 23:30 UTC the day before.
    assert start.astimezone(UTC) == datetime.datetime(2024, 10, 26, 23, 30, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == datetime.datetime(2024, 10, 27, 15, 30, tzinfo=UTC)
    assert event.decoded("LAST-MODIFIED") == datetime.datetime(2024, 10, 1, 12, 0, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == stamp
    assert str(event["LOCATION"]) == "Salle Noire, CCCOD, Jardin François 1er, 37000 Tours"
    assert str(event["URL"]) == "https://example.org/agenda/tours/"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_ical_cancelled_event():
    calendar = Calendar.from_ical(ical.build_calendar([entry(status="cancelled")], stamp=datetime.datetime.now(UTC)))
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_jsonld_of_a_live_streamed_event():
    data = jsonld.event_dict(entry(live_stream_url="https://example.org/direct"))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-10-27T01:30:00+02:00"
    assert data["endDate"] == "2024-10-27T16:30:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["postalCode"] == "37000"
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/direct"}
    assert data["organizer"] == [{"@type": "Organization", "name": "Les Interconnectés",
                                  "url": "https://www.interconnectes.com"}]
    assert data["performer"][0]["jobTitle"] == "Déléguée générale"
    assert data["superEvent"]["@type"] == "EventSeries"


def test_jsonld_cancelled_postponed_and_without_venue():
    cancelled = jsonld.event_dict(entry(status="cancelled", place=None))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert "location" not in cancelled
    previous = datetime.datetime(2024, 9, 1, 9, 0, tzinfo=timeline.PARIS)
    postponed = jsonld.event_dict(entry(status="postponed", previous_start=previous))
    assert postponed["eventStatus"] == "https://schema.org/EventRescheduled"
    assert postponed["previousStartDate"] == "2024-09-01T09:00:00+02:00"


def test_jsonld_script_tag_cannot_be_closed_by_content():
    html = jsonld.script_tag(jsonld.event_dict(entry(name="</script><script>alert(1)</script> & co")))
    assert html.count("</script>") == 1
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["name"] == "</script><script>alert(1)</script> & co"
