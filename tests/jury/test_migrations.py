"""The jury's data migrations, on SQLite and on PostgreSQL: rows written on the schema before a migration,
through that state's own models, then migrated forward. The latest state is restored at the end, whatever happens.
(The jury's move out of `labels`, on the demo: tests/labels/test_moves_out_of_labels.py.)"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    """Migrate to `targets`; the models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state([node for node in targets if node[1]]).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


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
