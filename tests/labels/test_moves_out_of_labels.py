"""The jury's and the accounts' moves out of `labels` lose no row: the demo walked back through both, then forward.

The demo content is built with today's code, and a reminder and an unlock are
added (the demo has none). Then, once for the module, with Django's
`MigrationExecutor` (on SQLite and on PostgreSQL):

1. the database is migrated back to the nodes before the jury's move (`labels`
   0003, no `jury` migration) and before organisations' member years
   (`interconnectes` 0003, when they had a member flag), and every jury row is
   read there through that state's own models, as the old schema holds it;
2. it is migrated forward to the nodes before the accounts' move (`labels`
   0010, no `accounts` migration; Django migrates one way at a time, so the
   first stop is already before the member years). E-mail requests and an
   inactivity warning are written there through that state's models, and the
   accounts (with their password hashes), applications and moved rows are read;
3. it is migrated forward to the latest state, where every row is read again.

Each test compares what its move must keep. Walking back once, to the older
of the two moves, costs half of two round trips from the latest state. The
latest state is restored at the end, whatever happens, and the database
flushed, as after any transactional test.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.utils import timezone

from interconnectes import clock
from jury.demo import STAFF
from jury.models import JuryReminder, JuryRound
from jury.services import scores
from tests.conftest import restore_migrated_rows

pytestmark = pytest.mark.django_db  # the tests read what the module's walk found; the walk needs the database

BEFORE_THE_JURY_MOVE = [("labels", "0003_juryreminder"), ("jury", None), ("interconnectes", "0003_base_page")]
BEFORE_THE_ACCOUNTS_MOVE = [("labels", "0010_inactivity_warnings"), ("accounts", None),
                            ("interconnectes", "0003_base_page")]

# The jury's models before the move (labels app) and after (jury app), with the fields compared as they are.
JURY_PLAIN = {
    "JuryMember": ["campaign_id", "user_id", "person_id", "role", "organisation_id", "siren"],
    "JuryRound": ["campaign_id", "number", "name", "opens_at", "closes_at", "deliberation_opens_at",
                  "jurors_per_application"],
    "Assignment": ["round_id", "juror_id", "application_id", "assigned_at", "assigned_by_id"],
    "ConflictDeclaration": ["juror_id", "application_id", "round_id", "has_conflict", "reason", "declared_at",
                            "declared_by_id"],
    "ScoreSheet": ["round_id", "juror_id", "application_id", "overall_comment", "updated_at"],
    "ScoreUnlock": ["round_id", "juror_id", "application_id", "reason", "until", "unlocked_at", "unlocked_by_id"],
    "Decision": ["application_id", "outcome", "citation", "feedback", "minutes", "recorded_at", "recorded_by_id"],
    "JuryReminder": ["round_id", "kind", "sent_at", "sent_by_id", "recipients"],
}
SCORE = ["round_id", "juror_id", "application_id", "value", "comment", "updated_at"]
MANY_TO_MANY = {"JuryMember": ["categories"], "JuryRound": ["criteria", "shortlist"]}
# The accounts' models before the move (labels app) and after (accounts app).
ACCOUNTS_MOVED = {"EmailRequest": ["kind", "account_id", "recipient", "client_ip", "at"],
                  "InactivityWarning": ["user_id", "warned_at"]}


def migrate(targets):
    """Migrate to `targets`; the models of that state."""
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state([node for node in targets if node[1]]).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def jury_rows(apps, app_label):
    """Every jury row of the state, by model and primary key, with the scores' criteria spelt out."""
    snapshot = {}
    for name, fields in JURY_PLAIN.items():
        model = apps.get_model(app_label, name)
        snapshot[name] = {row["id"]: row for row in model.objects.values("id", *fields)}
        for field in MANY_TO_MANY.get(name, []):
            for instance in model.objects.prefetch_related(field):
                snapshot[name][instance.pk][field] = sorted(related.pk for related in getattr(instance, field).all())
    score = apps.get_model(app_label, "Score")
    snapshot["Score"] = {row["id"]: row for row in score.objects.values(
        "id", *SCORE, criterion_name=criterion("name", app_label), criterion_weight=criterion("weight", app_label),
        criterion_max_score=criterion("max_score", app_label), criterion_source=criterion("source", app_label))}
    return snapshot


def criterion(field, app_label):
    """A score's criterion column: before the move, the campaign's criterion itself; after, the round's copy."""
    if app_label == "labels":
        return F("criterion_id") if field == "source" else F(f"criterion__{field}")
    return F(f"criterion__{field}")


def accounts_rows(apps, app_label):
    users = apps.get_model("auth", "User").objects.values_list("pk", "username", "email", "password", "is_active")
    applications = apps.get_model("labels", "Application").objects.values_list("pk", "owner_id", "status", "title")
    moved = {name: sorted(apps.get_model(app_label, name).objects.values_list(*fields))
             for name, fields in ACCOUNTS_MOVED.items()}
    return {"users": sorted(users), "applications": sorted(applications), **moved}


def content_types(apps, names):
    return dict(apps.get_model("contenttypes", "ContentType").objects
                .filter(model__in=[name.lower() for name in names]).values_list("model", "app_label"))


def add_what_the_demo_lacks():
    """A reminder and an unlock (the demo's rounds are closed), written with today's code."""
    round1, round2 = (JuryRound.objects.filter(number__in=[1, 2], campaign__label="territoire-innovant",
                                               scores__isnull=False).distinct().order_by("number"))
    staff = get_user_model().objects.get(username=STAFF[1])
    now = clock.now()
    JuryReminder.objects.create(round=round2, sent_at=now, sent_by=staff, recipients=2)
    scores.unlock(round1, round1.assignments.first().juror, by=staff, reason="Erreur de saisie",
                  until=now + datetime.timedelta(days=2), now=now)


def write_account_rows(apps):
    """E-mail requests and an inactivity warning, on the schema before the accounts' move (the demo has none)."""
    now = clock.now()
    sleeper = apps.get_model("auth", "User").objects.filter(is_staff=False).order_by("pk").first()
    apps.get_model("labels", "InactivityWarning").objects.create(user_id=sleeper.pk, warned_at=now)
    requests = apps.get_model("labels", "EmailRequest").objects
    requests.create(kind="inscription", recipient="nouvelle@example.org", client_ip="192.0.2.7", at=now)
    requests.create(kind="mot-de-passe", account_id=sleeper.pk, recipient=sleeper.email, at=now)


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """What the database held at each stop of the walk (see the module docstring)."""
    with django_db_blocker.unblock():
        restore_migrated_rows()  # an earlier transactional test may have flushed them
        try:
            call_command("load_demo_content", stdout=io.StringIO())
            add_what_the_demo_lacks()
            before_jury = migrate(BEFORE_THE_JURY_MOVE)
            stops = {"jury before": jury_rows(before_jury, "labels"),
                     "jury content types before": content_types(before_jury, [*JURY_PLAIN, "Score"]),
                     "published before": dict(before_jury.get_model("labels", "LabelCampaignPage").objects.filter(
                         results_published_at__isnull=False).values_list("pk", "results_published_at"))}

            before_accounts = migrate(BEFORE_THE_ACCOUNTS_MOVE)
            write_account_rows(before_accounts)
            stops["accounts before"] = accounts_rows(before_accounts, "labels")
            stops["accounts content types before"] = content_types(before_accounts, ACCOUNTS_MOVED)
            stops["members before"] = set(before_accounts.get_model("interconnectes", "Organisation").objects
                                          .filter(is_member=True).values_list("pk", flat=True))

            latest = migrate(latest_nodes())
            stops.update({
                "jury after": jury_rows(latest, "jury"),
                "jury content types after": content_types(latest, [*JURY_PLAIN, "Score"]),
                "published after": dict(latest.get_model("labels", "ResultsPublication").objects
                                        .values_list("campaign_id", "published_at")),
                "jurors group after": latest.get_model("auth", "Group").objects.filter(name="Jurés").exists(),
                "accounts after": accounts_rows(latest, "accounts"),
                "accounts content types after": content_types(latest, ACCOUNTS_MOVED),
                "members after": set(latest.get_model("interconnectes", "Organisation").objects.filter(
                    member_years__year=timezone.now().year).values_list("pk", flat=True)),
            })
            yield stops
        finally:
            migrate(latest_nodes())
            # Left as every transactional test leaves it: flushed, its sequences untouched, the migrated rows back.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            restore_migrated_rows()


def test_the_jury_move_keeps_every_jury_row(walk):
    """Members, rounds (with their chosen criteria and shortlists), assignments, conflicts, scores (each now on
    its round's frozen copy of the criterion it was given on, same name, weight and scale), sheets, unlocks,
    decisions, reminders; the results' publication date moves to `ResultsPublication`, the content types (and
    their permissions) to `jury`, and the "Jurés" group goes."""
    before, after = walk["jury before"], walk["jury after"]
    assert {model: len(table) > 0 for model, table in before.items()} == dict.fromkeys([*JURY_PLAIN, "Score"], True)
    assert set(walk["jury content types before"].values()) == {"labels"}
    assert walk["published before"]

    assert after.keys() == before.keys()
    # Rounds now have purposes: the files on round 2's shortlist got the preselection's decision "retenu pour la
    # finale" (tests/jury/test_migrations.py::test_rounds_get_purposes…); every earlier row is unchanged.
    added = {pk: row for pk, row in after["Decision"].items() if pk not in before["Decision"]}
    assert {row["outcome"] for row in added.values()} <= {"finale"}
    kept = {**after, "Decision": {pk: row for pk, row in after["Decision"].items() if pk in before["Decision"]}}
    for model in kept:
        assert kept[model] == before[model], model
    assert set(walk["jury content types after"].values()) == {"jury"}
    assert walk["published after"] == walk["published before"]
    assert not walk["jurors group after"]


def test_the_accounts_move_keeps_every_account_password_and_application(walk):
    """Accounts with their password hashes, applications, e-mail requests and inactivity warnings come back the
    same, the moved models' content types now in `accounts`; every organisation flagged a member is a member of
    the current year."""
    before = walk["accounts before"]
    assert all(before.values()), {name: len(rows) for name, rows in before.items()}
    assert set(walk["accounts content types before"].values()) == {"labels"}
    assert walk["members before"]

    assert walk["accounts after"] == before
    assert set(walk["accounts content types after"].values()) == {"accounts"}
    assert walk["members after"] == walk["members before"]
