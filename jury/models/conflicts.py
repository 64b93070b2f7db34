"""Jurors' declarations of interests on the files they are given."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .members import JuryMember
from .rounds import JuryRound


class ConflictDeclarationQuerySet(models.QuerySet):
    def conflicts(self):
        return self.filter(has_conflict=True)


class ConflictDeclaration(AppendOnlyModel):
    """A juror's declaration on an application, logged: "pas de conflit d'intérêts" or a conflict and why.

    It holds for the whole campaign, whatever the round it was made in: a
    conflicted juror never sees the file again and their scores never count,
    even if a later row says otherwise.
    """

    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE,
                              related_name="conflict_declarations")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="conflict_declarations")
    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="conflict_declarations")
    has_conflict = models.BooleanField(_("conflit d'intérêts"))
    reason = models.TextField(_("motif"), blank=True)
    declared_at = models.DateTimeField(_("déclaré le"))
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = ConflictDeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["declared_at", "pk"]
        verbose_name = _("déclaration de conflit d'intérêts")
        verbose_name_plural = _("déclarations de conflit d'intérêts")
        constraints = [models.CheckConstraint(condition=Q(has_conflict=False) | ~Q(reason=""),
                                              name="jury_conflict_reason_required")]
        # Progress and ranking ask, for each assignment or score of a round, whether its pair is conflicted: one
        # probe of this small index (conflicts only), not a walk through every declaration of the juror.
        indexes = [models.Index(fields=["juror", "application"], condition=Q(has_conflict=True),
                                name="jury_conflict_pair")]

    def __str__(self):
        return _("%(juror)s : %(application)s") % {"juror": self.juror, "application": self.application}
