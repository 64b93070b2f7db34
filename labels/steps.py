"""The steps of the application form, the fields each one shows and the checklist of what is missing."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from interconnectes.models.snippets import LOCAL_GOVERNMENT_KINDS
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
