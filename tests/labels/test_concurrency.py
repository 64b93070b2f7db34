"""Things that happen at the same time, on PostgreSQL's row locks.

Two submissions of the same application: one version, one reference, one e-mail. Jurors saving
score sheets on the same file at once: nothing is lost, and one juror's two tabs end with one sheet.
"""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from labels import jury_services, services
from labels.models import ApplicationVersion, Assignment, Score, ScoreSheet
from tests.labels.factories import ApplicationFactory
from tests.labels.jury_factories import OPEN, JuryMemberFactory, JuryRoundFactory, SubmittedApplicationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)"),
]


def run_together(calls):
    """Start every call at the same instant, each in its own thread and database connection."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_submissions_yield_one_version(campaign, clock):
    application = ApplicationFactory(campaign=campaign)
    others = [ApplicationFactory(campaign=campaign) for _ in range(3)]
    errors = run_together([lambda target=target: services.submit(target.pk, target.owner, clock(), lambda a: "")
                           for target in [application, application, *others]])
    assert not errors
    assert ApplicationVersion.objects.filter(application=application).count() == 1
    references = [a.reference for a in [application, *others] if a.refresh_from_db() is None]
    assert sorted(references) == [f"TI-2026-{n:04d}" for n in range(1, 5)]
    assert len(mail.outbox) == 4


def test_jurors_saving_the_same_file_at_once_lose_nothing(campaign):
    jury_round = JuryRoundFactory(campaign=campaign)
    criterion = campaign.criteria.get()
    application = SubmittedApplicationFactory(campaign=campaign)
    jurors = [JuryMemberFactory(campaign=campaign) for _ in range(4)]
    for juror in jurors:
        Assignment.objects.create(round=jury_round, juror=juror, application=application)
        jury_services.declare(juror, application, has_conflict=False, by=juror.user, now=OPEN)
    same_juror_tabs = [jurors[0]] * 3
    calls = [lambda juror=juror, value=value: jury_services.save_scores(
        juror.user, juror, jury_round, application, {criterion.pk: value}, now=OPEN)
        for value, juror in enumerate(jurors + same_juror_tabs, start=1)]
    assert run_together(calls) == []
    assert ScoreSheet.objects.filter(application=application).count() == 4
    assert Score.objects.filter(application=application).count() == 4
    assert set(Score.objects.filter(juror__in=jurors[1:]).values_list("value", flat=True)) == {2, 3, 4}
    assert Score.objects.get(juror=jurors[0]).value in {1, 5, 6, 7}  # one of its tabs won, whole
