"""Factories of the labels app: campaigns, applicants and applications."""

import datetime
import zoneinfo

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from interconnectes.models import OrganisationKind
from interconnectes.regions import Region
from interconnectes.validators import luhn_valid
from labels.models import (
    Application,
    ApplicationStatus,
    CampaignCategory,
    EvaluationCriterion,
    Label,
    LabelCampaignPage,
    LabelIndexPage,
    ResultsPublication,
)
from labels.public_results import PUBLIC_STATUSES

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def siren(n: int) -> str:
    """A Luhn-valid SIREN derived from n."""
    base = f"{n % 10**8:08d}"
    for check in range(10):
        if luhn_valid(base + str(check)):
            return base + str(check)
    raise AssertionError


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"candidat{n}@example.org")
    username = factory.SelfAttribute("email")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    password = factory.django.Password("un mot de passe solide")
    is_active = True


def user_with_permissions(*codenames, **fields):
    """A non-superuser holding the given "app_label.codename" permissions through a group."""
    user = UserFactory(**fields)
    group = Group.objects.create(name=f"Groupe {user.pk}")
    for codename in codenames:
        app_label, name = codename.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=name))
    user.groups.add(group)
    return user


class LabelIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabelIndexPage

    title = "Les labels"
    slug = "labels"


class LabelCampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabelCampaignPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Territoire innovant {2026 + n}")
    slug = factory.Sequence(lambda n: f"territoire-innovant-{n}")
    label = Label.TERRITOIRE_INNOVANT
    year = 2026
    opens_at = paris(2026, 1, 15, 9, 0)
    closes_at = paris(2026, 3, 31, 23, 59, 59)

    @factory.post_generation
    def with_categories(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for name in ("Transition écologique", "Inclusion", "Data et IA"):
            CampaignCategory.objects.create(page=obj, name=name)
        EvaluationCriterion.objects.create(page=obj, name="Impact", weight=2, max_score=10)

    @factory.post_generation
    def results_published_at(obj, create, extracted, **kwargs):
        """`results_published_at=<date>`: the campaign's results were published then (`ResultsPublication`)."""
        if create and extracted is not None:
            ResultsPublication.objects.create(campaign=obj, published_at=extracted)


def public_copy(resolver, name):
    return getattr(resolver, name) if getattr(resolver, "status", "") in PUBLIC_STATUSES else ""


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft with every required field filled in (ready to be submitted)."""

    class Meta:
        model = Application

    campaign = factory.SubFactory(LabelCampaignPageFactory)
    owner = factory.SubFactory(UserFactory)
    org_name = factory.Sequence(lambda n: f"Commune de Saint-Exemple {n}")
    org_kind = OrganisationKind.COMMUNE
    org_region = Region.BRETAGNE
    siren = factory.Sequence(lambda n: siren(21350000 + n))
    population = 4200
    contact_name = "Camille Martin"
    contact_email = factory.SelfAttribute("owner.email")
    category = factory.LazyAttribute(lambda o: o.campaign.categories.first())
    title = "Prévoir la fréquentation des cantines scolaires"
    summary = "Un modèle prévoit chaque jour le nombre de repas pour réduire le gaspillage."
    problem = "Près de 20 % des repas préparés étaient jetés."
    solution = "Un modèle d'apprentissage entraîné sur trois ans de données de réservation."
    impact = "Gaspillage réduit de 30 % en un an, 12 tonnes de nourriture économisées."
    budget = 45000
    funding = "Fonds propres et France 2030."
    data_protection = "Aucune donnée personnelle : comptages agrégés par école."
    consent_rules = True
    consent_data = True
    # A laureate or a mention made directly in this status has the public record publication would have copied.
    published_org_name = factory.LazyAttribute(lambda o: public_copy(o, "org_name"))
    published_title = factory.LazyAttribute(lambda o: public_copy(o, "title"))
    published_summary = factory.LazyAttribute(lambda o: public_copy(o, "summary"))


class SubmittedApplicationFactory(ApplicationFactory):
    status = ApplicationStatus.SUBMITTED
    reference = factory.Sequence(lambda n: f"TI-2026-{n:04d}")
