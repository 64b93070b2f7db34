"""What came of a consultation: the commitments its territory made afterwards, their dated progress, and the
reminders sent to the territory so that participants are told.

Agents of the territory write these directly (published at once, logged in
the review module's log): they are facts about the territory's own action,
not a record awaiting the team.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from consultations import record_rules
from consultations.record_choices import FollowUpStatus


class FollowUp(models.Model):
    consultation = models.ForeignKey("consultations.Consultation", on_delete=models.CASCADE,
                                     related_name="follow_ups")
    text = models.TextField(_("engagement"), max_length=2000)
    owner = models.CharField(_("porteur"), max_length=200, help_text=_("Un service ou une fonction."))
    status = models.CharField(_("statut"), max_length=16, choices=FollowUpStatus.choices,
                              default=FollowUpStatus.STUDYING)
    reason = models.TextField(_("raison de l'abandon"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("créé le"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("engagement de suivi")
        verbose_name_plural = _("engagements de suivi")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    def clean(self):
        super().clean()
        errors = record_rules.follow_up_errors(status=self.status, reason=self.reason)
        if errors:
            raise ValidationError(errors)


class ProgressEntry(models.Model):
    follow_up = models.ForeignKey(FollowUp, verbose_name=_("engagement"), on_delete=models.CASCADE,
                                  related_name="entries")
    on = models.DateField(_("date"))
    text = models.TextField(_("avancement"), max_length=4000)
    created_at = models.DateTimeField(_("écrit le"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("étape d'avancement")
        verbose_name_plural = _("étapes d'avancement")
        ordering = ["-on", "-pk"]

    def __str__(self):
        return f"{self.on}: {self.text[:40]}"


class FollowUpReminder(models.Model):
    """A reminder sent (`months` after the consultation's end): each is sent once."""

    consultation = models.ForeignKey("consultations.Consultation", on_delete=models.CASCADE,
                                     related_name="reminders")
    months = models.PositiveSmallIntegerField(_("mois après la fin"))
    sent_on = models.DateField(_("envoyé le"))

    class Meta:
        verbose_name = _("rappel de suivi")
        verbose_name_plural = _("rappels de suivi")
        constraints = [models.UniqueConstraint(fields=["consultation", "months"], name="one_reminder_per_delay")]

    def __str__(self):
        return f"{self.consultation_id} +{self.months}"
