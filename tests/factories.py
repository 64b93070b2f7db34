"""Factories for the suite: snippets and pages with plausible French content."""

import datetime

import factory
import wagtail_factories
from wagtail.documents.models import Document

from interconnectes.models import HomePage, Organisation, OrganisationKind, Person, StandardPage
from interconnectes.regions import Region
from manifestes.models import ManifestoIndexPage, ManifestoKind, ManifestoPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Communauté de communes n° {n}")
    kind = OrganisationKind.INTERCOMMUNALITE
    region = Region.BRETAGNE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="fr_FR")
    role = "Chargée de mission numérique"
    organisation = factory.SubFactory(OrganisationFactory)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="texte.pdf", data=b"%PDF-1.4\n%%EOF\n")
    file_size = 15


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = "accueil"
    hero_title = "Le réseau des territoires innovants"
    hero_text = "Première association de collectivités dédiée aux enjeux numériques."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page de présentation."


class ManifestoIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ManifestoIndexPage

    title = "Manifestes"
    slug = "manifestes"


class ManifestoPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ManifestoPage

    title = factory.Sequence(lambda n: f"Manifeste numéro {n}")
    kind = ManifestoKind.MANIFESTO
    adoption_date = datetime.date(2021, 3, 18)
    intro = "Le numérique s'est imposé comme un outil indispensable à la vie quotidienne."


def image_factory(title="Image de test", width=640, height=480):
    """A real image (drawn locally) stored as a Wagtail image."""
    from interconnectes.demo_media import get_or_create_image

    return get_or_create_image(title, width=width, height=height)
