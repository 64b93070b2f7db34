"""Things that happen at the same time, on PostgreSQL's row locks: two submissions of the same application give
one version, one reference, one e-mail. (The jury's own: tests/jury/test_concurrency.py.)"""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from labels import services
from labels.models import ApplicationVersion
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory

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
        except Exception as error:
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


def test_concurrent_submissions_to_two_campaigns_of_one_edition_share_one_series(campaign, label_index, clock):
    second = LabelCampaignPageFactory(parent=label_index, label=campaign.label, year=campaign.year)
    applications = [ApplicationFactory(campaign=target) for target in (campaign, second) * 3]
    errors = run_together([lambda target=target: services.submit(target.pk, target.owner, clock(), lambda a: "")
                           for target in applications])
    assert not errors
    references = [a.reference for a in applications if a.refresh_from_db() is None]
    assert sorted(references) == [f"TI-2026-{n:04d}" for n in range(1, 7)]
