"""Copying an event (e.g. drafting next year's edition from this one): a new event for calendars; no alias."""

import pytest
from django.urls import reverse

from events.models import ProgrammeSession
from tests.events.factories import ProgrammeSessionFactory, SessionParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def journee(stop):
    sessions = [ProgrammeSessionFactory(page=stop) for _ in range(3)]
    SessionParticipantFactory(session=sessions[0])
    return stop


def uids(page):
    return set(ProgrammeSession.objects.filter(page=page).values_list("ical_uid", flat=True))


def test_a_copy_gets_new_calendar_identifiers_for_the_event_and_its_sessions(journee):
    copy = journee.copy(update_attrs={"slug": f"{journee.slug}-copie", "title": "Copie"}, keep_live=False)
    assert copy.pk != journee.pk and copy.ical_uid != journee.ical_uid
    assert len(uids(copy)) == 3 and not uids(copy) & uids(journee)
    assert copy.sessions.first().participants.count() == 1  # the programme is copied whole
    assert len(uids(journee)) == 3  # the source keeps its own


def test_the_admin_copies_an_event_and_offers_no_alias(admin_client, journee, tour):
    url = reverse("wagtailadmin_pages:copy", args=[journee.pk])
    form = admin_client.get(url).context["form"]
    assert "alias" not in form.fields and "new_slug" in form.fields
    response = admin_client.post(url, {"new_title": "Journée copiée", "new_slug": "journee-copiee",
                                       "new_parent_page": tour.pk, "alias": "on"})
    assert response.status_code == 302
    copy = type(journee).objects.get(slug="journee-copiee")
    assert copy.alias_of_id is None and not uids(copy) & uids(journee)


def test_a_tour_offers_no_alias_either_but_a_standard_page_does(admin_client, tour, home):
    assert "alias" not in admin_client.get(reverse("wagtailadmin_pages:copy", args=[tour.pk])).context["form"].fields
    assert "alias" in admin_client.get(reverse("wagtailadmin_pages:copy", args=[home.pk])).context["form"].fields
