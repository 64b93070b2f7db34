"""The calendar files of a theme and of each sequence, written by events/ical.py: Paris times with their
VTIMEZONE, the speakers, never the visio link."""

import pytest
from icalendar import Calendar

from tests.labels.factories import paris
from tests.territoirprod.factories import SequenceFactory, SequenceSpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sequences(theme):
    first = SequenceFactory(theme=theme, number=1, title="Les usages de l'IA", starts_at=paris(2026, 1, 15, 10, 0),
                            ends_at=paris(2026, 1, 15, 12, 0), visio_url="https://visio.example.org/secret")
    second = SequenceFactory(theme=theme, number=2, title="Gouverner les données", starts_at=paris(2026, 6, 4, 14, 0),
                             ends_at=paris(2026, 6, 4, 16, 30))
    SequenceSpeakerFactory(sequence=first, person__name="Alice Martin", title_then="Cheffe de projet IA")
    return first, second


def test_the_theme_file_holds_every_sequence_in_paris_time(client, theme, sequences):
    response = client.get(theme.url + "ical/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert 'filename="territoirprod-ia.ics"' in response["Content-Disposition"]
    body = response.content.decode()
    assert "DTSTART;TZID=Europe/Paris:20260115T100000" in body
    assert "DTEND;TZID=Europe/Paris:20260604T163000" in body
    assert "BEGIN:VTIMEZONE" in body and "secret" not in body
    events = [component for component in Calendar.from_ical(response.content).walk("VEVENT")]
    assert [str(event["SUMMARY"]) for event in events] == [
        "Territoir'Prod · Intelligence artificielle · 1. Les usages de l'IA",
        "Territoir'Prod · Intelligence artificielle · 2. Gouverner les données"]
    assert str(events[0]["UID"]) == f"{sequences[0].ical_uid}@interconnectes"
    assert str(events[0]["URL"]).endswith(f"/ia/#sequence-{sequences[0].ical_uid}")


def test_one_file_per_sequence(client, theme, sequences):
    response = client.get(f"{theme.url}ical/{sequences[1].ical_uid}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert len(events) == 1 and "Gouverner les données" in str(events[0]["SUMMARY"])


def test_a_sequence_of_another_theme_is_not_found(client, edition, theme, sequences):
    from tests.territoirprod.factories import ThemePageFactory

    other = ThemePageFactory(parent=edition, title="Data", slug="data")
    assert client.get(f"{other.url}ical/{sequences[0].ical_uid}/").status_code == 404
