"""The jury's move out of `labels` loses no row: the demo's jury, on the schema before the move, migrated forward.

How it works (on SQLite and on PostgreSQL): the demo content is built with
today's code, a reminder and an unlock are added (the demo has none), then the
database is migrated back to the nodes before the move (`labels` 0003, no
`jury` migration) with Django's `MigrationExecutor`. Every jury row is read
there, through that state's own models, as the old schema holds it. The
database is then migrated forward, and every row must come back with the same
values: members, rounds (with their chosen criteria and shortlists),
assignments, conflicts, scores (each now on its round's frozen copy of the
criterion it was given on, same name, weight and scale), sheets, unlocks,
decisions, reminders; the results' publication date moves to
`ResultsPublication`, the content types (and their permissions) to `jury`, and
the "Jurés" group goes. The latest state is restored at the end, whatever
happens.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F

from interconnectes import clock
from jury.demo import STAFF
from jury.models import JuryReminder, JuryRound
from jury.services import scores

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("labels", "0003_juryreminder"), ("jury", None)]
# The jury's models before the move (labels app) and after (jury app), with the fields compared as they are.
PLAIN = {
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


def migrate(targets):
    """Migrate to `targets`; the models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state([node for node in targets if node[1]]).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def rows(apps, app_label):
    """Every jury row of the state, by model and primary key, with the scores' criteria spelt out."""
    snapshot = {}
    for name, fields in PLAIN.items():
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


def content_types(apps):
    return dict(apps.get_model("contenttypes", "ContentType").objects
                .filter(model__in=[name.lower() for name in [*PLAIN, "Score"]]).values_list("model", "app_label"))


def test_the_move_keeps_every_jury_row():
    call_command("load_demo_content", stdout=io.StringIO())
    round1, round2 = (JuryRound.objects.filter(number__in=[1, 2], campaign__label="territoire-innovant",
                                               scores__isnull=False).distinct().order_by("number"))
    staff = get_user_model().objects.get(username=STAFF[1])
    now = clock.now()
    JuryReminder.objects.create(round=round2, sent_at=now, sent_by=staff, recipients=2)  # the demo's rounds are closed
    scores.unlock(round1, round1.assignments.first().juror, by=staff, reason="Erreur de saisie",
                  until=now + datetime.timedelta(days=2), now=now)
    try:
        old = migrate(BEFORE_THE_MOVE)
        before = rows(old, "labels")
        published = dict(old.get_model("labels", "LabelCampaignPage").objects
                         .filter(results_published_at__isnull=False).values_list("pk", "results_published_at"))
        assert {model: len(table) > 0 for model, table in before.items()} == dict.fromkeys([*PLAIN, "Score"], True)
        assert set(content_types(old).values()) == {"labels"}
        assert published

        new = migrate(latest_nodes())
        after = rows(new, "jury")
        assert after.keys() == before.keys()
        # Rounds now have purposes: the files on round 2's shortlist got the preselection's decision "retenu pour
        # la finale" (tests/jury/test_migrations.py::test_rounds_get_purposes…); every earlier row is unchanged.
        added = {pk: row for pk, row in after["Decision"].items() if pk not in before["Decision"]}
        assert {row["outcome"] for row in added.values()} <= {"finale"}
        after["Decision"] = {pk: row for pk, row in after["Decision"].items() if pk in before["Decision"]}
        for model in after:
            assert after[model] == before[model], model
        assert set(content_types(new).values()) == {"jury"}
        assert dict(new.get_model("labels", "ResultsPublication").objects
                    .values_list("campaign_id", "published_at")) == published
        assert not new.get_model("auth", "Group").objects.filter(name="Jurés").exists()
    finally:
        migrate(latest_nodes())


def test_rounds_get_purposes_and_the_shortlist_becomes_preselection_decisions(campaign, criteria):
    from jury.models import Decision
    from tests.jury.factories import DELIBERATION, JuryRoundFactory
    from tests.labels.factories import SubmittedApplicationFactory

    round1 = JuryRoundFactory(campaign=campaign, number=1)
    round2 = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION,
                              closes_at=DELIBERATION.replace(day=20), deliberation_opens_at=None)
    files = [SubmittedApplicationFactory(campaign=campaign) for _ in range(3)]
    try:
        old = migrate([("jury", "0007_decision_correction_reason")])
        old.get_model("jury", "JuryRound").objects.get(pk=round2.pk).shortlist.set([files[0].pk, files[1].pk])
        decisions = old.get_model("jury", "Decision").objects
        decisions.create(application_id=files[0].pk, outcome="laureat", citation="Bravo", recorded_at=DELIBERATION)
        decisions.create(application_id=files[2].pk, outcome="non-retenu", recorded_at=DELIBERATION)
        migrate(latest_nodes())
        round1.refresh_from_db()
        round2.refresh_from_db()
        assert (round1.purpose, round2.purpose) == ("preselection", "finale")
        rows = list(Decision.objects.order_by("application_id", "recorded_at")
                    .values_list("application_id", "round_id", "outcome"))
        assert rows == [(files[0].pk, round1.pk, "finale"), (files[0].pk, round2.pk, "laureat"),
                        (files[1].pk, round1.pk, "finale"), (files[2].pk, round2.pk, "non-retenu")]
        assert Decision.objects.get(application=files[0], round=round1).recorded_at == round1.closes_at
        assert set(round2.applications().values_list("pk", flat=True)) == {files[0].pk, files[1].pk}
    finally:
        migrate(latest_nodes())
