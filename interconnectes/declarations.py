"""Rules of the two public-sector declarations, as plain functions.

The accessibility status is the RGAA's own wording, derived from the audited
rate so that an editor cannot claim more than the audit shows. The
eco-design figures come straight from `interconnectes.budgets`, the module
the budget tests enforce, so the declaration never states other numbers.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from interconnectes import budgets

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Conformity(models.TextChoices):
    """RGAA 4.1 conformity levels, as the declaration and the footer must word them."""

    TOTAL = "totalement conforme", _("totalement conforme")
    PARTIAL = "partiellement conforme", _("partiellement conforme")
    NONE = "non conforme", _("non conforme")


PARTIAL_THRESHOLD = Decimal(50)
FULL_RATE = Decimal(100)


def conformity_status(audited_rate: Decimal | int | float | None) -> Conformity:
    """The RGAA status from the rate of criteria met in the last audit (None: no audit recorded).

    Without an audit a site cannot be said to conform at all, hence "non
    conforme"; with one, 100 % is "totalement", 50 % or more "partiellement",
    less than 50 % "non conforme".
    """
    if audited_rate is None:
        return Conformity.NONE
    rate = Decimal(str(audited_rate))
    if rate >= FULL_RATE:
        return Conformity.TOTAL
    if rate >= PARTIAL_THRESHOLD:
        return Conformity.PARTIAL
    return Conformity.NONE


def format_rate(rate: Decimal) -> str:
    """A rate as French readers write it: "72,5", "100" (no trailing zeros, decimal comma)."""
    rate = Decimal(str(rate))
    rate = rate.quantize(Decimal(1)) if rate == rate.to_integral_value() else rate.normalize()
    return number_format(rate)


class CriterionStatus(models.TextChoices):
    MET = "conforme", _("conforme")
    NOT_MET = "non conforme", _("non conforme")
    NOT_APPLICABLE = "non applicable", _("non applicable")


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def summary_label(status: str, count: int) -> str:
    """Whole phrases per status (« 3 critères conformes »), so that translators never assemble words."""
    if status == CriterionStatus.MET:
        return ngettext("critère conforme", "critères conformes", count)
    if status == CriterionStatus.NOT_MET:
        return ngettext("critère non conforme", "critères non conformes", count)
    return ngettext("critère non applicable", "critères non applicables", count)


def criteria_summary(statuses) -> list[StatusCount]:
    """How many criteria have each status, every status listed (zero included) in a fixed order."""
    counts = Counter(statuses)
    return [
        StatusCount(status.value, summary_label(status, counts[status.value]), counts[status.value])
        for status in CriterionStatus
    ]


@dataclass(frozen=True)
class BudgetRow:
    kind: "StrOrPromise"
    transfer_kb: int
    requests: int
    dom_elements: int
    min_ecoindex_grade: str


def budget_rows() -> list[BudgetRow]:
    """One row per kind of page, read from the budgets the browser tests enforce."""
    kinds = [
        (_("Page de contenu (article, manifeste, événement)"), budgets.CONTENT_PAGE),
        (_("Page de liste (agenda, manifestes, lauréats)"), budgets.LISTING_PAGE),
        (_("Page d'accueil"), budgets.HOME_PAGE),
        (_("Formulaires, espace candidat et espace jury"), budgets.APPLICATION_PAGE),
    ]
    return [
        BudgetRow(kind, budget.transfer_bytes // budgets.KB, budget.requests, budget.dom_elements,
                  budget.min_ecoindex_grade)
        for kind, budget in kinds
    ]


def budget_limits() -> dict[str, int]:
    """The site-wide limits stated next to the table."""
    return {
        "max_cold_queries": budgets.MAX_COLD_QUERIES,
        "max_warm_queries": budgets.MAX_WARM_QUERIES,
        "max_image_density": budgets.MAX_IMAGE_DENSITY,
        "min_viewport_width": budgets.MIN_VIEWPORT_WIDTH,
    }
