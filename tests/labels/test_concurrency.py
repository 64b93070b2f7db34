"""Two submissions of the same application at once: one version, one reference, one e-mail (PostgreSQL)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from labels import services
from labels.models import ApplicationVersion
from tests.labels.factories import ApplicationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)"),
]


def test_concurrent_submissions_yield_one_version(campaign, clock):
    application = ApplicationFactory(campaign=campaign)
    others = [ApplicationFactory(campaign=campaign) for _ in range(3)]
    barrier = threading.Barrier(5)
    errors = []

    def run(target):
        try:
            barrier.wait()
            services.submit(target.pk, target.owner, clock(), lambda a: "")
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(target,)) for target in [application, application, *others]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert ApplicationVersion.objects.filter(application=application).count() == 1
    references = [a.reference for a in [application, *others] if a.refresh_from_db() is None]
    assert sorted(references) == [f"TI-2026-{n:04d}" for n in range(1, 5)]
    assert len(mail.outbox) == 4
