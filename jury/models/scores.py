"""What jurors write: a score per frozen criterion, a sheet per file, and the unlocks staff grant after the close."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .members import JuryMember
from .rounds import JuryRound, RoundCriterion


class Score(models.Model):
    """One juror's score on one criterion of one application, in one round (round 2 never touches round 1).

    The criterion is the round's frozen copy: the campaign page's criteria can
    change or go afterwards, the score keeps its scale and weight.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_scores")
    criterion = models.ForeignKey(RoundCriterion, verbose_name=_("critère"), on_delete=models.CASCADE,
                                  related_name="scores")
    value = models.PositiveSmallIntegerField(_("note"))
    comment = models.TextField(_("commentaire"), blank=True)
    updated_at = models.DateTimeField(_("enregistrée le"))

    class Meta:
        ordering = ["round", "application", "juror", "criterion"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application", "criterion"],
                                               name="jury_score_unique")]
        indexes = [models.Index(fields=["round", "application"], name="jury_score_round_application")]

    def __str__(self):
        return f"{self.criterion} : {self.value}"


class ScoreSheet(models.Model):
    """A juror's sheet for an application in a round: the overall comment and when it was last saved.

    The form shows `updated_at` ("enregistrée le …"): with two tabs open, the
    last save wins and the juror can tell which one it was.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="sheets")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="sheets")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_sheets")
    overall_comment = models.TextField(_("commentaire général"), blank=True)
    updated_at = models.DateTimeField(_("dernier enregistrement"))

    class Meta:
        ordering = ["round", "application", "juror"]
        verbose_name = _("fiche de notation")
        verbose_name_plural = _("fiches de notation")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application"],
                                               name="jury_scoresheet_unique")]

    def __str__(self):
        return _("%(juror)s : %(application)s") % {"juror": self.juror, "application": self.application}


class ScoreUnlock(AppendOnlyModel):
    """Staff reopened a closed round's scores for one juror (one application, or all of theirs) until a date."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="unlocks")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="unlocks")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="+",
                                    help_text=_("Vide : toutes les candidatures du juré."))
    reason = models.TextField(_("motif"))
    until = models.DateTimeField(_("déverrouillé jusqu'au"))
    unlocked_at = models.DateTimeField(_("déverrouillé le"))
    unlocked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["unlocked_at", "pk"]
        verbose_name = _("déverrouillage de notes")
        verbose_name_plural = _("déverrouillages de notes")
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="jury_scoreunlock_reason_required")]

    def __str__(self):
        return _("%(juror)s, jusqu'au %(until)s") % {"juror": self.juror, "until": self.until}
