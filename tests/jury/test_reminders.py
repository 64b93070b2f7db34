"""Jury reminders: who gets one, what it says, who may send it, and the automatic J-7 / J-2 sent once each."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from interconnectes import clock
from jury.models import Assignment, JuryReminder, JuryRound, ReminderKind, Score
from jury.services import conflicts
from jury.services.reminders import send_due_reminders, send_reminders
from tests.jury.factories import CLOSED, OPEN, frozen

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def complete(jury_round, juror, application, criteria):
    for criterion in criteria:
        Score.objects.create(round=jury_round, juror=juror, application=application,
                             criterion=frozen(jury_round, criterion), value=3, updated_at=OPEN)


@pytest.fixture
def progress(round1, jurors, files, criteria):
    """Juror 0: 3 files, 1 complete → 2 left (one of them half-scored). Juror 1: 2 files, both complete.
    Juror 2: 2 files, a conflict declared on one → 1 left. Juror 3: nothing assigned."""
    plan = {0: [0, 1, 2], 1: [0, 1], 2: [3, 4]}
    Assignment.objects.bulk_create([Assignment(round=round1, juror=jurors[j], application=files[a])
                                    for j, assigned in plan.items() for a in assigned])
    complete(round1, jurors[0], files[0], criteria)
    complete(round1, jurors[0], files[1], criteria[:1])
    complete(round1, jurors[1], files[0], criteria)
    complete(round1, jurors[1], files[1], criteria)
    conflicts.declare(jurors[2], files[3], has_conflict=True, reason="Mon ancienne commune", by=jurors[2].user,
                          jury_round=round1, now=OPEN)
    return round1


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_only_jurors_with_sheets_left_get_a_reminder(progress, jurors, staff):
    assert send_reminders(progress, by=staff, now=OPEN) == 2
    assert sent_to() == sorted([jurors[0].user.email, jurors[2].user.email])
    reminder = JuryReminder.objects.get()
    assert (reminder.kind, reminder.recipients, reminder.sent_by, reminder.sent_at) == (
        ReminderKind.MANUAL, 2, staff, OPEN)
    send_reminders(progress, by=staff, now=OPEN + DAY)  # manual reminders may be sent again
    assert JuryReminder.objects.count() == 2


def test_the_email_says_how_many_until_when_and_where_never_which(progress, jurors, files, staff):
    send_reminders(progress, by=staff, now=OPEN)
    message = next(m for m in mail.outbox if m.to == [jurors[0].user.email])
    html = message.alternatives[0][0]
    assert "2 candidatures à noter avant le 20 avril" in message.subject
    for body in (message.body, html):
        assert "2 fiches de notation" in body
        assert "20 avril 2026 à 23:59" in body
        assert "http://localhost/jury/" in body
        for application in files:
            assert application.org_name not in body
            assert application.title not in body
        assert application.title not in message.subject
    other = next(m for m in mail.outbox if m.to == [jurors[2].user.email])
    assert "1 fiche de notation à compléter" in other.body


def test_manual_reminders_are_for_staff_and_open_rounds(progress, jurors, staff):
    with pytest.raises(PermissionDenied):
        send_reminders(progress, by=jurors[0].user, now=OPEN)
    with pytest.raises(ValidationError):
        send_reminders(progress, by=staff, now=CLOSED)
    with pytest.raises(ValidationError):
        send_reminders(progress, by=staff, now=progress.opens_at - DAY)
    assert mail.outbox == [] and not JuryReminder.objects.exists()


def test_an_automatic_reminder_is_sent_once(progress, staff):
    send_reminders(progress, now=OPEN, kind=ReminderKind.WEEK_BEFORE)
    with pytest.raises(ValidationError):
        send_reminders(progress, now=OPEN, kind=ReminderKind.WEEK_BEFORE)
    assert JuryReminder.objects.count() == 1
    assert len(mail.outbox) == 2


def test_j7_and_j2_are_sent_once_each(progress):
    closes_at = progress.closes_at
    assert send_due_reminders(now=closes_at - 8 * DAY) == []
    assert mail.outbox == []

    [week] = send_due_reminders(now=closes_at - 6 * DAY)
    assert (week.kind, week.recipients) == (ReminderKind.WEEK_BEFORE, 2)
    assert send_due_reminders(now=closes_at - 5 * DAY) == []
    assert len(mail.outbox) == 2

    [two_days] = send_due_reminders(now=closes_at - 2 * DAY + datetime.timedelta(minutes=1))
    assert (two_days.kind, two_days.recipients) == (ReminderKind.TWO_DAYS_BEFORE, 2)
    assert send_due_reminders(now=closes_at - DAY) == []
    assert send_due_reminders(now=closes_at + DAY) == []
    assert len(mail.outbox) == 4
    assert sorted(JuryReminder.objects.values_list("kind", flat=True)) == ["j-2", "j-7"]


def test_a_round_first_seen_two_days_before_gets_only_the_j2(progress):
    [reminder] = send_due_reminders(now=progress.closes_at - DAY)
    assert reminder.kind == ReminderKind.TWO_DAYS_BEFORE
    assert send_due_reminders(now=progress.closes_at - datetime.timedelta(hours=2)) == []
    assert JuryReminder.objects.count() == 1


def test_the_daily_command_says_what_it_sent(progress, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: progress.closes_at - 3 * DAY)
    out = io.StringIO()
    call_command("send_jury_reminders", stdout=out)
    assert "Relance automatique à J-7 : 2 juré(s) relancé(s)" in out.getvalue()
    assert "20/04/2026 23:59" in out.getvalue()
    out = io.StringIO()
    call_command("send_jury_reminders", stdout=out)
    assert out.getvalue().strip() == "Aucune relance du jury à envoyer aujourd'hui."
    assert len(mail.outbox) == 2


def test_the_daily_command_freezes_the_criteria_of_a_round_it_reminds(round1, jurors, files):
    Assignment.objects.create(round=round1, juror=jurors[0], application=files[0])
    assert not round1.criteria_frozen
    [reminder] = send_due_reminders(now=round1.closes_at - 3 * DAY)
    round1.refresh_from_db()
    assert round1.criteria_frozen and reminder.recipients == 1
    assert [criterion.name for criterion in round1.scoring_criteria()] == ["Impact", "Sobriété"]


def test_the_daily_command_freezes_every_round_whose_scoring_has_opened(round1, campaign, monkeypatch):
    later = JuryRound.objects.create(campaign=campaign, number=2, opens_at=round1.closes_at + 10 * DAY,
                                     closes_at=round1.closes_at + 30 * DAY)
    monkeypatch.setattr(clock, "now", lambda: OPEN)  # round 1 open, no reminder due; round 2 to come
    out = io.StringIO()
    call_command("send_jury_reminders", stdout=out)
    round1.refresh_from_db()
    later.refresh_from_db()
    assert round1.criteria_frozen and not later.criteria_frozen
    assert f"Critères figés pour « {campaign.title} », Tour 1." in out.getvalue()
    call_command("send_jury_reminders", stdout=io.StringIO())
    assert round1.frozen_criteria.count() == 2
