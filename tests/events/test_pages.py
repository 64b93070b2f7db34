"""Event pages: rules, rendering through the event's life, calendars, JSON-LD, speaker pages."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from icalendar import Calendar

from events.models import (
    EventIndexPage,
    EventKeyFigure,
    EventPage,
    EventStatus,
    ForumPage,
    JourneeExpertPage,
    ParticipantRole,
    SessionKind,
    SessionParticipant,
    TourPage,
)
from interconnectes.models import HomePage
from replays.models import Visibility
from tests.events.factories import (
    ForumPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    RoomFactory,
    SessionParticipantFactory,
)
from tests.factories import PersonFactory
from tests.queries import instances_built
from tests.replays.factories import ReplayFactory

pytestmark = pytest.mark.django_db
D, T = datetime.date, datetime.time


def jsonld_of(response):
    """The page's Event (an empty dict when it has none: an event whose date is not known)."""
    found = [json.loads(text) for text in
             re.findall(rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S)]
    return next((data for data in found if data["@type"] == "Event"), {})


def tours_programme(stop):
    """Part of the Tours programme: a plenary and three parallel workshops in named rooms."""
    rooms = [RoomFactory(venue=stop.venue, name=name) for name in ("Salle Noire", "Salle Nef", "Salle Blanche")]
    plenary = ProgrammeSessionFactory(page=stop, start_time=T(9, 35), end_time=T(10, 35), is_live=True,
                                      title="Construire un cadre de confiance pour l'IA")
    SessionParticipantFactory(session=plenary, person__name="Céline Colucci", role=ParticipantRole.MODERATOR,
                              title_then="Déléguée générale", organisation_then="Les Interconnectés")
    workshops = [
        ProgrammeSessionFactory(page=stop, start_time=T(14, 30), end_time=T(16, 0), kind=SessionKind.WORKSHOP,
                                room=room, title=f"Atelier {room.name}")
        for room in rooms
    ]
    for workshop in workshops:
        ReplayFactory(session=workshop, title=f"Replay de l'{workshop.title}", visibility=Visibility.PUBLIC)
    return plenary, workshops


def test_page_rules():
    assert set(EventIndexPage.allowed_subpage_models()) == {TourPage, ForumPage}
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert TourPage.allowed_subpage_models() == [JourneeExpertPage]
    assert JourneeExpertPage.allowed_parent_page_models() == [TourPage]
    assert ForumPage.allowed_parent_page_models() == [EventIndexPage]
    assert not EventPage.is_creatable
    assert JourneeExpertPage.allowed_subpage_models() == []


def test_cannot_add_a_stop_outside_a_tour(agenda, home):
    assert not JourneeExpertPage.can_create_at(agenda)
    assert not JourneeExpertPage.can_create_at(home)
    assert not ForumPage.can_create_at(home)


def test_stop_renders_its_programme_with_parallel_workshops(client, stop, set_now):
    set_now(2025, 6, 1, 12, 0)
    tours_programme(stop)
    response = client.get(stop.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Journée expert · étape 1/1" in html
    assert html.count('class="programme-slot programme-parallel"') == 1
    assert "Salle Noire" in html and "Salle Blanche" in html
    assert re.search(r"<li>Animateur·rice : <a href=\"/agenda/intervenants/celine-colucci[^\"]*/\">Céline Colucci</a>, "
                     r"Déléguée générale, Les Interconnectés", html)
    assert '<time datetime="2025-06-24T14:30">14 h 30</time>' in html
    assert "openstreetmap.org/?mlat=47.396000&amp;mlon=0.688000" in html


def test_before_the_event(client, stop, set_now):
    stop.registration_url, stop.registration_open = "https://example.org/inscription", True
    stop.save()
    set_now(2025, 6, 1, 12, 0)
    html = client.get(stop.url).content.decode()
    assert "S’inscrire" in html and "https://example.org/inscription" in html
    assert f'href="{stop.url}ical/"' in html
    assert "webcal://localhost" in html
    assert "Le programme sera publié prochainement." in html


def test_during_the_event_shows_the_live_session(client, stop, set_now):
    stop.livestream_url = "https://example.org/direct"
    stop.save()
    plenary, _workshops = tours_programme(stop)
    set_now(2025, 6, 24, 10, 0)
    html = client.get(stop.url).content.decode()
    assert "En ce moment" in html
    assert f'href="#session-{plenary.ical_uid}"' in html
    assert "Suivre le direct" in html
    assert "S’inscrire" not in html


def test_after_the_event_replays_replace_live_links(client, stop, set_now):
    stop.livestream_url, stop.replay_url = "https://example.org/direct", "https://example.org/replays"
    stop.save()
    tours_programme(stop)
    set_now(2025, 6, 25, 9, 0)
    html = client.get(stop.url).content.decode()
    assert "Voir les replays" in html
    # Each replay link is named by its own word and its session's title (aria-labelledby), with no extra element.
    assert re.search(r'<a class="session-replay" id="replay-([\w-]+)" href="/replays/\1/" '
                     r'aria-labelledby="replay-\1 session-[\w-]+-title">Replay</a>', html)
    assert "Les replays" not in html  # a Journée shows each replay beside its session; the Forum gathers them too
    assert "Suivre le direct" not in html and "Diffusée en direct" not in html


def test_forum_after_shows_key_figures(client, agenda, set_now):
    forum = ForumPageFactory(parent=agenda)
    EventKeyFigure.objects.create(page=forum, value="1 130", label="participants")
    set_now(2024, 4, 3, 12, 0)
    assert "1 130" not in client.get(forum.url).content.decode()
    set_now(2024, 4, 10, 12, 0)
    html = client.get(forum.url).content.decode()
    assert "1 130" in html and "Forum des Interconnectés 2024" in html


def test_cancelled_event_without_venue_or_programme(client, tour, set_now):
    stop = JourneeExpertPageFactory(parent=tour, venue=None, status=EventStatus.CANCELLED, city="Arras")
    set_now(2025, 6, 1, 12, 0)
    response = client.get(stop.url)
    assert response.status_code == 200
    assert "Événement annulé." in response.content.decode()
    data = jsonld_of(response)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"] == {"@type": "Place", "name": "Arras", "address": {
        "@type": "PostalAddress", "addressLocality": "Arras", "addressRegion": data["location"]["address"][
            "addressRegion"], "addressCountry": "FR"}}
    ics = Calendar.from_ical(client.get(stop.url + "ical/").content)
    assert str(ics.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_postponed_event_jsonld(client, stop):
    stop.status, stop.previous_start_date = EventStatus.POSTPONED, D(2025, 5, 20)
    stop.save()
    data = jsonld_of(client.get(stop.url))
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2025-05-20T08:30:00+02:00"
    assert "Événement reporté." in client.get(stop.url).content.decode()


def test_event_jsonld_and_opengraph(client, stop, tour):
    stop.livestream_url = "https://example.org/direct"
    stop.save()
    tours_programme(stop)
    response = client.get(stop.url)
    data = jsonld_of(response)
    assert data["name"] == stop.title
    assert data["startDate"] == "2025-06-24T08:30:00+02:00"
    assert data["endDate"] == "2025-06-24T16:30:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["address"]["addressLocality"] == "Tours"
    assert data["superEvent"] == {"@type": "EventSeries", "name": tour.title, "url": tour.full_url}
    assert {"@type": "Person", "name": "Céline Colucci", "jobTitle": "Déléguée générale",
            "affiliation": {"@type": "Organization", "name": "Les Interconnectés"}} in data["performer"]
    assert f'<meta property="og:title" content="{stop.title}">'.replace("'", "&#x27;") in response.content.decode()


def test_event_ics(client, stop):
    plenary, workshops = tours_programme(stop)
    response = client.get(stop.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{stop.ical_uid}@interconnectes"
    assert str(event["UID"]) != str(stop.pk)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART").astimezone(datetime.UTC) == datetime.datetime(2025, 6, 24, 6, 30,
                                                                                  tzinfo=datetime.UTC)
    assert str(event["URL"]) == stop.full_url
    assert "Centre de Création Contemporaine Olivier Debré" in str(event["LOCATION"])
    assert str(event["STATUS"]) == "CONFIRMED"

    session_response = client.get(f"{stop.url}ical/session/{workshops[0].ical_uid}/")
    [session] = Calendar.from_ical(session_response.content).walk("VEVENT")
    assert str(session["UID"]) == f"{workshops[0].ical_uid}@interconnectes"
    assert str(session["LOCATION"]).startswith("Salle Noire, Centre de Création")
    assert session.decoded("DTEND").astimezone(datetime.UTC).hour == 14
    other = ProgrammeSessionFactory(page=JourneeExpertPageFactory(parent=stop.get_parent()))
    assert client.get(f"{stop.url}ical/session/{other.ical_uid}/").status_code == 404


def test_sequence_moves_when_published_times_change(client, stop, set_now):
    ProgrammeSessionFactory(page=stop, title="Ouverture")
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.save_revision().publish()

    def sequence():
        return Calendar.from_ical(client.get(stop.url + "ical/").content).walk("VEVENT")[0]["SEQUENCE"]

    assert sequence() == 0
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.title = "Un nouveau titre"
    page.save_revision().publish()
    assert sequence() == 0
    assert "Programme mis à jour" not in client.get(stop.url).content.decode()

    set_now(2025, 6, 10, 15, 5)
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    sessions = list(page.sessions.all())
    sessions[0].start_time = T(9, 15)
    page.sessions = sessions
    page.save_revision().publish()
    assert sequence() == 1
    assert "Programme mis à jour le 10 juin 2025 à 15 h 05" in client.get(stop.url).content.decode()

    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.end_time = T(17, 0)
    page.save_revision().publish()
    assert sequence() == 2


def test_speaker_page_lists_sessions_across_events_with_title_held_then(client, agenda, stop):
    person = PersonFactory(name="Matthieu Brient", role="Directeur")
    session = ProgrammeSessionFactory(page=stop, title="Table ronde des usages")
    SessionParticipantFactory(session=session, person=person, title_then="Conseiller",
                              organisation_then="Les Interconnectés")
    forum = ForumPageFactory(parent=agenda)
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=forum, title="Masterclass data"), person=person,
                              title_then="Chargé de mission", role=ParticipantRole.MODERATOR)
    draft = JourneeExpertPageFactory(parent=stop.get_parent(), live=False)
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=draft, title="Session brouillon"), person=person)

    response = client.get(f"{agenda.url}intervenants/{person.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "Matthieu Brient" in html
    assert "Table ronde des usages" in html and "alors Conseiller, Les Interconnectés" in html
    assert "Masterclass data" in html and "alors Chargé de mission" in html
    assert "Session brouillon" not in html
    assert client.get(f"{agenda.url}intervenants/inconnu/").status_code == 404
    assert client.get(f"{agenda.url}intervenants/{PersonFactory().slug}/").status_code == 404


def test_speaker_page_shows_one_page_of_sessions_newest_first(client, agenda, tour):
    person = PersonFactory(name="Matthieu Brient")
    for index in range(EventIndexPage.SPEAKER_PER_PAGE + 5):
        stop = JourneeExpertPageFactory(parent=tour, start_date=datetime.date(2020, 1, 1) + datetime.timedelta(
            days=7 * index))
        SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop, title=f"Session {index:02d}"),
                                  person=person)
    url = f"{agenda.url}intervenants/{person.slug}/"
    with instances_built(SessionParticipant) as built:
        first = client.get(url)
    titles = re.findall(r"Session (\d\d)</a>", first.text)
    assert titles == [f"{index:02d}" for index in range(24, 4, -1)]
    assert len(built) == EventIndexPage.SPEAKER_PER_PAGE
    assert 'href="?page=2" rel="next"' in first.text
    assert re.findall(r"Session (\d\d)</a>", client.get(url, {"page": "2"}).text) == ["04", "03", "02", "01", "00"]
    assert client.get(url, {"page": "zzz"}).status_code == 200


def test_forum_links_to_the_label_campaigns_it_hosts(client, home, agenda):
    from events.models import ForumLabelCampaign
    from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory

    forum = ForumPageFactory(parent=agenda)
    labels = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=labels, title="Label Territoire innovant 2024")
    draft = LabelCampaignPageFactory(parent=labels, title="Campagne brouillon", live=False)
    ForumLabelCampaign.objects.create(page=forum, campaign=campaign, sort_order=0)
    ForumLabelCampaign.objects.create(page=forum, campaign=draft, sort_order=1)
    html = client.get(forum.url).content.decode()
    assert "Cérémonie des labels" in html and f'href="{campaign.url}"' in html
    assert "Campagne brouillon" not in html


def test_forum_without_dates_or_venue_renders(client, agenda, set_now):
    forum = ForumPageFactory(parent=agenda, edition_year=2023, start_date=None, end_date=None, start_time=None,
                             end_time=None, venue=None)
    EventKeyFigure.objects.create(page=forum, value="890", label="participants présents")
    set_now(2025, 1, 1, 12, 0)
    response = client.get(forum.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "890" in html and "Ajouter à mon calendrier" not in html
    assert jsonld_of(response) == {}  # no Event without a date: search engines refuse it
    assert client.get(forum.url + "ical/").status_code == 404


def test_preview_shows_the_unsaved_programme(stop):
    from events.models import ProgrammeSession

    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.title = "Titre en cours de rédaction"
    page.sessions = [ProgrammeSession(day=page.start_date, start_time=T(9, 0), end_time=T(10, 0),
                                      title="Session pas encore enregistrée")]
    response = page.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Titre en cours de rédaction" in html and "Session pas encore enregistrée" in html


def test_participants_link_to_their_speaker_page(client, agenda, stop):
    participant = SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop))
    forum = ForumPageFactory(parent=agenda)
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=forum), person=participant.person)
    speaker_url = f"{agenda.url}intervenants/{participant.person.slug}/"
    for page in (stop, forum):
        assert f'href="{speaker_url}"' in client.get(page.url).content.decode()
    assert client.get(speaker_url).status_code == 200


def test_times_are_shown_in_paris_whatever_the_server_zone(client, stop, settings):
    settings.TIME_ZONE = "America/New_York"
    ProgrammeSessionFactory(page=stop, start_time=T(9, 0), end_time=T(10, 0))
    response = client.get(stop.url)
    html = response.content.decode()
    assert "</time>, de 8 h 30 à 16 h 30" in html and '<time datetime="2025-06-24T09:00">9 h 00</time>' in html
    assert jsonld_of(response)["startDate"] == "2025-06-24T08:30:00+02:00"
    [event] = Calendar.from_ical(client.get(stop.url + "ical/").content).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(datetime.UTC).hour == 6


def test_stop_navigation_and_breadcrumbs_come_from_the_route(client, home, agenda, tour):
    first = JourneeExpertPageFactory(parent=tour, title="Lille", start_date=D(2025, 1, 10), city="Lille")
    middle = JourneeExpertPageFactory(parent=tour, title="Tours", start_date=D(2025, 3, 10), city="Tours")
    last = JourneeExpertPageFactory(parent=tour, title="Nancy", start_date=D(2025, 5, 10), city="Nancy")
    JourneeExpertPageFactory(parent=tour, title="Brouillon", start_date=D(2025, 4, 10), live=False)
    html = client.get(middle.url).content.decode()
    assert "Journée expert · étape 2/4" not in html and "Journée expert · étape 2/3" in html
    assert f'href="{first.url}" rel="prev">Étape précédente : Lille (Lille)' in html
    assert f'href="{last.url}" rel="next">Étape suivante : Nancy (Nancy)' in html
    assert f'<a href="{tour.url}">{tour.title}</a>' in html  # breadcrumbs
    assert f'<a href="{agenda.url}">{agenda.title}</a>' in html
    assert "Brouillon" not in html


def test_unknown_and_draft_pages_below_the_agenda_are_not_found(client, agenda, tour, stop):
    draft = JourneeExpertPageFactory(parent=tour, live=False)
    assert client.get(draft.url).status_code == 404
    assert client.get(f"{agenda.url}inconnu/").status_code == 404
    assert client.get(f"{tour.url}inconnu/").status_code == 404
    assert client.get(f"{stop.url}inconnu/").status_code == 404


def test_event_page_lists_its_organisations_contacts_and_key_figures_in_order(client, agenda, set_now):
    from events.models import EventContact, EventOrganisation, OrganisationRole
    from tests.factories import OrganisationFactory

    forum = ForumPageFactory(parent=agenda)
    EventOrganisation.objects.create(page=forum, organisation=OrganisationFactory(name="Région B"), sort_order=1,
                                     role=OrganisationRole.PARTNER, tier="Partenaire premium")
    EventOrganisation.objects.create(page=forum, organisation=OrganisationFactory(name="Région A"), sort_order=0,
                                     role=OrganisationRole.PARTNER, tier="Partenaire premium")
    EventOrganisation.objects.create(page=forum, organisation=OrganisationFactory(name="Les Interconnectés",
                                                                                  website="https://example.org"),
                                     role=OrganisationRole.ORGANISER)
    EventContact.objects.create(page=forum, name="Service événements", role="Inscriptions",
                                email="evenements@example.org")
    EventKeyFigure.objects.create(page=forum, value="1 130", label="participants", sort_order=0)
    EventKeyFigure.objects.create(page=forum, value="42", label="ateliers", sort_order=1)
    set_now(2024, 4, 10, 12, 0)
    response = client.get(forum.url)
    html = response.content.decode()
    assert html.index("Région A") < html.index("Région B") and "<h4>Partenaire premium</h4>" in html
    assert "Service événements – Inscriptions" in html and "mailto:evenements@example.org" in html
    assert html.index(">1 130<") < html.index(">42<")  # in their order, wherever else the digits appear
    assert {"@type": "Organization", "name": "Les Interconnectés", "url": "https://example.org"} in \
        jsonld_of(response)["organizer"]


def test_each_session_has_its_own_sequence(client, stop):
    from events.models import EventCalendarState

    ProgrammeSessionFactory(page=stop, title="Ouverture", start_time=T(9, 0), end_time=T(9, 30))
    ProgrammeSessionFactory(page=stop, title="Atelier", start_time=T(10, 0), end_time=T(11, 0))
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.save_revision().publish()
    opening, workshop = sorted(page.sessions.all(), key=lambda s: s.start_time)

    def sequences():
        def of(url):
            return int(Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]["SEQUENCE"])
        return (of(stop.url + "ical/"), of(f"{stop.url}ical/session/{opening.ical_uid}/"),
                of(f"{stop.url}ical/session/{workshop.ical_uid}/"))

    assert sequences() == (0, 0, 0)
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    sessions = sorted(page.sessions.all(), key=lambda s: s.start_time)
    sessions[1].end_time = T(11, 30)
    page.sessions = sessions
    page.save_revision().publish()
    assert sequences() == (1, 0, 1)  # only the moved session's own SEQUENCE moves

    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.intro = "Un autre chapô"
    page.save_revision().publish()
    assert sequences() == (1, 0, 1)

    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.status = EventStatus.CANCELLED
    page.save_revision().publish()
    assert sequences() == (2, 1, 2)  # cancelling the event cancels its sessions

    # A session recorded before sessions had their own SEQUENCE starts from the event's, never below it.
    EventCalendarState.objects.filter(page=stop).update(session_sequences={})
    cache.clear()  # such rows date from before an upgrade, after which every cache starts empty
    assert sequences() == (2, 2, 2)
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.title = "Nouveau titre"
    page.save_revision().publish()
    assert sequences() == (2, 2, 2)


def test_the_programme_is_kept_apart_while_the_live_list_is_renewed(client, tour, set_now, settings):
    """During the event the body is drawn again every few minutes; the programme comes from its own fragment
    until the page is published again."""
    settings.PAGE_CACHE = {"SECONDS": 0}  # every request renders, from the cached fragments
    stop = JourneeExpertPageFactory(parent=tour, start_date=datetime.date(2025, 6, 24), start_time=T(9, 0),
                                    end_time=T(17, 0), livestream_url="https://example.org/direct")
    session = ProgrammeSessionFactory(page=stop, title="Table ronde des usages", start_time=T(10, 0),
                                      end_time=T(11, 0))
    set_now(2025, 6, 24, 9, 50)
    client.get("/")  # the first request of a test creates the site settings row
    first = client.get(stop.url).text
    assert "Table ronde des usages" in first and "Aucune session en cours pour le moment." in first
    type(session).objects.filter(pk=session.pk).update(title="Titre jamais publié")  # bypasses every signal
    set_now(2025, 6, 24, 10, 5)  # another five minutes: the live list is drawn again
    during = client.get(stop.url).text
    assert '<li><a href="#session-' in during  # the live list, drawn again with the session on air
    assert f'id="session-{session.ical_uid}-title">Table ronde des usages</h4>' in during  # the programme, kept
    page = JourneeExpertPage.objects.get(pk=stop.pk)
    page.save_revision().publish()
    assert f'id="session-{session.ical_uid}-title">Titre jamais publié</h4>' in client.get(stop.url).text


def test_city_is_shown_when_the_venue_is_unknown(client, tour):
    stop = JourneeExpertPageFactory(parent=tour, venue=None, city="Lyon", start_date=D(2025, 6, 24))
    html = client.get(stop.url).content.decode()
    header = html[html.index('<p class="event-when">'):]
    header = header[:header.index("</p>")]
    assert "<br>Lyon" in header
    assert "2025</time>, de 8 h 30 à 16 h 30" in header
