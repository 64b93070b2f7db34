"""Resources, collections and the readers the resource space tells apart."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile

from accounts.models import MembershipStatus
from resources.models import Collection, CollectionItem, Resource, ResourceIndexPage
from resources.rules import Audience, Kind, Visibility
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, user_with_permissions

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CSV = "territoire;concertation\nNantes Métropole;engagé\n".encode()


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Espace ressources"
    slug = "ressources"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide pratique n° {n}")
    slug = factory.Sequence(lambda n: f"guide-pratique-{n}")
    summary = "Un guide pour les agents des collectivités."
    kind = Kind.GUIDE
    audience = Audience.AGENTS
    visibility = Visibility.PUBLIC
    licence = "etalab-2.0"
    published_on = datetime.date(2026, 1, 15)
    file = factory.django.FileField(filename="guide.pdf", data=PDF)
    file_type = "application/pdf"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()  # a parental many-to-many relation is written when its cluster is saved


def link_resource(**fields) -> Resource:
    return ResourceFactory(file=None, file_type="", external_url="https://www.interconnectes.com/", **fields)


def collection(title, slug, resources) -> Collection:
    made = Collection.objects.create(title=title, slug=slug)
    for position, resource in enumerate(resources):
        CollectionItem.objects.create(collection=made, resource=resource, sort_order=position)
    return made


def stored(resource: Resource, name: str, content: bytes) -> Resource:
    resource.file.save(name, ContentFile(content), save=True)
    return resource


def readers(year: int) -> dict:
    """One account per standing the resource space tells apart (None: anonymous)."""
    member_org = organisation("Nantes Métropole", member_year=year)
    other = organisation("Commune de Trégunc", kind="commune")
    people = {
        "anonymous": None,
        "signed-in non-member": UserFactory(email="camille@example.org", username="camille@example.org"),
        "agent of a non-member": UserFactory(email="agent@tregunc.fr", username="agent@tregunc.fr"),
        "unverified agent": UserFactory(email="attente@nantes.fr", username="attente@nantes.fr"),
        "verified member agent": UserFactory(email="agent@nantes.fr", username="agent@nantes.fr"),
        "revoked agent": UserFactory(email="ancien@nantes.fr", username="ancien@nantes.fr"),
        "staff": user_with_permissions("wagtailadmin.access_admin", "resources.change_resource",
                                       email="equipe-ressources@example.org", is_staff=True),
    }
    member(people["agent of a non-member"], other)
    member(people["unverified agent"], member_org, status=MembershipStatus.PENDING)
    member(people["verified member agent"], member_org)
    member(people["revoked agent"], member_org, status=MembershipStatus.REVOKED)
    return people


MEMBERS = {"verified member agent", "staff"}
