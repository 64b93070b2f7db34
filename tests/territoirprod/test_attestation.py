"""Attendance (the team's roll call, a replay watched to the end) and the attestation PDF it gives."""

import re
import zlib

import pytest
from django.urls import reverse

from territoirprod import attestation, services
from territoirprod.models import Attendance, AttendanceSource
from tests.labels.factories import UserFactory, paris, user_with_permissions
from tests.territoirprod.factories import SequenceFactory, ThemePageFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    """The text drawn in a PDF made by fpdf2: its content streams, inflated, in Latin-1."""
    assert content.startswith(b"%PDF-")
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL)
    parts = []
    for stream in streams:
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            parts.append(stream.decode("latin-1"))
    shown = re.findall(r"\(((?:\\.|[^\\)])*)\) Tj", "".join(parts))  # the strings drawn, wrapped lines joined
    return " ".join(re.sub(r"\\(.)", r"\1", string) for string in shown)


@pytest.fixture
def attended(clock, edition, theme, agent):
    data = ThemePageFactory(parent=edition, title="Data", slug="data")
    first = SequenceFactory(theme=theme, number=1, title="Les usages de l'IA", starts_at=paris(2026, 1, 15, 10, 0),
                            ends_at=paris(2026, 1, 15, 12, 0))
    second = SequenceFactory(theme=data, number=1, title="Gouverner les données",
                             starts_at=paris(2026, 2, 4, 14, 0), ends_at=paris(2026, 2, 4, 15, 30))
    missed = SequenceFactory(theme=theme, number=2, title="Séquence manquée", starts_at=paris(2026, 2, 10, 10, 0),
                             ends_at=paris(2026, 2, 10, 12, 0))
    services.enrol(agent, edition, None, by=agent, now=clock())
    services.record_attendance(agent, first, AttendanceSource.STAFF, clock())
    services.record_attendance(agent, second, AttendanceSource.REPLAY, clock())
    return first, second, missed


def test_the_attestation_lists_themes_dates_durations_and_total(client, clock, edition, agent, attended):
    client.force_login(agent)
    response = client.get(reverse("territoirprod:attestation", args=[edition.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    for expected in ("Les Interconnectés", "Camille Durand", "Édition 2026", "Thème : Intelligence artificielle",
                     "Séquence 1 : Les usages de l'IA, le 15 janvier 2026 de 10:00 à 12:00 (2 h)",
                     "Thème : Data", "Gouverner les données, le 4 février 2026 de 14:00 à 15:30 (1 h 30)",
                     "Durée totale : 3 h 30 (2 séquences)"):
        assert expected in text, expected
    assert "Séquence manquée" not in text


def test_the_facts_are_the_persons_own(clock, edition, agent, attended):
    other = UserFactory()
    services.record_attendance(other, attended[2], AttendanceSource.STAFF, clock())
    lines = attestation.text_lines(attestation.facts_for(agent, edition, clock()))
    assert not any("Séquence manquée" in line for line in lines)


def test_no_attendance_no_attestation(client, clock, edition, agent):
    client.force_login(agent)
    response = client.get(reverse("territoirprod:attestation", args=[edition.pk]))
    assert response.status_code == 404 and "Aucune présence" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, edition):
    response = client.get(reverse("territoirprod:attestation", args=[edition.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_recording_attendance_twice_keeps_the_first(clock, theme, agent):
    sequence = SequenceFactory(theme=theme)
    first = services.record_attendance(agent, sequence, AttendanceSource.STAFF, clock())
    again = services.record_attendance(agent, sequence, AttendanceSource.REPLAY, clock())
    assert first == again and again.source == AttendanceSource.STAFF and Attendance.objects.count() == 1


def test_the_team_ticks_who_was_present(client, clock, edition, theme, agent, nantes):
    from tests.accounts.factories import member

    colleague = UserFactory(first_name="Dominique", last_name="Bernard")
    member(colleague, nantes)
    sequence = SequenceFactory(theme=theme)
    services.enrol(agent, edition, theme, by=agent, now=clock())
    services.enrol(colleague, edition, None, by=colleague, now=clock())
    services.record_attendance(colleague, sequence, AttendanceSource.REPLAY, clock())
    staff = user_with_permissions("wagtailadmin.access_admin", "territoirprod.add_attendance", is_staff=True)
    client.force_login(staff)
    url = reverse("territoirprod:roll_call", args=[sequence.pk])
    page = client.get(url).content.decode()
    assert "Camille Durand" in page and "Dominique Bernard" in page
    assert client.post(url, {"present": [agent.pk]}).status_code == 302
    assert set(Attendance.objects.values_list("user_id", "source")) == {
        (agent.pk, AttendanceSource.STAFF), (colleague.pk, AttendanceSource.REPLAY)}  # a replay's record stays
    assert Attendance.objects.get(user=agent).recorded_by == staff
    client.post(url, {})
    assert set(Attendance.objects.values_list("user_id", flat=True)) == {colleague.pk}
    response = client.post(url, {"present": ["abc"]})
    assert response.status_code == 400 and "errorlist" in response.content.decode()


def test_only_the_team_takes_the_roll_call(client, clock, theme, agent):
    sequence = SequenceFactory(theme=theme)
    client.force_login(agent)
    assert client.get(reverse("territoirprod:roll_call", args=[sequence.pk])).status_code == 403
