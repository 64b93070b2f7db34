"""The demo's consultation records: five illustrative consultations of engaged territories at each phase, one
followed up over a year, findings for each of the eight lessons, a demo agent of Tours Métropole Val de Loire."""

import pytest
from django.test import Client

from accounts.models import Membership, MembershipStatus
from consultations.demo_records import TOURS_AGENT
from consultations.models import Consultation, Finding, Lesson, ProgressEntry
from reviews.services import versions_of

pytestmark = pytest.mark.django_db


def test_five_illustrative_consultations_at_every_phase_with_every_lesson_found():
    records = list(Consultation.objects.published().select_related("organisation"))
    assert len(records) == 5 and all(record.is_illustrative for record in records)
    assert sorted(record.phase for record in records) == sorted(
        ["annoncee", "en-cours", "restitution", "suivi", "suivi"])
    assert all(record.organisation.charter_commitments.filter(status="verified").exists() for record in records)
    assert set(Finding.objects.values_list("lesson__number", flat=True)) == set(
        Lesson.objects.values_list("number", flat=True)) == set(range(1, 9))
    assert all(versions_of(record).exists() for record in records)


def test_one_consultation_is_followed_up_over_a_year_and_shows_its_timeline():
    record = Consultation.objects.get(slug="cafe-ia-services-publics-nantes")
    entries = ProgressEntry.objects.filter(follow_up__consultation=record).order_by("on")
    assert entries.count() >= 4 and (entries.last().on - entries.first().on).days >= 240
    assert record.follow_ups.filter(status="abandonne").exclude(reason="").exists()
    page = Client().get(record.get_absolute_url())
    assert page.status_code == 200 and "Publier un registre des usages" in page.text
    assert "Trois sessions tenues" in page.text and "exemple illustratif" in page.text
    feed = Client().get(f"{record.get_absolute_url()}flux.atom")
    assert feed.status_code == 200 and b"Trois sessions tenues" in feed.content


def test_the_list_and_the_tours_agent():
    page = Client().get("/concertations-ia/concertations/")
    assert page.status_code == 200 and "5 concertations" in page.text
    _label, email, _password = TOURS_AGENT
    assert Membership.objects.filter(person__username=email, status=MembershipStatus.VERIFIED,
                                     organisation__name="Tours Métropole Val de Loire").exists()
