"""Who takes part: enrolments (in a theme or a whole edition), reminders sent, attendance recorded."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Enrolment(models.Model):
    """A person enrolled in a theme, or in every theme of an edition (`theme` empty); cancelled, not deleted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                             related_name="territoirprod_enrolments")
    edition = models.ForeignKey("territoirprod.EditionPage", verbose_name=_("édition"), on_delete=models.CASCADE,
                                related_name="enrolments")
    theme = models.ForeignKey("territoirprod.ThemePage", verbose_name=_("thème"), null=True, blank=True,
                              on_delete=models.CASCADE, related_name="enrolments",
                              help_text=_("Vide : toute l'édition."))
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("inscrit·e par"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("inscrit·e le"))
    cancelled_at = models.DateTimeField(_("désinscrit·e le"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["user", "theme"],
                                    condition=Q(cancelled_at__isnull=True, theme__isnull=False),
                                    name="territoirprod_one_active_enrolment_per_theme"),
            models.UniqueConstraint(fields=["user", "edition"],
                                    condition=Q(cancelled_at__isnull=True, theme__isnull=True),
                                    name="territoirprod_one_active_enrolment_per_edition"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.theme_id or self.edition_id}"


class ReminderKind(models.TextChoices):
    WEEK = "j-7", _("7 jours avant")
    DAY = "j-1", _("la veille")


class SequenceReminder(models.Model):
    """A reminder e-mail sent: recorded so that each goes out once, whatever the number of runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sequence = models.ForeignKey("territoirprod.Sequence", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("rappel"), max_length=8, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("envoyé le"))

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints = [models.UniqueConstraint(fields=["user", "sequence", "kind"],
                                               name="territoirprod_one_reminder_per_kind")]

    def __str__(self):
        return f"{self.user_id} {self.sequence_id} {self.kind}"


class AttendanceSource(models.TextChoices):
    STAFF = "staff", _("relevée par l'équipe")
    REPLAY = "replay", _("replay regardé jusqu'au bout")


class Attendance(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                             related_name="territoirprod_attendances")
    sequence = models.ForeignKey("territoirprod.Sequence", verbose_name=_("séquence"), on_delete=models.CASCADE,
                                 related_name="attendances")
    source = models.CharField(_("source"), max_length=16, choices=AttendanceSource.choices)
    recorded_at = models.DateTimeField(_("relevée le"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("relevée par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["sequence__starts_at"]
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [models.UniqueConstraint(fields=["user", "sequence"],
                                               name="territoirprod_one_attendance_per_sequence")]

    def __str__(self):
        return f"{self.user_id} @ {self.sequence_id}"
