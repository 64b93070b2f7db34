"""End to end: agenda → tour → a stop → its programme → the .ics download; axe-core on each events page type."""

import datetime

import pytest
from icalendar import Calendar

from tests.events.factories import (
    EventIndexPageFactory,
    ForumPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    RoomFactory,
    SessionParticipantFactory,
    TourPageFactory,
)
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
T = datetime.time


@pytest.fixture
def events_site(home):
    agenda = EventIndexPageFactory(parent=home)
    tour = TourPageFactory(parent=agenda, title="Journées experts 2024-2025")
    JourneeExpertPageFactory(parent=tour, title="Numérique responsable à La Rochelle",
                             start_date=datetime.date(2024, 11, 21), city="La Rochelle")
    # In the future for the real clock, so the page offers "add to my calendar".
    upcoming = datetime.date.today() + datetime.timedelta(days=60)
    stop = JourneeExpertPageFactory(parent=tour, title="L'IA au service des territoires", start_date=upcoming)
    person = PersonFactory(name="Céline Colucci")
    opening = ProgrammeSessionFactory(page=stop, title="Discours d'ouverture", start_time=T(9, 0),
                                      end_time=T(9, 20), kind="ouverture")
    SessionParticipantFactory(session=opening, person=person)
    for name in ("Salle Noire", "Salle Nef", "Salle Blanche"):
        ProgrammeSessionFactory(page=stop, title=f"Atelier en {name}", room=RoomFactory(venue=stop.venue, name=name),
                                kind="atelier", start_time=T(14, 30), end_time=T(16, 0))
    forum = ForumPageFactory(parent=agenda, title="Forum des Interconnectés 2025")
    return {"agenda": agenda, "tour": tour, "stop": stop, "forum": forum, "person": person}


def test_agenda_to_ics_download(page, live_server, events_site, assert_accessible):
    page.goto(live_server.url + "/agenda/")
    assert page.locator("h1").inner_text() == "Agenda"
    assert_accessible(page)

    page.get_by_role("link", name="Journées experts 2024-2025").first.click()
    page.wait_for_url("**/journees-experts-2024-2025/")
    assert page.locator(".tour-stop").count() == 2
    assert_accessible(page)

    page.get_by_role("link", name="L'IA au service des territoires").click()
    page.wait_for_url("**/lia-au-service-des-territoires/")
    assert page.locator("h1").inner_text() == "L'IA au service des territoires"
    programme = page.locator("#programme")
    programme.scroll_into_view_if_needed()
    assert programme.locator(".programme-parallel .session").count() == 3
    assert_accessible(page)

    # Wide screen: the three parallel workshops sit side by side.
    page.set_viewport_size({"width": 1280, "height": 900})
    boxes = [session.bounding_box() for session in programme.locator(".programme-parallel .session").all()]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    # Narrow screen: they are stacked.
    page.set_viewport_size({"width": 375, "height": 800})
    boxes = [session.bounding_box() for session in programme.locator(".programme-parallel .session").all()]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon calendrier (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "lia-au-service-des-territoires.ics"
    with open(download.path(), "rb") as file:
        content = file.read()
    calendar = Calendar.from_ical(content)
    assert len(calendar.walk("VEVENT")) == 1
    assert str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Paris"


def test_forum_and_speaker_pages_are_accessible(page, live_server, events_site, assert_accessible):
    page.goto(live_server.url + events_site["forum"].url)
    assert page.locator("h1").inner_text() == "Forum des Interconnectés 2025"
    assert_accessible(page)
    page.goto(f"{live_server.url}/agenda/intervenants/{events_site['person'].slug}/")
    assert page.locator("h1").inner_text() == "Céline Colucci"
    assert_accessible(page)
