"""Factories of the library: themes, techniques, the index, use cases, implementations, grants on them."""

import datetime

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType

from accounts.models import Grant, GrantDecision
from library.models import DataSource, Implementation, LibraryIndexPage, Technique, Theme, UseCasePage
from library.rules import AIActRisk, Status
from tests.factories import OrganisationFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = "Transition écologique"


class TechniqueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Technique
        django_get_or_create = ("name",)

    name = "Prévision sur séries temporelles"


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LibraryIndexPage

    title = "Bibliothèque d'IA territorialisée"
    slug = "bibliotheque-ia"


class UseCasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UseCasePage

    title = factory.Sequence(lambda n: f"Prévoir la fréquentation des cantines {n}")
    summary = "Prévoir le nombre de repas pour réduire le gaspillage alimentaire."
    description = "Un modèle prévoit chaque semaine le nombre d'enfants présents à la cantine."
    theme = factory.SubFactory(ThemeFactory)
    technique = factory.SubFactory(TechniqueFactory)


class ImplementationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Implementation

    use_case = None  # required: pass the use case page
    lead_organisation = factory.SubFactory(OrganisationFactory)
    status = Status.PRODUCTION
    started_on = datetime.date(2022, 9, 1)
    purpose = "Commander le bon nombre de repas."
    ai_act_risk = AIActRisk.MINIMAL
    licence = "MIT"
    first_published_at = datetime.datetime(2024, 1, 15, 9, tzinfo=datetime.UTC)


def data_source(implementation, name="Effectifs des cantines", url="https://data.example.org/cantines"):
    return DataSource.objects.create(implementation=implementation, name=name, url=url)


def grant(person, implementation, *, expires_at, decision=GrantDecision.APPROVED, revoked_at=None):
    """An expert grant on one implementation, its terms accepted."""
    return Grant.objects.create(
        person=person, content_type=ContentType.objects.get_for_model(Implementation), object_id=implementation.pk,
        purpose="Reprendre le modèle pour nos cantines.", terms_accepted_at=expires_at - datetime.timedelta(days=365),
        decision=decision, expires_at=expires_at, revoked_at=revoked_at,
        created_at=expires_at - datetime.timedelta(days=366))


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def document(implementation, title="Documentation technique", level=2, content=PDF):
    """A document of the implementation, stored in the private storage (a PDF unless `content` says otherwise)."""
    from django.core.files.base import ContentFile

    from library.models import ImplementationDocument

    row = ImplementationDocument(implementation=implementation, title=title, level=level)
    row.file.save("document", ContentFile(content), save=True)
    return row


def contact(implementation, *, name="Claire Martin", role="Cheffe de projet données",
            email="claire.martin@nantes.example.org", consented_at=None, consent_revoked_at=None):
    from library.models import Contact

    return Contact.objects.create(implementation=implementation, name=name, role=role, email=email,
                                  consented_at=consented_at, consent_revoked_at=consent_revoked_at)
