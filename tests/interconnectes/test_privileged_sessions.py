"""Editors', campaign staff's and jurors' sessions end after 30 minutes idle or 10 hours; applicants' do not."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse

from interconnectes import clock, privileged_sessions
from tests.jury.factories import JuryMemberFactory
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_limits(settings):
    """The limits production runs with (the test settings lift them: other tests move the clock by days)."""
    settings.PRIVILEGED_SESSIONS = {"IDLE_SECONDS": 30 * 60, "ABSOLUTE_SECONDS": 10 * 60 * 60}

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def moment(monkeypatch):
    """Set the site's clock: moment(minutes after 9:00)."""

    def set_to(minutes):
        monkeypatch.setattr(clock, "now", lambda: START + minutes * MINUTE)

    set_to(0)
    return set_to


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaction", "redaction@example.org", "un mot de passe solide")


def logged_in(client) -> bool:
    return SESSION_KEY in client.session.keys()


def test_an_editor_active_every_29_minutes_stays_logged_in_then_is_logged_out_after_31(client, editor, moment):
    client.force_login(editor)
    for minutes in (29, 58, 87):
        moment(minutes)
        assert client.get("/admin/").status_code == 200
    moment(87 + 31)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not logged_in(client)


def test_campaign_staff_without_superuser_rights_are_logged_out_after_31_minutes_idle(client, campaign_staff,
                                                                                     moment):
    client.force_login(campaign_staff)
    assert client.session.get_expiry_age() <= 10 * 60 * 60
    moment(29)
    assert client.get(reverse("labels_application:index")).status_code == 200
    moment(29 + 31)
    response = client.get(reverse("labels_application:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not logged_in(client)


def test_a_juror_is_logged_out_ten_hours_after_logging_in_however_active(client, moment, campaign):
    juror = JuryMemberFactory(campaign=campaign).user
    client.force_login(juror)
    assert client.session.get_expiry_age() <= 10 * 60 * 60
    for minutes in range(20, 10 * 60, 20):
        moment(minutes)
        assert client.get(reverse("jury:home")).status_code == 200, minutes
    moment(10 * 60 + 1)
    response = client.get(reverse("jury:home"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "Votre session a pris fin" in response.content.decode()


def test_an_applicants_session_keeps_djangos_lifetime(client, moment):
    applicant = UserFactory()
    client.force_login(applicant)
    assert privileged_sessions.LOGGED_IN_AT not in client.session.keys()
    moment(6 * 60)
    assert client.get(reverse("labels:dashboard")).status_code == 200
    assert logged_in(client)


def test_the_rule():
    rule = {"idle": 1800, "absolute": 36000}
    assert not privileged_sessions.has_ended(0, 0, 1800, **rule)
    assert privileged_sessions.has_ended(0, 0, 1801, **rule)
    assert not privileged_sessions.has_ended(0, 35000, 36000, **rule)
    assert privileged_sessions.has_ended(0, 35999, 36001, **rule)
