"""The accounts' move out of `labels` loses no row: the demo, on the schema before the move, migrated forward.

The organisations' member flag becoming member years is tried the same way:
every organisation flagged a member is a member of the current year after.

The demo content is built with today's code, e-mail requests and an
inactivity warning are added (the demo has none), then the database is
migrated back to the nodes before the move (`labels` 0010, no `accounts`
migration) with Django's `MigrationExecutor`. Accounts (with their password
hashes), applications and the moved rows are read there through that state's
own models; the database is migrated forward, and every row must come back
the same, the moved models' content types now in `accounts`. The latest
state is restored at the end, whatever happens.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts import email_quota
from accounts.limits import EmailKind
from accounts.models import InactivityWarning
from interconnectes import clock

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("labels", "0010_inactivity_warnings"), ("accounts", None), ("interconnectes", "0003_base_page")]
MOVED = {"EmailRequest": ["kind", "account_id", "recipient", "client_ip", "at"],
         "InactivityWarning": ["user_id", "warned_at"]}


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state([node for node in targets if node[1]]).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def snapshot(apps, app_label):
    users = apps.get_model("auth", "User").objects.values_list("pk", "username", "email", "password", "is_active")
    applications = apps.get_model("labels", "Application").objects.values_list("pk", "owner_id", "status", "title")
    moved = {name: sorted(apps.get_model(app_label, name).objects.values_list(*fields))
             for name, fields in MOVED.items()}
    return {"users": sorted(users), "applications": sorted(applications), **moved}


def content_types(apps):
    return dict(apps.get_model("contenttypes", "ContentType").objects
                .filter(model__in=[name.lower() for name in MOVED]).values_list("model", "app_label"))


def test_the_move_keeps_every_account_password_and_application():
    call_command("load_demo_content", stdout=io.StringIO())
    now = clock.now()
    sleeper = get_user_model().objects.filter(is_staff=False).order_by("pk").first()
    InactivityWarning.objects.create(user=sleeper, warned_at=now)
    email_quota.reserve(EmailKind.SIGNUP, now, recipient="nouvelle@example.org", client_ip="192.0.2.7")
    email_quota.reserve(EmailKind.PASSWORD_RESET, now, account=sleeper, recipient=sleeper.email)
    try:
        old = migrate(BEFORE_THE_MOVE)
        before = snapshot(old, "labels")
        assert all(before.values()), {name: len(rows) for name, rows in before.items()}
        assert set(content_types(old).values()) == {"labels"}
        members = set(old.get_model("interconnectes", "Organisation").objects.filter(is_member=True)
                      .values_list("pk", flat=True))
        assert members

        new = migrate(latest_nodes())
        assert snapshot(new, "accounts") == before
        assert set(content_types(new).values()) == {"accounts"}
        assert set(new.get_model("interconnectes", "Organisation").objects.filter(
            member_years__year=timezone.now().year).values_list("pk", flat=True)) == members

    finally:
        migrate(latest_nodes())
