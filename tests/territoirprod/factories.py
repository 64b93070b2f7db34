"""Factories of the programme: the programme page, editions, themes, sequences and speakers."""

import datetime

import factory
import wagtail_factories

from territoirprod.models import EditionPage, Sequence, SequenceSpeaker, ThemePage, TrainingProgrammePage
from tests.factories import PersonFactory
from tests.labels.factories import paris


class TrainingProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingProgrammePage

    title = "Territoir'Prod"
    slug = "territoirprod"
    intro = "Le programme de partage entre pairs et de formation des Interconnectés."


class EditionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EditionPage

    title = factory.Sequence(lambda n: f"Édition {2024 + n}")
    label = factory.Sequence(lambda n: str(2024 + n))


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemePage

    title = "Intelligence artificielle"
    description = "<p>Comprendre et encadrer l'IA dans les services publics locaux.</p>"


class SequenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sequence

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Séquence de travail n° {n + 1}")
    starts_at = factory.LazyFunction(lambda: paris(2026, 3, 10, 10, 0))
    ends_at = factory.LazyAttribute(lambda sequence: sequence.starts_at + datetime.timedelta(hours=2))
    agenda = "Tour de table, retours d'expérience, questions."
    visio_url = "https://visio.example.org/territoirprod-ia"


class SequenceSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SequenceSpeaker

    sequence = factory.SubFactory(SequenceFactory)
    person = factory.SubFactory(PersonFactory)
    title_then = "Cheffe de projet IA"
    organisation_then = "Nantes Métropole"
