"""Watching a sequence's replay to its end records the attendance of a member enrolled in its theme: a POST
with its CSRF token, from the player's script; nobody else is recorded."""

import pytest
from django.test import Client
from django.urls import reverse

from territoirprod.models import Attendance, AttendanceSource, Enrolment
from tests.replays.conftest import NOW, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(readers, theme):
    Enrolment.objects.create(user=readers.member_agent, edition=theme.get_parent().specific, theme=theme,
                             created_at=NOW)
    return readers.member_agent


def watched_url(replay):
    return reverse("replays:watched", args=[replay.slug])


def test_an_enrolled_member_is_recorded_once(members_replay, enrolled):
    client = client_for(enrolled)
    page = client.get(reverse("replays:detail", args=[members_replay.slug])).content.decode()
    assert f'action="{watched_url(members_replay)}" id="replay-watched"' in page
    assert client.post(watched_url(members_replay)).json() == {"recorded": True}
    assert client.post(watched_url(members_replay)).status_code == 200
    attendance = Attendance.objects.get()
    assert (attendance.user, attendance.sequence, attendance.source) == (
        enrolled, members_replay.sequence, AttendanceSource.REPLAY)


def test_the_post_needs_its_csrf_token(members_replay, enrolled):
    client = Client(enforce_csrf_checks=True)
    client.force_login(enrolled)
    assert client.post(watched_url(members_replay)).status_code == 403
    assert not Attendance.objects.exists()


def test_a_member_not_enrolled_is_not_recorded(members_replay, readers):
    client = client_for(readers.member_agent)
    page = client.get(reverse("replays:detail", args=[members_replay.slug])).content.decode()
    assert "replay-watched" not in page
    assert client.post(watched_url(members_replay)).status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("who", [None, "non_member", "revoked"])
def test_others_are_refused(members_replay, readers, who):
    response = client_for(getattr(readers, who) if who else None).post(watched_url(members_replay))
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_get_is_refused(members_replay, enrolled):
    assert client_for(enrolled).get(watched_url(members_replay)).status_code == 405
