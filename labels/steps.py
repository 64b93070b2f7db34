"""The steps of the application form, the fields each one shows and the checklist of what is missing."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from interconnectes.models.snippets import LOCAL_GOVERNMENT_KINDS, OrganisationKind
from labels import eligibility


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    fields: tuple = ()
    required: tuple = ()
    extra: dict = field(default_factory=dict)


ORGANISATION = Step(
    "organisation", _("Organisation"),
    fields=("org_name", "org_kind", "org_region", "siren", "siret", "population", "org_created_on",
            "contact_name", "contact_role", "contact_email", "contact_phone"),
    required=("org_name", "org_kind", "org_region", "siren", "contact_name", "contact_email"),
)
PROJECT = Step(
    "projet", _("Projet"),
    fields=("category", "title", "summary", "problem", "solution", "partners"),
    required=("category", "title", "summary", "problem", "solution"),
)
IMPACT = Step(
    "impact", _("Impact"),
    fields=("impact", "budget", "funding", "sobriety", "inclusion", "ethics", "data_protection"),
    required=("impact", "budget", "funding", "data_protection"),
)
ATTACHMENTS = Step("pieces-jointes", _("Pièces jointes"))
SUMMARY = Step("recapitulatif", _("Récapitulatif"), fields=("consent_rules", "consent_data"),
               required=("consent_rules", "consent_data"))

STEPS = (ORGANISATION, PROJECT, IMPACT, ATTACHMENTS, SUMMARY)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
FORM_STEPS = (ORGANISATION, PROJECT, IMPACT)


# What the organisation step asks of each label's applicants: a start-up has no population and is no commune.
LABEL_KINDS = {eligibility.TERRITOIRE_INNOVANT: LOCAL_GOVERNMENT_KINDS,
               eligibility.STARTUP_INTERCONNECTEE: eligibility.STARTUP_KINDS}
LABEL_HIDDEN_FIELDS = {eligibility.STARTUP_INTERCONNECTEE: frozenset({"population"})}


def organisation_fields(label) -> tuple:
    """The organisation step's fields for a label's applicants, in form order."""
    hidden = LABEL_HIDDEN_FIELDS.get(label, frozenset())
    return tuple(name for name in ORGANISATION.fields if name not in hidden)


def organisation_kinds(label) -> list:
    """The kinds of organisation a label's form offers, as (value, label) choices in the usual order."""
    allowed = LABEL_KINDS.get(label)
    return [(value, text) for value, text in OrganisationKind.choices if allowed is None or value in allowed]


def organisation_problems(application) -> list[tuple[str, str]]:
    """The organisation step's blocking rules on a saved application, as (field, message): no query."""
    campaign = application.campaign
    return eligibility.organisation_errors(eligibility.Facts(
        label=campaign.label, organisation_kind=application.org_kind,
        organisation_created_on=application.org_created_on,
        deadline=campaign.closes_at.date() if campaign.closes_at else None,
    ))


def next_step(slug):
    slugs = [step.slug for step in STEPS]
    index = slugs.index(slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


@dataclass(frozen=True)
class Missing:
    step: Step
    field: str
    label: str


def _empty(value):
    return value is None or value == "" or value is False


def missing_items(application) -> list[Missing]:
    """What must still be filled in before the application can be submitted."""
    meta = application._meta
    items = []
    for step in (ORGANISATION, PROJECT, IMPACT, SUMMARY):
        required = list(step.required)
        if step is ORGANISATION:
            if application.org_kind in LOCAL_GOVERNMENT_KINDS:
                required.append("population")
            if application.campaign.label == eligibility.STARTUP_INTERCONNECTEE:
                required.append("org_created_on")
        for name in required:
            value = getattr(application, f"{name}_id" if name == "category" else name)
            if _empty(value):
                items.append(Missing(step, name, str(meta.get_field(name).verbose_name)))
    return items
