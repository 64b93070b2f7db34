"""The agenda: upcoming first then past by year, filters, pagination, feed; the home page; query counts."""

import datetime

import pytest
from icalendar import Calendar

from events.models import EventIndexPage, JourneeExpertPage
from interconnectes.regions import Region
from tests.events.factories import (
    EventThemeFactory,
    ForumPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
)
from tests.queries import instances_built, page_queries, within_budget

pytestmark = pytest.mark.django_db
D, T = datetime.date, datetime.time


@pytest.fixture
def events(agenda, tour):
    data = EventThemeFactory(name="Data")
    ia = EventThemeFactory(name="Intelligence artificielle")
    return {
        "strasbourg": JourneeExpertPageFactory(parent=tour, title="Strasbourg", start_date=D(2023, 6, 14),
                                               city="Strasbourg", region=Region.GRAND_EST, theme=data),
        "paris": JourneeExpertPageFactory(parent=tour, title="Paris", start_date=D(2024, 2, 8), city="Paris",
                                          region=Region.ILE_DE_FRANCE, theme=ia),
        "tours": JourneeExpertPageFactory(parent=tour, title="Tours", start_date=D(2025, 6, 24), theme=ia),
        "forum": ForumPageFactory(parent=agenda, title="Forum 2025", edition_year=2025, start_date=D(2025, 3, 10),
                                  end_date=D(2025, 3, 11), region=Region.BRETAGNE, city="Rennes"),
    }


def titles(events):
    return [event.title for event in events]


def test_upcoming_first_then_past_by_year(client, agenda, events, set_now):
    set_now(2025, 3, 11, 12, 0)  # second day of the Forum: still upcoming
    response = client.get(agenda.url)
    assert titles(response.context["agenda"].upcoming_events) == ["Forum 2025", "Tours"]
    assert titles(response.context["agenda"].past_events) == ["Paris", "Strasbourg"]
    html = response.content.decode()
    assert html.index("Forum 2025") < html.index("Tours") < html.index('class="event-year">2024') \
        < html.index('class="event-year">2023')


def test_a_day_event_is_past_once_it_has_ended(client, agenda, events, set_now):
    set_now(2025, 6, 24, 16, 29)
    assert "Tours" in titles(client.get(agenda.url).context["agenda"].upcoming_events)
    set_now(2025, 6, 24, 16, 31)
    assert "Tours" not in titles(client.get(agenda.url).context["agenda"].upcoming_events)


@pytest.mark.parametrize(("query", "expected"), [
    ("theme=intelligence-artificielle", {"Paris", "Tours"}),
    ("region=idf", {"Paris"}),
    ("region=cvl", {"Tours"}),
    ("year=2025", {"Tours", "Forum 2025"}),
    ("theme=data&year=2023", {"Strasbourg"}),
    ("theme=inconnu", {"Strasbourg", "Paris", "Tours", "Forum 2025"}),
    ("year=abc&page=x", {"Strasbourg", "Paris", "Tours", "Forum 2025"}),
    ("region=zzz&page=999", {"Strasbourg", "Paris", "Tours", "Forum 2025"}),
])
def test_filters(client, agenda, events, set_now, query, expected):
    set_now(2025, 1, 1, 12, 0)
    response = client.get(f"{agenda.url}?{query}")
    assert response.status_code == 200
    agenda = response.context["agenda"]
    assert set(titles(agenda.upcoming_events)) | set(titles(agenda.past_events)) == expected


def test_pagination_of_past_events(client, agenda, tour, set_now):
    set_now(2030, 1, 1, 12, 0)
    for day in range(EventIndexPage.PER_PAGE + 3):
        JourneeExpertPageFactory(parent=tour, start_date=D(2025, 1, 1) + datetime.timedelta(days=day))
    first = client.get(agenda.url)
    assert len(first.context["agenda"].past_events) == EventIndexPage.PER_PAGE
    assert 'rel="next"' in first.content.decode()
    second = client.get(agenda.url + "?page=2")
    assert len(second.context["agenda"].past_events) == 3
    assert client.get(agenda.url + "?page=abc").context["agenda"].past_events.number == 1


def test_pagination_of_upcoming_events_keeps_the_filters_and_the_past_page(client, agenda, tour, set_now):
    set_now(2025, 1, 1, 12, 0)
    data = EventThemeFactory(name="Data")
    for day in range(EventIndexPage.PER_PAGE + 2):
        JourneeExpertPageFactory(parent=tour, title=f"Étape {day:02d}", theme=data,
                                 start_date=D(2025, 2, 1) + datetime.timedelta(days=day))
    JourneeExpertPageFactory(parent=tour, title="Hors thème", start_date=D(2025, 1, 15))
    first = client.get(agenda.url, {"theme": "data"})
    upcoming = first.context["agenda"].upcoming_events
    assert titles(upcoming) == [f"Étape {day:02d}" for day in range(EventIndexPage.PER_PAGE)]
    assert 'href="?theme=data&amp;page=1&amp;a_venir=2" rel="next"' in first.text
    second = client.get(agenda.url, {"theme": "data", "a_venir": "2"})
    assert titles(second.context["agenda"].upcoming_events) == ["Étape 12", "Étape 13"]
    assert client.get(agenda.url, {"a_venir": "x"}).context["agenda"].upcoming_events.number == 1


def test_the_agenda_builds_only_the_events_of_its_pages_whatever_the_archive(client, agenda, tour, set_now):
    """Filters and pages are applied in the database: the page builds two pages of events at most."""
    set_now(2025, 1, 1, 12, 0)
    for day in range(3 * EventIndexPage.PER_PAGE):
        JourneeExpertPageFactory(parent=tour, start_date=D(2024, 1, 1) + datetime.timedelta(days=day))
        JourneeExpertPageFactory(parent=tour, start_date=D(2025, 2, 1) + datetime.timedelta(days=day))
    with instances_built(JourneeExpertPage) as built:
        response = client.get(agenda.url, {"year": "2024"})
    assert len(response.context["agenda"].past_events) == EventIndexPage.PER_PAGE
    assert len(built) <= 2 * EventIndexPage.PER_PAGE, len(built)


def test_feed_honours_theme_and_region(client, agenda, events, set_now):
    set_now(2025, 1, 1, 12, 0)
    page = client.get(agenda.url + "?theme=intelligence-artificielle&region=idf")
    assert 'href="webcal://localhost/agenda/ical/?theme=intelligence-artificielle&amp;region=idf"' in \
        page.content.decode()
    response = client.get(agenda.url + "ical/?theme=intelligence-artificielle")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")) == ["Paris", "Tours"]
    everything = Calendar.from_ical(client.get(agenda.url + "ical/?region=nowhere").content)
    assert len(everything.walk("VEVENT")) == 4


def test_home_page_shows_upcoming_events(client, home, events, set_now):
    set_now(2025, 3, 11, 12, 0)
    html = client.get("/").content.decode()
    assert "Forum 2025" in html and "Tours" in html and "Strasbourg" not in html


def programme(page, size):
    """Sessions with two participants each, as many organisers and partners, contacts and key figures, made in
    bulk; and a few label campaigns (pages, made one by one: one per ten sessions)."""
    from events.models import (
        EventContact,
        EventKeyFigure,
        EventOrganisation,
        ForumLabelCampaign,
        OrganisationRole,
        ProgrammeSession,
        SessionParticipant,
    )
    from interconnectes.models import Organisation, Person
    from labels.models import LabelIndexPage
    from tests.factories import OrganisationFactory, PersonFactory
    from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory

    organisations = Organisation.objects.bulk_create(OrganisationFactory.build_batch(size))
    people = Person.objects.bulk_create([PersonFactory.build(organisation=None, slug=f"personne-{page.pk}-{n}")
                                         for n in range(2 * size)])
    sessions = ProgrammeSession.objects.bulk_create([
        ProgrammeSessionFactory.build(page=page, start_time=T(8, 0), end_time=T(8, 30)) for _ in range(size)])
    SessionParticipant.objects.bulk_create([
        SessionParticipantFactory.build(session=session, person=person, sort_order=n)
        for n, (session, person) in enumerate(zip([s for s in sessions for _ in (0, 1)], people, strict=True))])
    EventOrganisation.objects.bulk_create([
        EventOrganisation(page=page, organisation=organisation, tier="Officiel", sort_order=index,
                          role=OrganisationRole.ORGANISER if index % 2 else OrganisationRole.PARTNER)
        for index, organisation in enumerate(organisations)])
    EventContact.objects.bulk_create([EventContact(page=page, name=f"Contact {index}", sort_order=index,
                                                   email="evenements@example.org") for index in range(size)])
    EventKeyFigure.objects.bulk_create([EventKeyFigure(page=page, value=str(index), label="participants",
                                                       sort_order=index) for index in range(size)])
    if page.specific_class.__name__ == "ForumPage":
        home = page.get_parent().get_parent()
        labels = LabelIndexPage.objects.first() or LabelIndexPageFactory(parent=home)
        for index in range(size // 10 + 1):
            campaign = LabelCampaignPageFactory(parent=labels, title=f"Campagne {page.pk}-{index}")
            ForumLabelCampaign.objects.create(page=page, campaign=campaign, sort_order=index)


# Every public page of the events app stays within the budget on a cold request and once its caches are warm
# (tests/queries.py), whatever the size of the data, anonymous or logged in. Cold, an event page reads what its
# template shows: its venue, theme and calendar state, its sessions with rooms and participants, its organisations,
# contacts and key figures, a stop's sibling stops. Warm, only the site of the request is left (the route is
# remembered): the body comes from a fragment cached per page, content version and phase.


@pytest.mark.parametrize("kind", ["stop", "forum"])
def test_event_page_queries_do_not_grow_with_the_programme(reader_client, agenda, tour, kind):
    make = (lambda: JourneeExpertPageFactory(parent=tour)) if kind == "stop" else \
        (lambda: ForumPageFactory(parent=agenda))
    small, large = make(), make()
    programme(small, 5)
    programme(large, 50)
    reader_client.get("/")  # the first request of a test creates the site settings row
    counts = [page_queries(reader_client, small.url), page_queries(reader_client, large.url)]
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_agenda_tour_speaker_and_home_queries_do_not_grow(reader_client, home, agenda, tour, set_now):
    set_now(2025, 1, 1, 12, 0)
    speaker = None

    def add_events(count, start):
        nonlocal speaker
        for index in range(count):
            stop = JourneeExpertPageFactory(parent=tour, start_date=start + datetime.timedelta(days=index * 9))
            participant = SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop),
                                                    **({"person": speaker} if speaker else {}))
            speaker = participant.person

    add_events(3, D(2024, 1, 1))
    add_events(2, D(2025, 6, 1))
    reader_client.get("/")
    urls = ["/", agenda.url, tour.url, f"{agenda.url}intervenants/{speaker.slug}/", agenda.url + "ical/"]
    small = [page_queries(reader_client, url) for url in urls]
    add_events(25, D(2023, 1, 1))
    add_events(20, D(2025, 7, 1))
    large = [page_queries(reader_client, url) for url in urls]
    assert small == large, dict(zip(urls, large, strict=True))
    assert all(within_budget(counts) for counts in large), dict(zip(urls, large, strict=True))


def test_private_events_are_hidden_from_the_agenda_and_feed(client, agenda, events, set_now):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=events["paris"], restriction_type=PageViewRestriction.PASSWORD,
                                       password="secret")
    set_now(2025, 1, 1, 12, 0)
    response = client.get(agenda.url)
    assert "Paris" not in titles(response.context["agenda"].past_events)
    feed = Calendar.from_ical(client.get(agenda.url + "ical/").content)
    assert "Paris" not in [str(event["SUMMARY"]) for event in feed.walk("VEVENT")]


def test_agenda_links_to_its_tours(client, agenda, tour):
    html = client.get(agenda.url).content.decode()
    assert f'<a href="{tour.url}">{tour.title}</a>' in html
