"""The register of the jury's decisions: each one a new row, the latest wins."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury.models import Decision, DecisionOutcome
from jury.permissions import require_staff


def record_decision(application, *, outcome, by, citation: str = "", feedback: str = "", minutes: str = "",
                    now=None) -> Decision:
    """A new row in the register (never an update): the latest row is the jury's current decision."""
    require_staff(by)
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Décision inconnue.")})
    decision = Decision(application=application, outcome=outcome, citation=citation.strip(),
                        feedback=feedback.strip(), minutes=minutes.strip(), recorded_by=by,
                        recorded_at=now or clock.now())
    decision.full_clean()
    decision.save()
    return decision
