"""Sign-up, log-in and password reset answer a known address and an unknown one alike: same page, and the same
work on the way (password hashes computed, tasks enqueued), so that neither the answer nor its time tells whether
an account exists. The work is counted (a counting password hasher, Django tasks' `task_enqueued` signal), not
timed."""

from collections import Counter

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks.signals import task_enqueued

from tests.labels.factories import UserFactory
from tests.labels.hashers import CountingHasher

pytestmark = pytest.mark.django_db

KNOWN = "connue@example.org"
PASSWORD = "cantines et données 2026"


@pytest.fixture
def work(settings):
    """What each request cost: hashes computed and tasks enqueued, by name."""
    settings.PASSWORD_HASHERS = ["tests.labels.hashers.CountingHasher"]
    UserFactory(email=KNOWN, username=KNOWN)
    enqueued = Counter()

    def count(sender, task_result, **kwargs):
        enqueued[task_result.task.name] += 1

    task_enqueued.connect(count, dispatch_uid="test-enumeration")

    def measure(request):
        CountingHasher.calls.clear()
        enqueued.clear()
        mail.outbox.clear()
        response = request()
        return {"hashes": CountingHasher.calls["encode"], "tasks": sum(enqueued.values()),
                "status": response.status_code, "location": response.get("Location"), "emails": len(mail.outbox)}

    yield measure
    task_enqueued.disconnect(dispatch_uid="test-enumeration")


def signup(client, email):
    return lambda: client.post(reverse("accounts:signup"), {
        "first_name": "Camille", "last_name": "Durand", "email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_costs_the_same_for_a_known_and_an_unknown_address(client, work):
    known, unknown = work(signup(client, KNOWN)), work(signup(client, "inconnue@example.org"))
    assert known == unknown
    assert known["hashes"] >= 1 and known["tasks"] == 1


def test_log_in_costs_the_same_for_a_known_and_an_unknown_address(client, work):
    def login(email):
        return lambda: client.post(reverse("accounts:login"), {"username": email, "password": "pas le bon mot"})

    UserFactory(email="attente@example.org", username="attente@example.org", is_active=False)
    known, unknown, unconfirmed = (work(login(KNOWN)), work(login("inconnue@example.org")),
                                   work(login("attente@example.org")))
    assert known == unknown == unconfirmed
    assert known["hashes"] == 2  # Django's backend, then the check for an unconfirmed account, real or not


def test_password_reset_costs_the_same_for_a_known_and_an_unknown_address(client, work):
    def reset(email):
        return lambda: client.post(reverse("accounts:password_reset"), {"email": email})

    known, unknown = work(reset(KNOWN)), work(reset("inconnue@example.org"))
    assert known["emails"] == 1 and unknown["emails"] == 0  # the e-mail goes out from the task, to a known one only
    assert {**known, "emails": 0} == {**unknown, "emails": 0}
    assert known["tasks"] == 1
