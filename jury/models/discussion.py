"""Staff's hand on the "à discuter" list: a file added or removed, with a note, kept as a log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .rounds import JuryRound


class DiscussionFlag(AppendOnlyModel):
    """Staff put a file on the round's "à discuter" list, or took it off, whatever the spread says; the latest
    row of a (round, file) wins, earlier ones stay."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE,
                              related_name="discussion_flags")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="discussion_flags")
    to_discuss = models.BooleanField(_("à discuter"))
    note = models.TextField(_("note"))
    flagged_at = models.DateTimeField(_("le"))
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["flagged_at", "pk"]
        verbose_name = _("choix « à discuter »")
        verbose_name_plural = _("choix « à discuter »")
        constraints = [models.CheckConstraint(condition=~Q(note=""), name="jury_discussionflag_note_required")]

    def __str__(self):
        return f"{self.application} : {self.to_discuss}"
