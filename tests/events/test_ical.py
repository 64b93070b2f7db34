"""The calendars every client reads the same: whole days as DATEs, and a VTIMEZONE with one date per RDATE line
and its changes at the local time before them (RFC 5545, 3.3.5, 3.6.5 and 3.8.2.4).

Four readers check the files: `icalendar` (the generator's own library); two independent parsers as calendar
clients use them, `vobject` (which turns the file's own VTIMEZONE into the time zone, through dateutil's
`tzical`) and `recurring-ical-events` (which expands events as a client's agenda view does); and the reader
below, written from the RFC's text alone, with `dateutil` for RRULEs, checked first against the RFC's own
VTIMEZONE example.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import vobject
from dateutil.rrule import rrulestr
from icalendar import Calendar

from events import ical, timeline
from events.entries import Entry

UTC = datetime.UTC
PARIS = ZoneInfo("Europe/Paris")

# RFC 5545, 3.6.5: "the current rules for New York City", as printed in the RFC.
RFC_NEW_YORK = """BEGIN:VTIMEZONE
TZID:America/New_York
LAST-MODIFIED:20050809T050000Z
BEGIN:STANDARD
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
END:VTIMEZONE
"""


# --- A reader written from RFC 5545 alone --------------------------------------------------------

def unfold(text: str) -> list[str]:
    """Content lines (3.1): a line starting with a space or a tab continues the previous one."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def blocks(lines: list[str], name: str) -> list[list[str]]:
    """The content lines of each BEGIN:name ... END:name block (not nested in one another)."""
    found, current = [], None
    for line in lines:
        if line == f"BEGIN:{name}":
            current = []
        elif line == f"END:{name}":
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def prop(line: str) -> tuple[str, dict, str]:
    """(name, parameters, value) of a content line without quoted parameters."""
    head, value = line.split(":", 1)
    name, *params = head.split(";")
    return name, dict(param.split("=", 1) for param in params), value


def offset(text: str) -> datetime.timedelta:
    sign = -1 if text[0] == "-" else 1
    return sign * datetime.timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def local(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, "%Y%m%dT%H%M%S")


def onsets(vtimezone: str, until: datetime.datetime) -> list[tuple[datetime.datetime, datetime.timedelta]]:
    """Each observance's onsets as (UTC instant, offset from then on), sorted. An onset's DTSTART, RDATE and
    RRULE are local times in the offset in use before it (TZOFFSETFROM), 3.6.5."""
    lines = unfold(vtimezone)
    found = []
    for kind in ("STANDARD", "DAYLIGHT"):
        for block in blocks(lines, kind):
            props = [prop(line) for line in block]
            values = {name: value for name, _params, value in props}
            before, after = offset(values["TZOFFSETFROM"]), offset(values["TZOFFSETTO"])
            start = local(values["DTSTART"])
            times = [start] + [local(value) for name, _params, value in props if name == "RDATE"]
            if "RRULE" in values:
                times += list(rrulestr(values["RRULE"], dtstart=start).between(start, until, inc=True))
            found += [(moment - before, after) for moment in times]
    return sorted(found)


def to_utc(vtimezone: str, wall_clock: datetime.datetime) -> datetime.datetime:
    """A local time of the zone in UTC: the offset of the last onset before it."""
    changes = onsets(vtimezone, wall_clock + datetime.timedelta(days=400))
    current = None
    for instant, after in changes:
        if wall_clock - after >= instant:
            current = after
    assert current is not None, "no observance covers this time"
    return (wall_clock - current).replace(tzinfo=UTC)


def test_the_reader_follows_the_rfcs_own_example():
    """New York's rules as RFC 5545 prints them: winter at -05:00, summer at -04:00, the change at 02:00 local."""
    assert to_utc(RFC_NEW_YORK, datetime.datetime(2024, 1, 15, 12, 0)) == datetime.datetime(2024, 1, 15, 17, 0,
                                                                                            tzinfo=UTC)
    assert to_utc(RFC_NEW_YORK, datetime.datetime(2024, 7, 15, 12, 0)) == datetime.datetime(2024, 7, 15, 16, 0,
                                                                                            tzinfo=UTC)
    # 10 March 2024: 01:59 EST is just before the change at 02:00 EST (07:00 UTC), 03:00 EDT just after.
    assert to_utc(RFC_NEW_YORK, datetime.datetime(2024, 3, 10, 1, 59)).hour == 6
    assert to_utc(RFC_NEW_YORK, datetime.datetime(2024, 3, 10, 3, 0)).hour == 7


# --- The site's calendars ------------------------------------------------------------------------

def entry(uid, start, end, **fields):
    return Entry(uid=f"{uid}@interconnectes", name=uid, url=f"https://example.org/{uid}/", start=start, end=end,
                 **fields)


WINTER = entry("paris-janvier", datetime.datetime(2025, 1, 21, 9, 0, tzinfo=PARIS),
               datetime.datetime(2025, 1, 21, 17, 0, tzinfo=PARIS))
SUMMER = entry("tours", datetime.datetime(2025, 6, 24, 8, 30, tzinfo=PARIS),
               datetime.datetime(2025, 6, 24, 16, 30, tzinfo=PARIS))
FORUM = entry("forum", *timeline.event_bounds(datetime.date(2025, 3, 10), datetime.date(2025, 3, 11)), all_day=True)
STAMP = datetime.datetime(2025, 1, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def agenda_file():
    return ical.build_calendar([WINTER, FORUM, SUMMER], name="Agenda", stamp=STAMP).decode()


def events_of(text):
    return {dict(prop(line)[::2] for line in block)["UID"]: block for block in blocks(unfold(text), "VEVENT")}


def test_a_whole_day_event_is_written_as_dates_ending_the_day_after(agenda_file):
    forum = events_of(agenda_file)["forum@interconnectes"]
    assert "DTSTART;VALUE=DATE:20250310" in forum
    assert "DTEND;VALUE=DATE:20250312" in forum  # exclusive: the Forum is the 10th and the 11th
    event = {str(e["UID"]): e for e in Calendar.from_ical(agenda_file).walk("VEVENT")}["forum@interconnectes"]
    assert event.decoded("DTSTART") == datetime.date(2025, 3, 10)
    assert event.decoded("DTEND") == datetime.date(2025, 3, 12)


def test_a_calendar_of_whole_days_only_has_no_time_zone():
    text = ical.build_calendar([FORUM], stamp=STAMP).decode()
    assert "BEGIN:VTIMEZONE" not in text and "TZID" not in text


def test_the_time_zone_has_one_date_per_rdate_line_and_changes_at_the_local_time_before(agenda_file):
    [vtimezone] = blocks(unfold(agenda_file), "VTIMEZONE")
    rdates = [line for line in vtimezone if line.startswith("RDATE")]
    assert rdates and all("," not in line for line in rdates)
    starts = {}
    for kind in ("DAYLIGHT", "STANDARD"):
        [block] = blocks(vtimezone, kind)
        starts[kind] = [prop(line)[2] for line in block if re.match("(DTSTART|RDATE)[:;]", line)]
    # Summer time starts at 02:00 (CET) on the last Sunday of March and ends at 03:00 (CEST) on the last
    # Sunday of October, a year either side of the events.
    assert starts["DAYLIGHT"] == ["20240331T020000", "20250330T020000", "20260329T020000"]
    assert starts["STANDARD"] == ["20241027T030000", "20251026T030000"]


@pytest.mark.parametrize(("uid", "utc_start", "utc_end"), [
    ("paris-janvier@interconnectes", datetime.datetime(2025, 1, 21, 8, 0, tzinfo=UTC),
     datetime.datetime(2025, 1, 21, 16, 0, tzinfo=UTC)),
    ("tours@interconnectes", datetime.datetime(2025, 6, 24, 6, 30, tzinfo=UTC),
     datetime.datetime(2025, 6, 24, 14, 30, tzinfo=UTC)),
])
def test_a_winter_and_a_summer_event_read_the_same_by_both_readers(agenda_file, uid, utc_start, utc_end):
    vtimezone = "\n".join(["BEGIN:VTIMEZONE", *blocks(unfold(agenda_file), "VTIMEZONE")[0], "END:VTIMEZONE"])
    lines = {name: (params, value) for name, params, value in map(prop, events_of(agenda_file)[uid])}
    for name, expected in (("DTSTART", utc_start), ("DTEND", utc_end)):
        params, value = lines[name]
        assert params == {"TZID": "Europe/Paris"}
        assert to_utc(vtimezone, local(value)) == expected  # the RFC reader, from the file's VTIMEZONE
    event = {str(e["UID"]): e for e in Calendar.from_ical(agenda_file).walk("VEVENT")}[uid]
    assert event.decoded("DTSTART").astimezone(UTC) == utc_start  # icalendar
    assert event.decoded("DTEND").astimezone(UTC) == utc_end


@pytest.mark.parametrize(("uid", "utc_start", "utc_end"), [
    ("paris-janvier@interconnectes", datetime.datetime(2025, 1, 21, 8, 0, tzinfo=UTC),
     datetime.datetime(2025, 1, 21, 16, 0, tzinfo=UTC)),
    ("tours@interconnectes", datetime.datetime(2025, 6, 24, 6, 30, tzinfo=UTC),
     datetime.datetime(2025, 6, 24, 14, 30, tzinfo=UTC)),
    ("forum@interconnectes", datetime.date(2025, 3, 10), datetime.date(2025, 3, 12)),
])
def test_independent_parsers_read_every_event_at_the_same_moment(agenda_file, uid, utc_start, utc_end):
    def moment(value):
        return value.astimezone(UTC) if isinstance(value, datetime.datetime) else value

    [event] = [event for event in vobject.readOne(agenda_file).vevent_list if event.uid.value == uid]
    assert (moment(event.dtstart.value), moment(event.dtend.value)) == (utc_start, utc_end)
    expanded = recurring_ical_events.of(Calendar.from_ical(agenda_file)).between(datetime.date(2025, 1, 1),
                                                                                  datetime.date(2026, 1, 1))
    [event] = [event for event in expanded if str(event["UID"]) == uid]
    assert (moment(event["DTSTART"].dt), moment(event["DTEND"].dt)) == (utc_start, utc_end)
    if isinstance(utc_start, datetime.date) and not isinstance(utc_start, datetime.datetime):
        assert type(event["DTSTART"].dt) is datetime.date  # a whole day, not a midnight-to-midnight block


def test_vobject_reads_the_files_own_time_zone_not_a_database():
    """Renamed, the zone cannot be looked up anywhere: only the VTIMEZONE in the file says what 09:00 means."""
    text = ical.build_calendar([WINTER, SUMMER], stamp=STAMP).decode().replace("Europe/Paris", "Interconnectes/Local")
    starts = {event.uid.value: event.dtstart.value.astimezone(UTC) for event in vobject.readOne(text).vevent_list}
    assert starts == {"paris-janvier@interconnectes": datetime.datetime(2025, 1, 21, 8, 0, tzinfo=UTC),
                      "tours@interconnectes": datetime.datetime(2025, 6, 24, 6, 30, tzinfo=UTC)}


def test_the_time_zone_agrees_with_the_tz_database_through_the_period_it_covers():
    text = ical.build_calendar([WINTER, SUMMER], stamp=STAMP).decode()
    vtimezone = "\n".join(["BEGIN:VTIMEZONE", *blocks(unfold(text), "VTIMEZONE")[0], "END:VTIMEZONE"])
    moment = datetime.datetime(2024, 3, 31, 1, 0, tzinfo=UTC)  # its first change
    while moment < datetime.datetime(2026, 1, 1, tzinfo=UTC):
        wall_clock = moment.astimezone(PARIS).replace(tzinfo=None, fold=0)
        ambiguous = (wall_clock.replace(tzinfo=PARIS).utcoffset()
                     != wall_clock.replace(tzinfo=PARIS, fold=1).utcoffset())  # the hour clocks go back
        if not ambiguous:
            assert to_utc(vtimezone, wall_clock) == moment, wall_clock
        moment += datetime.timedelta(minutes=50)


def test_a_zone_without_changes_gets_one_standard_observance():
    timezone = ical.vtimezone("Asia/Tokyo", datetime.date(2024, 1, 1), datetime.date(2025, 1, 1)).to_ical().decode()
    assert to_utc(timezone, datetime.datetime(2024, 6, 1, 9, 0)) == datetime.datetime(2024, 6, 1, 0, 0, tzinfo=UTC)
    assert "BEGIN:DAYLIGHT" not in timezone


# --- Through the pages -----------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_forum_without_times_and_the_agenda_feed_give_whole_days(client, agenda):
    from tests.events.factories import ForumPageFactory, JourneeExpertPageFactory, TourPageFactory

    forum = ForumPageFactory(parent=agenda, start_date=datetime.date(2025, 3, 10),
                             end_date=datetime.date(2025, 3, 11), start_time=None, end_time=None)
    stop = JourneeExpertPageFactory(parent=TourPageFactory(parent=agenda), start_date=datetime.date(2025, 1, 21))
    forum_file = client.get(forum.url + "ical/").content.decode()
    assert "DTSTART;VALUE=DATE:20250310" in unfold(forum_file) and "BEGIN:VTIMEZONE" not in forum_file
    feed = client.get(agenda.url + "ical/").content.decode()
    events = events_of(feed)
    assert "DTEND;VALUE=DATE:20250312" in events[f"{forum.ical_uid}@interconnectes"]
    assert "DTSTART;TZID=Europe/Paris:20250121T083000" in events[f"{stop.ical_uid}@interconnectes"]
    assert to_utc("\n".join(["BEGIN:VTIMEZONE", *blocks(unfold(feed), "VTIMEZONE")[0], "END:VTIMEZONE"]),
                  datetime.datetime(2025, 1, 21, 8, 30)) == datetime.datetime(2025, 1, 21, 7, 30, tzinfo=UTC)
