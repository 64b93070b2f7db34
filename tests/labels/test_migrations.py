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


def test_published_laureates_get_the_record_of_their_submitted_version(campaign, latest_state_restored):
    laureate = ApplicationFactory(campaign=campaign, reference="TI-2026-0001", status="laureat",
                                  org_name="Ville de Plouha", title="Titre jamais soumis", summary="Brouillon")
    without_version = ApplicationFactory(campaign=campaign, reference="TI-2026-0002", status="mention",
                                         org_name="Ville de Lannion", title="Bus à la demande", summary="Résumé")
    not_selected = ApplicationFactory(campaign=campaign, reference="TI-2026-0003", status="non-retenue",
                                      title="Projet non retenu")
    old = migrate([("labels", "0010_inactivity_warnings")])
    versions = old.get_model("labels", "ApplicationVersion")
    for number, title in ((1, "Première version"), (2, "Cantines sans gaspillage")):
        versions.objects.create(application_id=laureate.pk, number=number, created_at=clock.now(),
                                snapshot={"org_name": "Ville de Plouha", "title": title, "summary": "Déposé."})
    migrate(latest_nodes())
    records = {row[0]: row[1:] for row in Application.objects.values_list(
        "pk", "published_org_name", "published_title", "published_summary")}
    assert records[laureate.pk] == ("Ville de Plouha", "Cantines sans gaspillage", "Déposé.")
    assert records[without_version.pk] == ("Ville de Lannion", "Bus à la demande", "Résumé")
    assert records[not_selected.pk] == ("", "", "")
