"""The jury's decisions, kept as a register."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel


class DecisionOutcome(models.TextChoices):
    RETAINED = "finale", _("Retenu pour la finale")
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

    def current_in(self, round_id):
        """The latest decision of each application in one round, in one query."""
        return self.filter(round_id=round_id, pk=latest_decision("pk", "application_id", round_ref="round_id"))


def latest_decision(column: str, application_ref: str = "pk", *, round_ref: str | None = None,
                    round_id: int | None = None):
    """A subquery reading one column of an application's current decision (the register's latest row), in the
    round `round_ref` names when given (a column of the outer query), or in round `round_id`.

    Annotating with it costs no query per row, where reading each application's register would cost one.
    """
    rows = Decision.objects.filter(application_id=OuterRef(application_ref))
    if round_ref is not None:
        rows = rows.filter(round_id=OuterRef(round_ref))
    if round_id is not None:
        rows = rows.filter(round_id=round_id)
    return Subquery(rows.latest_first().values(column)[:1])


class Decision(AppendOnlyModel):
    """The jury's decision on an application, kept as a register: a change is a new row, the latest wins."""

    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="decisions")
    round = models.ForeignKey("jury.JuryRound", verbose_name=_("tour"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="decisions",
                              help_text=_("Le tour qui a décidé ; vide pour une décision d'avant les objets de tour."))
    outcome = models.CharField(_("décision"), max_length=16, choices=DecisionOutcome.choices)
    level = models.CharField(_("niveau"), max_length=60, blank=True,
                             help_text=_("Le niveau d'un lauréat, parmi ceux de la campagne."))
    override_reason = models.TextField(
        _("motif de dérogation"), blank=True,
        help_text=_("Pourquoi un dossier éliminé sur un critère reçoit tout de même un niveau de lauréat."))
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

    @property
    def label(self) -> str:
        """"Lauréat — Or", "Retenu pour la finale": the outcome with its level."""
        if self.outcome == DecisionOutcome.LAUREATE and self.level:
            return _("Lauréat — %(level)s") % {"level": self.level}
        return self.get_outcome_display()

    def clean(self):
        if self.outcome in (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION) and not self.citation.strip():
            raise ValidationError({"citation": _("Une citation publique est requise pour un lauréat ou une mention.")})
