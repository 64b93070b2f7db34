"""The rules of an implementation record, on plain values: its status and dates, its address, its count.

`record_errors` is what the model's `clean` reports (the edit form shows
each message next to its field); `is_active` says which statuses count in
"N collectivités le font".
"""

import datetime

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Sub-addresses of a use case page that an implementation's slug may not take.
RESERVED_SLUGS = frozenset({"comparaison"})


class Status(models.TextChoices):
    IDEA = "idee", _("Idée")
    EXPERIMENT = "experimentation", _("Expérimentation")
    PRODUCTION = "production", _("En production")
    STOPPED = "arrete", _("Arrêté")


ACTIVE_STATUSES = frozenset({Status.EXPERIMENT, Status.PRODUCTION})


class AIActRisk(models.TextChoices):
    """The risk categories of the European AI Act (regulation (EU) 2024/1689)."""

    MINIMAL = "minimal", _("Risque minimal")
    LIMITED = "limite", _("Risque limité (obligations de transparence)")
    HIGH = "eleve", _("Haut risque")
    UNDETERMINED = "a-determiner", _("À déterminer")


def is_active(status: str) -> bool:
    """Being tried or in use: what "le font" counts (an idea is not done yet, a stopped project no more)."""
    return status in ACTIVE_STATUSES


def record_errors(*, status: str, stopped_reason: str, started_on: datetime.date | None,
                  ended_on: datetime.date | None, slug: str) -> dict[str, str | Promise]:
    """Field name → French message, for what is wrong with these values (empty when they are sound)."""
    errors: dict[str, str | Promise] = {}
    if status == Status.STOPPED and not stopped_reason.strip():
        errors["stopped_reason"] = _("Indiquez pourquoi le projet a été arrêté\u00a0: les autres collectivités en "
                                     "apprennent autant que de ses réussites.")
    if status != Status.STOPPED and ended_on is not None:
        errors["ended_on"] = _("Seul un projet arrêté a une date de fin.")
    if started_on is not None and ended_on is not None and ended_on < started_on:
        errors["ended_on"] = _("La date de fin précède la date de début.")
    if slug in RESERVED_SLUGS:
        errors["slug"] = _("Cet identifiant est réservé à une autre page\u00a0: choisissez-en un autre.")
    return errors
