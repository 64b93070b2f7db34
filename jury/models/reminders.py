"""The log of reminders sent to jurors."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .rounds import JuryRound


class ReminderKind(models.TextChoices):
    MANUAL = "manuel", _("Relance manuelle")
    WEEK_BEFORE = "j-7", _("Relance automatique à J-7")
    TWO_DAYS_BEFORE = "j-2", _("Relance automatique à J-2")


class JuryReminder(models.Model):
    """A reminder sent to the jurors of a round who still have sheets to complete: who sent it, when, to how many.

    Automatic reminders (J-7, J-2) are unique per round, so that the daily
    command can run again, or twice at once, without e-mailing anyone twice;
    manual ones may be sent as often as staff choose.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("type"), max_length=8, choices=ReminderKind.choices, default=ReminderKind.MANUAL)
    sent_at = models.DateTimeField(_("envoyée le"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    recipients = models.PositiveIntegerField(_("jurés relancés"), default=0)

    class Meta:
        ordering = ["round", "sent_at", "pk"]
        verbose_name = _("relance du jury")
        verbose_name_plural = _("relances du jury")
        constraints = [models.UniqueConstraint(fields=["round", "kind"], condition=~Q(kind="manuel"),
                                               name="jury_juryreminder_unique_automatic")]

    def __str__(self):
        return f"{self.round} — {self.get_kind_display()}"
