"""Accounts warned that they will be deleted for inactivity (see `labels.retention`, `labels.inactive_accounts`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InactivityWarning(models.Model):
    """The owner of an account with no login for two years was e-mailed that it will be deleted 30 days later.

    Kept so that the daily purge warns once and deletes only after the
    notice; a login after `warned_at` cancels it. It goes with the account.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE,
                                related_name="inactivity_warning")
    warned_at = models.DateTimeField(_("prévenu le"))

    class Meta:
        verbose_name = _("avertissement d'inactivité")
        verbose_name_plural = _("avertissements d'inactivité")

    def __str__(self):
        return f"{self.user_id}: {self.warned_at:%Y-%m-%d}"
