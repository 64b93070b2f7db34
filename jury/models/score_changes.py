"""The history of score changes: what a juror's score on a criterion was before a save, and after."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .members import JuryMember
from .rounds import JuryRound, RoundCriterion


class ScoreChange(AppendOnlyModel):
    """A score given, changed or removed by a save of the juror's sheet: before and after, value and comment.

    Written by `jury.services.scores.save_scores` in the save's transaction,
    never changed afterwards, so that staff can show how a ranking came about
    (a score lowered after the others appeared, a comment rewritten). A value
    of None is "not scored": None before is a first score, None after a score
    removed. Campaign staff read it on a file's history page; jurors never do.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE,
                              related_name="score_changes")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE,
                              related_name="score_changes")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_score_changes")
    criterion = models.ForeignKey(RoundCriterion, verbose_name=_("critère"), on_delete=models.CASCADE,
                                  related_name="changes")
    value_before = models.PositiveSmallIntegerField(_("note avant"), null=True, blank=True)
    value_after = models.PositiveSmallIntegerField(_("note après"), null=True, blank=True)
    comment_before = models.TextField(_("commentaire avant"), blank=True)
    comment_after = models.TextField(_("commentaire après"), blank=True)
    changed_at = models.DateTimeField(_("modifiée le"))

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("modification de note")
        verbose_name_plural = _("modifications de notes")
        indexes = [models.Index(fields=["application", "changed_at"], name="jury_scorechange_application")]

    def __str__(self):
        return _("%(juror)s, %(criterion)s : %(before)s → %(after)s") % {
            "juror": self.juror, "criterion": self.criterion, "before": self.value_before, "after": self.value_after}
