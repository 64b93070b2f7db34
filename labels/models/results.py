"""When a campaign's results were published, by whom, and what was sent: workflow state in its own table.

Kept apart from the campaign page on purpose: a page revision published later
(an older one brought back, a draft finished after the results) cannot take
the results back offline, since no revision carries them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultsPublication(models.Model):
    """The one publication of a campaign's results, written by the jury's publication service."""

    campaign = models.OneToOneField("labels.LabelCampaignPage", verbose_name=_("campagne"),
                                    on_delete=models.CASCADE, related_name="results_publication")
    published_at = models.DateTimeField(_("publiés le"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    laureates = models.PositiveIntegerField(_("lauréats"), default=0)
    mentions = models.PositiveIntegerField(_("mentions spéciales"), default=0)
    not_selected = models.PositiveIntegerField(_("non retenues"), default=0)
    notified = models.PositiveIntegerField(
        _("candidats prévenus par e-mail"), null=True, blank=True,
        help_text=_("Vide pour une publication enregistrée avant la tenue de ce registre."),
    )

    class Meta:
        verbose_name = _("publication des résultats")
        verbose_name_plural = _("publications des résultats")

    def __str__(self):
        return str(self.campaign)
