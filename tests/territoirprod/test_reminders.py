"""Reminders: e-mailed 7 days and 1 day before each sequence to the enrolled member agents, each once."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import MembershipStatus
from territoirprod import services
from territoirprod.models import ReminderKind, SequenceReminder
from tests.labels.factories import paris
from tests.territoirprod.factories import SequenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sequence(theme):
    return SequenceFactory(theme=theme, title="Cartographier ses usages de l'IA", number=2,
                           starts_at=paris(2026, 3, 10, 10, 0), ends_at=paris(2026, 3, 10, 12, 0),
                           visio_url="https://visio.example.org/salle-ia")


def run(clock, *args):
    clock.set(*args)
    call_command("remind_territoirprod", stdout=io.StringIO())


def test_the_week_then_the_day_before_each_once(clock, edition, theme, sequence, agent):
    services.enrol(agent, edition, theme, by=agent, now=clock())
    run(clock, 2026, 3, 2, 8, 0)  # 8 days before: nothing yet
    assert mail.outbox == []
    run(clock, 2026, 3, 3, 8, 0)
    assert len(mail.outbox) == 1
    week = mail.outbox[0]
    assert week.to == [agent.email]
    assert "Dans une semaine" in week.subject and "Cartographier ses usages de l'IA" in week.subject
    assert "10:00" not in week.body and "10 h 00" in week.body
    assert "salle-ia" not in week.body  # the link opens the day before
    run(clock, 2026, 3, 5, 8, 0)  # a later run in the same week: already sent
    assert len(mail.outbox) == 1
    run(clock, 2026, 3, 9, 8, 0)
    assert len(mail.outbox) == 2
    day = mail.outbox[1]
    assert "Demain" in day.subject and "https://visio.example.org/salle-ia" in day.body
    run(clock, 2026, 3, 9, 18, 0)
    run(clock, 2026, 3, 10, 9, 0)
    assert len(mail.outbox) == 2
    assert set(SequenceReminder.objects.values_list("kind", flat=True)) == {ReminderKind.WEEK, ReminderKind.DAY}


def test_an_edition_enrolment_gets_the_reminders_of_every_theme(clock, edition, theme, sequence, agent):
    services.enrol(agent, edition, None, by=agent, now=clock())
    run(clock, 2026, 3, 9, 8, 0)
    assert [message.to for message in mail.outbox] == [[agent.email]]


def test_nobody_else_gets_them(clock, edition, theme, sequence, agent, referent):
    enrolment = services.enrol(agent, edition, theme, by=agent, now=clock())
    services.unenrol(agent, enrolment.pk, clock())
    services.enrol(referent, edition, theme, by=referent, now=clock())
    referent.memberships.update(status=MembershipStatus.REVOKED)  # revoked since: no more reminders
    run(clock, 2026, 3, 9, 8, 0)
    assert mail.outbox == []


def test_a_missed_week_reminder_is_not_sent_the_day_before(clock, edition, theme, sequence, agent):
    services.enrol(agent, edition, theme, by=agent, now=clock())
    run(clock, 2026, 3, 9, 8, 0)
    assert len(mail.outbox) == 1 and "Demain" in mail.outbox[0].subject
