"""The index follows the site: what an editor or the jury makes public, changes or withdraws shows in the next
search, once their change is committed, and the rebuild command gives the same index."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core import serializers
from django.core.management import call_command
from wagtail.models import Page

from interconnectes.regions import Region
from jury.models import DecisionOutcome
from jury.services import publication
from jury.services.decisions import record_decision
from sitesearch import indexing
from sitesearch.models import SearchDocument
from tests.events.factories import (
    EventIndexPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
    TourPageFactory,
)
from tests.factories import PersonFactory, StandardPageFactory
from tests.labels.factories import SubmittedApplicationFactory, paris

pytestmark = pytest.mark.django_db


def found(client, query):
    page = BeautifulSoup(client.get("/recherche/", {"q": query}).content, "html.parser")
    return [a.get_text() for a in page.select(".hit-title")]


def test_publishing_unpublishing_and_deleting_a_page_show_in_the_next_search(client, home,
                                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home, title="Tiers-lieux numériques", live=False)
    assert found(client, "tiers-lieux") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found(client, "tiers-lieux") == ["Tiers-lieux numériques"]
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Fablabs numériques"
        page.save_revision().publish()
    assert found(client, "tiers-lieux") == [] and found(client, "fablab") == ["Fablabs numériques"]
    page.refresh_from_db()  # publishing went through a revision: this copy still says it is a draft
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found(client, "fablab") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found(client, "fablab") == ["Fablabs numériques"]
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert found(client, "fablab") == []


def test_a_draft_is_not_searched_until_published(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home, title="Page en ligne")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Titre en préparation"
        page.save_revision()
    assert found(client, "préparation") == [] and found(client, "ligne") == ["Page en ligne"]


def test_editing_a_speaker_shows_in_the_next_search(client, home, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        event = JourneeExpertPageFactory(parent=TourPageFactory(parent=EventIndexPageFactory(parent=home)))
        person = PersonFactory(name="Jeanne Ardent")
        SessionParticipantFactory(session=ProgrammeSessionFactory(page=event), person=person)
    assert found(client, "ardent")[0] == "Jeanne Ardent"  # then her event and her organisation
    rebuilds = []
    monkeypatch.setattr(indexing, "rebuild", lambda rebuild=indexing.rebuild: rebuilds.append(1) or rebuild())
    with django_capture_on_commit_callbacks(execute=True):
        person.name = "Jeanne Vaillant"
        person.save()
        person.bio = "Déléguée au numérique."
        person.save()
    assert rebuilds == [1]  # two changes in one transaction: one rebuild
    assert found(client, "vaillant")[0] == "Jeanne Vaillant" and found(client, "ardent") == []


def test_publishing_the_results_makes_the_laureates_findable(client, campaign, staff, clock,
                                                             django_capture_on_commit_callbacks):
    clock.set(2026, 6, 1, 10, 0)
    application = SubmittedApplicationFactory(campaign=campaign, org_name="Commune de Plouzané",
                                              org_region=Region.BRETAGNE, title="Cantines sans gaspillage")
    record_decision(application, outcome=DecisionOutcome.LAUREATE, by=staff, citation="Exemplaire.",
                    feedback="", minutes="", now=paris(2026, 5, 1, 10, 0))
    assert found(client, "gaspillage") == []  # decided, not published
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, notify=False)
    assert found(client, "gaspillage") == ["Cantines sans gaspillage"]
    assert found(client, "Plouzané") == ["Cantines sans gaspillage"]


def test_rows_loaded_as_they_are_ask_for_no_rebuild(home, django_capture_on_commit_callbacks):
    """A restored snapshot or `loaddata` (raw saves) is indexed when a rebuild is asked for, not row by row."""
    page = StandardPageFactory(parent=home, title="Page restaurée")
    snapshot = serializers.serialize("json", [Page.objects.get(pk=page.pk)])
    with django_capture_on_commit_callbacks() as callbacks:
        for row in serializers.deserialize("json", snapshot):
            row.save()
    assert callbacks == []


def test_the_rebuild_command_rebuilds_the_index(home):
    StandardPageFactory(parent=home, title="Page à indexer")
    assert not SearchDocument.objects.exists()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "1 documents" in out.getvalue()
    assert list(SearchDocument.objects.values_list("title", flat=True)) == ["Page à indexer"]
