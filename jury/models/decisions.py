"""The jury's decisions, kept as a register."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel


class DecisionOutcome(models.TextChoices):
    LAUREATE = "laureat", _("Lauréat")
    MENTION = "mention", _("Mention spéciale")
    NOT_SELECTED = "non-retenu", _("Non retenu")


class DecisionQuerySet(models.QuerySet):
    def latest_first(self):
        """The register read backwards: the first row is the current decision."""
        return self.order_by("-recorded_at", "-pk")

    def current(self):
        """The latest decision of each application (the register's current state), in one query."""
        return self.filter(pk=latest_decision("pk", "application_id"))


def latest_decision(column: str, application_ref: str = "pk"):
    """A subquery reading one column of an application's current decision (the register's latest row).

    Annotating with it costs no query per row, where reading each application's register would cost one.
    """
    return Subquery(Decision.objects.filter(application_id=OuterRef(application_ref)).latest_first()
                    .values(column)[:1])


class Decision(AppendOnlyModel):
    """The jury's decision on an application, kept as a register: a change is a new row, the latest wins."""

    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="decisions")
    outcome = models.CharField(_("décision"), max_length=16, choices=DecisionOutcome.choices)
    citation = models.TextField(_("citation publique"), max_length=1200, blank=True)
    feedback = models.TextField(_("retour au candidat"), max_length=3000, blank=True,
                                help_text=_("Synthèse approuvée par le jury, envoyée au candidat."))
    minutes = models.TextField(_("procès-verbal"), blank=True)
    correction_reason = models.TextField(
        _("motif de la correction"), blank=True,
        help_text=_("Pour une décision enregistrée après la publication des résultats."))
    recorded_at = models.DateTimeField(_("enregistrée le"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["application", "recorded_at", "pk"]
        verbose_name = _("décision du jury")
        verbose_name_plural = _("décisions du jury")
        get_latest_by = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.application} : {self.get_outcome_display()}"

    def clean(self):
        if self.outcome in (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION) and not self.citation.strip():
            raise ValidationError({"citation": _("Une citation publique est requise pour un lauréat ou une mention.")})
