"""An event session's former "lien du replay" becomes a replay: migrated back to the schema that held the link,
a session's link set there, then migrated forward, the session has a public replay pointing to that link, with
the session's title, day and speakers, and shown to nobody but staff until its captions and consent are added.
The latest state is restored at the end, whatever happens."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from replays.models import Replay, Visibility
from tests.events.factories import (
    EventIndexPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
    TourPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

WITH_THE_LINK = [("events", "0005_session_kind_without_default"), ("replays", None)]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state([node for node in targets if node[1]]).apps


def test_a_session_s_replay_link_becomes_a_public_replay_awaiting_its_captions(home):
    stop = JourneeExpertPageFactory(parent=TourPageFactory(parent=EventIndexPageFactory(parent=home)))
    session = ProgrammeSessionFactory(page=stop, title="Table ronde des maires")
    SessionParticipantFactory(session=session, person__name="Anne Martin", title_then="Maire",
                              organisation_then="Plouha")
    ProgrammeSessionFactory(page=stop, title="Sans replay")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(WITH_THE_LINK)
        old.get_model("events", "ProgrammeSession").objects.filter(pk=session.pk).update(
            replay_url="https://peertube.example.org/w/table-ronde")
        migrate(latest)
    finally:
        migrate(latest)
    replay = Replay.objects.get()
    assert replay.session_id == session.pk and replay.title == "Table ronde des maires"
    assert replay.link == "https://peertube.example.org/w/table-ronde" and replay.host == "peertube.example.org"
    assert replay.visibility == Visibility.PUBLIC and replay.recorded_on == session.day
    assert replay.speakers == "Anne Martin, Maire, Plouha"
    assert not replay.is_shown
