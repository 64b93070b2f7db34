"""Factories of the events app: agenda, tours, stops, forums, venues, sessions and participants."""

import datetime

import factory
import wagtail_factories

from events.models import (
    EventIndexPage,
    EventTheme,
    ForumPage,
    JourneeExpertPage,
    ProgrammeSession,
    Room,
    SessionKind,
    SessionParticipant,
    TourPage,
    Venue,
)
from interconnectes.regions import Region
from tests.factories import PersonFactory


class EventThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventTheme
        django_get_or_create = ("name",)

    name = "Intelligence artificielle"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = "Centre de Création Contemporaine Olivier Debré"
    address = "Jardin François 1er"
    postcode = "37000"
    city = "Tours"
    region = Region.CENTRE_VAL_DE_LOIRE
    latitude = "47.396000"
    longitude = "0.688000"
    public_transport = "Arrêt de tram : Porte de Loire"
    parking = "Parking Anatole France"
    step_free_access = True


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Salle {n}")
    capacity = 80


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"
    intro = "Les Journées experts et le Forum des Interconnectés."


class TourPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TourPage

    title = factory.Sequence(lambda n: f"Journées experts {2024 + n}-{2025 + n}")
    intro = "La tournée des Journées experts."


class JourneeExpertPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JourneeExpertPage

    title = factory.Sequence(lambda n: f"Journée expert n° {n}")
    intro = "Une journée de débats et d'ateliers."
    start_date = datetime.date(2025, 6, 24)
    end_date = factory.SelfAttribute("start_date")
    start_time = datetime.time(8, 30)
    end_time = datetime.time(16, 30)
    venue = factory.SubFactory(VenueFactory)
    theme = factory.SubFactory(EventThemeFactory)


class ForumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumPage

    title = factory.Sequence(lambda n: f"Forum des Interconnectés {2024 + n}")
    edition_year = 2024
    start_date = datetime.date(2024, 4, 3)
    end_date = datetime.date(2024, 4, 4)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(17, 30)
    venue = factory.SubFactory(VenueFactory, name="Palais du Pharo", city="Marseille", postcode="13007",
                               address="58 boulevard Charles Livon", region=Region.PROVENCE_ALPES_COTE_D_AZUR)


class ProgrammeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeSession

    page = None
    day = factory.LazyAttribute(lambda o: o.page.start_date)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 0)
    kind = SessionKind.ROUND_TABLE
    title = factory.Sequence(lambda n: f"Table ronde n° {n}")
    sort_order = factory.Sequence(lambda n: n)


class SessionParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionParticipant

    session = factory.SubFactory(ProgrammeSessionFactory)
    person = factory.SubFactory(PersonFactory)
    title_then = "Déléguée générale"
    organisation_then = "Les Interconnectés"
