"""Things that happen at the same time, on PostgreSQL's row locks: two submissions of the same application give
one version, one reference, one e-mail; simultaneous sign-ups with one address, or invitations of one address,
give one account or one co-editor and no server error. (The jury's own: tests/jury/test_concurrency.py.)"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from labels import services
from labels.models import ApplicationVersion, CoEditor
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


@pytest.fixture
def roomy_limits(settings):
    """Limits out of the way: these tests are about simultaneous requests, not about quotas."""
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR": 100,
                              "INVITATIONS_PER_ADDRESS_PER_DAY": 100, "INVITATIONS_PER_ACCOUNT_PER_DAY": 100}


def post_together(posts):
    """POST each (client, url, data) at the same instant; the status codes, in order."""
    statuses = [None] * len(posts)

    def post(index):
        client, url, data = posts[index]
        statuses[index] = client.post(url, data).status_code

    assert not run_together([lambda index=index: post(index) for index in range(len(posts))])
    return statuses


def test_simultaneous_sign_ups_with_one_address_give_one_account_and_no_error(roomy_limits):
    data = {"first_name": "Camille", "last_name": "Durand", "email": "camille.durand@example.org",
            "password1": "cantines et données 2026", "password2": "cantines et données 2026"}
    statuses = post_together([(Client(raise_request_exception=False), reverse("accounts:signup"), data)
                              for _ in range(6)])  # six browsers, each its own client
    assert statuses == [302] * 6  # the same neutral answer for all, the race's losers included
    assert get_user_model().objects.filter(email="camille.durand@example.org").count() == 1
    assert len(mail.outbox) == 6  # one confirmation, and "you already have an account" for the others


def test_simultaneous_invitations_of_one_address_give_one_co_editor_and_no_error(campaign, clock, roomy_limits):
    application = ApplicationFactory(campaign=campaign)
    clients = [Client(raise_request_exception=False) for _ in range(6)]
    for client in clients:
        client.force_login(application.owner)
    url = reverse("labels:invite_coeditor", args=[application.pk])
    statuses = post_together([(client, url, {"email": "collegue@example.org"}) for client in clients])
    assert 500 not in statuses
    assert CoEditor.objects.filter(application=application).count() == 1
