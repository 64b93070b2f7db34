"""Who scores which file in a round."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .members import JuryMember
from .rounds import JuryRound


class Assignment(models.Model):
    """A juror has to score an application in a round (made by `jury.services.assignments` or by hand)."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="assignments")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_assignments")
    assigned_at = models.DateTimeField(_("attribuée le"), auto_now_add=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["round", "juror", "application"]
        verbose_name = _("attribution")
        verbose_name_plural = _("attributions")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application"],
                                               name="jury_assignment_unique")]

    def __str__(self):
        return _("%(juror)s : %(application)s") % {"juror": self.juror, "application": self.application}
