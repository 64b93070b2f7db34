"""The agenda from outside: the speaker index, speakers in the sitemap, the Atom feed and the events' JSON-LD."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from events import jsonld
from events.entries import Entry, Place
from events.models import EventIndexPage
from interconnectes.models import Person
from tests.events.factories import (
    ForumPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
)
from tests.factories import PersonFactory
from tests.queries import instances_built, page_queries, within_budget

pytestmark = pytest.mark.django_db
D, T = datetime.date, datetime.time
ATOM = "{http://www.w3.org/2005/Atom}"


def speak(stop, *names):
    session = ProgrammeSessionFactory(page=stop)
    return [SessionParticipantFactory(session=session, person=PersonFactory(name=name)).person for name in names]


def jsonld_objects(response):
    return [json.loads(script.string) for script in
            BeautifulSoup(response.content, "html.parser").find_all("script", type="application/ld+json")]


def event_of(response):
    return next(data for data in jsonld_objects(response) if data["@type"] == "Event")


def test_the_speaker_index_lists_public_speakers_by_name_a_page_at_a_time(client, agenda, tour, monkeypatch):
    stop = JourneeExpertPageFactory(parent=tour)
    amina = speak(stop, "Zoé Martin", "Amina Diallo", "Éric Durand", "Bruno Petit")[1]
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop), person=amina)  # twice, listed once
    hidden = JourneeExpertPageFactory(parent=tour)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x")
    speak(hidden, "Secret Invité")
    monkeypatch.setattr(EventIndexPage, "SPEAKERS_PER_PAGE", 3)
    with instances_built(Person) as built:
        response = client.get(agenda.url + "intervenants/")
    assert response.status_code == 200 and not response.cookies
    assert len(built) == 3  # one page of people, read in SQL
    links = BeautifulSoup(response.content, "html.parser").select(".speaker-index a")
    assert [link.text for link in links] == ["Amina Diallo", "Bruno Petit", "Éric Durand"]
    assert links[0]["href"] == agenda.url + "intervenants/amina-diallo/"
    second = client.get(agenda.url + "intervenants/", {"page": 2}).text
    assert "Zoé Martin" in second and "Secret Invité" not in second and "Amina" not in second
    assert client.get(links[0]["href"]).status_code == 200
    assert client.get(agenda.url + "intervenants/", {"page": "x"}).status_code == 200  # never a 500


def test_every_public_speaker_is_in_the_sitemap(client, home, agenda, tour):
    stop = JourneeExpertPageFactory(parent=tour)
    speak(stop, "Amina Diallo", "Bruno Petit")
    hidden = JourneeExpertPageFactory(parent=tour, live=False)
    speak(hidden, "Pas Encore")
    locations = re.findall(r"<loc>(.*?)</loc>", client.get("/sitemap.xml").text)
    assert "http://localhost/agenda/intervenants/" in locations
    assert {"http://localhost/agenda/intervenants/amina-diallo/", "http://localhost/agenda/intervenants/bruno-petit/"} \
        <= set(locations)
    assert not [url for url in locations if "pas-encore" in url]


def test_the_atom_feed_lists_upcoming_events_first_then_the_latest(client, home, agenda, tour, set_now):
    set_now(2025, 6, 1, 12, 0)
    for title, day in [("Passé ancien", D(2024, 1, 10)), ("Bientôt", D(2025, 6, 10)), ("Plus tard", D(2025, 9, 1)),
                       ("Passé récent", D(2025, 5, 1))]:
        JourneeExpertPageFactory(parent=tour, title=title, start_date=day)
    draft = JourneeExpertPageFactory(parent=tour, title="Brouillon", start_date=D(2025, 7, 1), live=False)
    response = client.get(agenda.url + "atom/")
    assert response.status_code == 200 and not response.cookies
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Bientôt", "Plus tard", "Passé récent",
                                                                        "Passé ancien"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://localhost/agenda/")
    assert entries[0].findtext(f"{ATOM}summary")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/agenda/atom/"
    assert draft.title not in response.text


def test_agenda_pages_and_the_home_page_announce_the_feed(client, home, agenda, tour, stop):
    announced = '<link rel="alternate" type="application/atom+xml" title="Agenda des Interconnectés (Atom)" ' \
                'href="http://localhost/agenda/atom/">'
    for url in ["/", agenda.url, tour.url, stop.url]:
        assert announced in client.get(url).text, url


def test_speaker_page_has_a_person_and_breadcrumbs(client, agenda, tour):
    stop = JourneeExpertPageFactory(parent=tour)
    [person] = speak(stop, "Amina Diallo")
    person.role, person.bio = "Directrice du numérique", "Amina Diallo pilote la stratégie numérique de la ville."
    person.save()
    response = client.get(agenda.url + "intervenants/amina-diallo/")
    objects = {data["@type"]: data for data in jsonld_objects(response)}
    assert objects["Person"] == {
        "@context": "https://schema.org", "@type": "Person", "@id": "http://localhost/agenda/intervenants/amina-diallo/",
        "name": "Amina Diallo", "url": "http://localhost/agenda/intervenants/amina-diallo/",
        "jobTitle": "Directrice du numérique", "affiliation": objects["Person"]["affiliation"],
        "description": "Amina Diallo pilote la stratégie numérique de la ville."}
    assert [item["name"] for item in objects["BreadcrumbList"]["itemListElement"]] == [
        "Agenda", "Les intervenants", "Amina Diallo"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == person.bio


def test_event_jsonld_is_complete(client, home, agenda, tour, stop):
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop), person__name="Amina Diallo")
    data = event_of(client.get(stop.url))
    assert data["image"] == ["http://localhost/static/img/partage.png"]
    assert data["organizer"]["name"] == "Les Interconnectés"
    assert data["performer"][0]["name"] == "Amina Diallo"
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["postalCode"]
    assert data["eventAttendanceMode"] == jsonld.OFFLINE


def test_a_whole_day_event_gives_dates_without_times_and_a_city_without_venue(client, agenda):
    forum = ForumPageFactory(parent=agenda, start_date=D(2025, 3, 10), end_date=D(2025, 3, 11), start_time=None,
                             end_time=None, venue=None, city="Rennes", region="bre")
    data = event_of(client.get(forum.url))
    assert (data["startDate"], data["endDate"]) == ("2025-03-10", "2025-03-11")
    assert data["location"]["name"] == "Rennes" and data["location"]["address"]["addressLocality"] == "Rennes"


def test_an_online_only_event_has_a_virtual_location():
    entry = Entry(uid="u", name="Webinaire", url="https://example.org/w/", start=None, end=None,
                  live_stream_url="https://example.org/direct")
    data = jsonld.event_dict(entry)
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/direct"}
    assert data["eventAttendanceMode"] == jsonld.ONLINE
    both = jsonld.event_dict(entry, town=Place(name="Lyon", city="Lyon"))
    assert both["eventAttendanceMode"] == jsonld.MIXED and len(both["location"]) == 2


def test_speaker_index_and_feed_queries_do_not_grow(reader_client, home, agenda, tour, set_now):
    set_now(2025, 1, 1, 12, 0)

    def add(count, start):
        for index in range(count):
            stop = JourneeExpertPageFactory(parent=tour, start_date=start + datetime.timedelta(days=index * 9))
            speak(stop, f"Personne {start.year}-{index}")

    add(3, D(2024, 1, 1))
    reader_client.get("/")
    urls = [agenda.url + "intervenants/", agenda.url + "atom/", "/plan-du-site/"]
    small = [page_queries(reader_client, url) for url in urls]
    add(25, D(2025, 2, 1))
    large = [page_queries(reader_client, url) for url in urls]
    assert small == large, dict(zip(urls, large, strict=True))
    assert all(within_budget(counts) for counts in large), dict(zip(urls, large, strict=True))
