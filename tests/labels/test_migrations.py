"""The labels' data migrations, on SQLite and on PostgreSQL: rows written on the schema before each migration,
through that state's own models, then migrated forward (and back where it can be).

The module's campaigns and files are made with today's code; then, once for
the module, the database walks back to `labels` 0006 and forward from stop to
stop to the latest state, writing at each stop what the next migration turns
into something else and reading what it made: one trip back rather than one per
migration. Each test compares what its migration must do. The latest state is
restored at the end, whatever happens, and the database flushed, as after any
transactional test. (The jury's and the accounts' moves out of `labels`:
tests/labels/test_moves_out_of_labels.py.)
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from interconnectes import clock
from labels.models import Application, CoEditor, Label
from tests.conftest import restore_migrated_rows
from tests.factories import HomePageFactory
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, LabelIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db  # the tests read what the module's walk found; the walk needs the database

CO_EDITOR = "collegue@example.org"


def migrate(target):
    """Migrate `labels` to `target`; the models of that state."""
    MigrationExecutor(connection).migrate([("labels", target)])
    return MigrationExecutor(connection).loader.project_state([("labels", target)]).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def make_files():
    """Three campaigns, two of one label and year (their submissions used to fail: one counter per campaign)
    with three references, a co-edited draft and three decided files in a fourth."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    index = LabelIndexPageFactory(parent=home)
    made = {"first": LabelCampaignPageFactory(parent=index), "second": LabelCampaignPageFactory(parent=index),
            "startups": LabelCampaignPageFactory(parent=index, label=Label.STARTUP_INTERCONNECTEE),
            "campaign": LabelCampaignPageFactory(parent=index)}
    for number in (1, 2, 3):
        ApplicationFactory(campaign=made["first"], reference=f"TI-2026-{number:04d}", status="deposee")
    made["co-edited"] = ApplicationFactory(campaign=made["campaign"])
    made["holder"] = UserFactory(email=CO_EDITOR)  # granted access by its address alone, before 0008
    made["laureate"] = ApplicationFactory(
        campaign=made["campaign"], reference="TI-2026-0004", status="laureat", org_name="Ville de Plouha",
        title="Titre jamais soumis", summary="Brouillon")
    made["without version"] = ApplicationFactory(
        campaign=made["campaign"], reference="TI-2026-0005", status="mention", org_name="Ville de Lannion",
        title="Bus à la demande", summary="Résumé")
    made["not selected"] = ApplicationFactory(campaign=made["campaign"], reference="TI-2026-0006",
                                              status="non-retenue", title="Projet non retenu")
    return made


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """(the files made, what each stop of the walk read)."""
    with django_db_blocker.unblock():
        restore_migrated_rows()  # an earlier transactional test may have flushed them
        try:
            made, read = make_files(), {}
            counters = migrate("0006_base_page").get_model("labels", "ReferenceCounter").objects
            counters.create(campaign_id=made["first"].pk, last_number=2)  # behind its references
            counters.create(campaign_id=made["second"].pk, last_number=0)
            counters.create(campaign_id=made["startups"].pk, last_number=5)

            series = migrate("0007_reference_series_per_label_and_year").get_model("labels", "ReferenceCounter")
            read["series"] = sorted(series.objects.values_list("prefix", "year", "last_number"))
            back = migrate("0006_base_page").get_model("labels", "ReferenceCounter")
            read["counters back"] = dict(back.objects.values_list("campaign_id", "last_number"))

            old = migrate("0007_reference_series_per_label_and_year")
            old.get_model("labels", "CoEditor").objects.create(application_id=made["co-edited"].pk, email=CO_EDITOR)

            versions = migrate("0010_inactivity_warnings").get_model("labels", "ApplicationVersion").objects
            for number, title in ((1, "Première version"), (2, "Cantines sans gaspillage")):
                versions.create(application_id=made["laureate"].pk, number=number, created_at=clock.now(),
                                snapshot={"org_name": "Ville de Plouha", "title": title, "summary": "Déposé."})

            MigrationExecutor(connection).migrate(latest_nodes())
            yield made, read
        finally:
            MigrationExecutor(connection).migrate(latest_nodes())
            # Left as every transactional test leaves it: flushed, its sequences untouched, the migrated rows back.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            restore_migrated_rows()


def test_per_campaign_counters_become_one_series_per_label_and_year(walk):
    """Each series starts after the highest number its campaigns' counters or references reached; going back,
    every campaign of a series goes on from the series' last number."""
    made, read = walk
    assert read["series"] == [("SI", 2026, 5), ("TI", 2026, 6)]
    assert read["counters back"] == {made["first"].pk: 6, made["second"].pk: 6, made["campaign"].pk: 6,
                                     made["startups"].pk: 5}


def test_existing_co_editors_become_invitations_to_send_again(walk):
    made, _read = walk
    coeditor = CoEditor.objects.get()
    assert (coeditor.user, coeditor.token_hash, coeditor.expires_at) == (None, None, None)
    assert not coeditor.link_is_valid(clock.now())
    assert not Application.objects.of_applicant(made["holder"]).exists()


def test_published_laureates_get_the_record_of_their_submitted_version(walk):
    made, _read = walk
    records = {row[0]: row[1:] for row in Application.objects.values_list(
        "pk", "published_org_name", "published_title", "published_summary")}
    assert records[made["laureate"].pk] == ("Ville de Plouha", "Cantines sans gaspillage", "Déposé.")
    assert records[made["without version"].pk] == ("Ville de Lannion", "Bus à la demande", "Résumé")
    assert records[made["not selected"].pk] == ("", "", "")
