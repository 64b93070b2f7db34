"""The labels' data migrations, on SQLite and on PostgreSQL: rows written on the schema before a migration,
through that state's own models, then migrated forward (and back where it can be). The latest state is restored at
the end, whatever happens. (The jury's move out of `labels`: tests/jury/test_migrations.py.)"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interconnectes import clock
from labels.models import Application, CoEditor, Label
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    """Migrate to `targets`; the models of that state."""
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def latest_state_restored():
    yield
    migrate(latest_nodes())


def test_per_campaign_counters_become_one_series_per_label_and_year(label_index, latest_state_restored):
    first = LabelCampaignPageFactory(parent=label_index)
    second = LabelCampaignPageFactory(parent=label_index)  # same label and year: its submissions used to fail
    startups = LabelCampaignPageFactory(parent=label_index, label=Label.STARTUP_INTERCONNECTEE)
    for number in (1, 2, 3):
        ApplicationFactory(campaign=first, reference=f"TI-2026-{number:04d}", status="deposee")
    old = migrate([("labels", "0006_base_page")])
    counters = old.get_model("labels", "ReferenceCounter")
    counters.objects.create(campaign_id=first.pk, last_number=2)  # behind its references: the highest one wins
    counters.objects.create(campaign_id=second.pk, last_number=0)
    counters.objects.create(campaign_id=startups.pk, last_number=5)

    new = migrate([("labels", "0007_reference_series_per_label_and_year")])
    series = new.get_model("labels", "ReferenceCounter").objects
    assert dict(series.values_list("prefix", "last_number")) == {"TI": 3, "SI": 5}
    assert set(series.values_list("year", flat=True)) == {2026}

    old = migrate([("labels", "0006_base_page")])
    assert dict(old.get_model("labels", "ReferenceCounter").objects.values_list("campaign_id", "last_number")) == {
        first.pk: 3, second.pk: 3, startups.pk: 5}


def test_existing_co_editors_become_invitations_to_send_again(campaign, latest_state_restored):
    application = ApplicationFactory(campaign=campaign)
    holder = UserFactory(email="collegue@example.org")  # granted access by its address alone, before
    old = migrate([("labels", "0007_reference_series_per_label_and_year")])
    old.get_model("labels", "CoEditor").objects.create(application_id=application.pk, email="collegue@example.org")

    migrate([("labels", "0008_coeditor_invitation_tokens")])
    migrate(latest_nodes())
    coeditor = CoEditor.objects.get()
    assert (coeditor.user, coeditor.token_hash, coeditor.expires_at) == (None, None, None)
    assert not coeditor.link_is_valid(clock.now())
    assert not Application.objects.of_applicant(holder).exists()
