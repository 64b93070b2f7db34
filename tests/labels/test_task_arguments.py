"""What the database task backend (django-tasks-db, production's) stores holds no live token: the activation,
password-reset and co-editor invitation e-mails are queued without their link, which is built when they are sent."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db
SIGNUP = {"first_name": "Camille", "last_name": "Durand", "email": "camille.durand@example.org",
          "password1": "Un mot de passe très sûr 2026", "password2": "Un mot de passe très sûr 2026"}


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "ENQUEUE_ON_COMMIT": False}}


def stored_then_sent():
    """The stored arguments of every queued task (as JSON), after running them as the worker would."""
    stored = json.dumps([row.args_kwargs for row in DBTaskResult.objects.all()])
    for row in DBTaskResult.objects.all():
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    return stored


def link_in(message):
    return re.search(r"http://localhost(/\S+)", message.body).group(1)


def test_the_activation_task_stores_no_token(client):
    client.post(reverse("accounts:signup"), SIGNUP)
    stored = stored_then_sent()
    link = link_in(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert "/activer/" in link and token not in stored and "/activer/" not in stored
    assert client.get(link)["Location"] == reverse("accounts:login")
    assert get_user_model().objects.get(email=SIGNUP["email"]).is_active


def test_the_password_reset_task_stores_no_token(client, applicant):
    """The address is stored, so that an unknown one costs the request the same (the task finds the accounts,
    tests/labels/test_enumeration.py); the row goes after LOGS_RETENTION_DAYS (labels/retention.py)."""
    client.post(reverse("accounts:password_reset"), {"email": applicant.email})
    stored = stored_then_sent()
    link = link_in(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert mail.outbox[0].to == [applicant.email]
    assert token not in stored and "/mot-de-passe/" not in stored
    response = client.get(link, follow=True)
    assert response.status_code == 200 and "new_password1" in response.content.decode()


def test_the_co_editor_invitation_task_stores_no_token(client, draft, clock):
    client.force_login(draft.owner)
    client.post(reverse("labels:invite_coeditor", args=[draft.pk]), {"email": "collegue@example.org"})
    stored = stored_then_sent()
    link = link_in(mail.outbox[-1])
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert mail.outbox[-1].to == ["collegue@example.org"] and "/invitation/" in link
    assert token not in stored and "/invitation/" not in stored
    colleague = get_user_model().objects.create_user("collegue", "collegue@example.org", "x" * 12)
    client.force_login(colleague)
    assert client.post(link).status_code == 302  # the link the e-mail carries is the one that works
    assert draft.coeditors.get().user == colleague
