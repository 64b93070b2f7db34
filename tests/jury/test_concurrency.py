"""Things that happen at the same time in the jury, on PostgreSQL's row locks.

Jurors saving score sheets on the same file at once: nothing is lost, and one juror's two tabs end with one
sheet. The round's criteria frozen by two requests at the opening second: one copy. Two staff members
publishing at once: one publication, each e-mail sent once.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from jury import tasks
from jury.models import Assignment, Score, ScoreSheet
from jury.services import conflicts, decisions, publication
from jury.services.criteria import freeze_if_open
from labels.models import ResultsPublication
from tests.jury.factories import OPEN, JuryMemberFactory, JuryRoundFactory, save_sheet
from tests.labels.factories import SubmittedApplicationFactory, paris
from tests.labels.test_concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)"),
]


def test_jurors_saving_the_same_file_at_once_lose_nothing(campaign):
    jury_round = JuryRoundFactory(campaign=campaign)
    criterion = campaign.criteria.get()
    application = SubmittedApplicationFactory(campaign=campaign)
    jurors = [JuryMemberFactory(campaign=campaign) for _ in range(4)]
    for juror in jurors:
        Assignment.objects.create(round=jury_round, juror=juror, application=application)
        conflicts.declare(juror, application, has_conflict=False, by=juror.user, now=OPEN)
    freeze_if_open(jury_round, OPEN)
    same_juror_tabs = [jurors[0]] * 3
    calls = [lambda juror=juror, value=value: save_sheet(juror, jury_round, application, {criterion: value})
             for value, juror in enumerate(jurors + same_juror_tabs, start=1)]
    assert run_together(calls) == []
    assert ScoreSheet.objects.filter(application=application).count() == 4
    assert Score.objects.filter(application=application).count() == 4
    assert set(Score.objects.filter(juror__in=jurors[1:]).values_list("value", flat=True)) == {2, 3, 4}
    assert Score.objects.get(juror=jurors[0]).value in {1, 5, 6, 7}  # one of its tabs won, whole


def test_two_requests_at_the_opening_freeze_the_criteria_once(campaign, criteria):
    jury_round = JuryRoundFactory(campaign=campaign)
    stale = [type(jury_round).objects.get(pk=jury_round.pk) for _ in range(4)]
    assert run_together([lambda copy=copy: freeze_if_open(copy, OPEN) for copy in stale]) == []
    assert jury_round.frozen_criteria.count() == 2


def test_two_publications_at_once_make_one_and_send_each_email_once(campaign, staff):
    applications = [SubmittedApplicationFactory(campaign=campaign) for _ in range(3)]
    for application in applications:
        decisions.record_decision(application, outcome="non-retenu", by=staff)
    when = paris(2026, 6, 10, 18)
    errors = run_together([lambda: publication.publish_results(campaign, by=staff, now=when)] * 3)
    assert len(errors) == 2 and all(isinstance(error, ValidationError) for error in errors)
    assert ResultsPublication.objects.count() == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    expected = sorted(address for application in applications for address in tasks.recipients_of(application))
    assert recipients == expected and len(set(recipients)) == len(recipients)
