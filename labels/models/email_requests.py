"""The e-mails people asked the site to send, dated: what the limits of labels/limits.py count."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labels.limits import EmailKind


class EmailRequest(models.Model):
    """One request for an e-mail (a sign-up, a password reset, an invitation, a receipt), kept a day.

    Recorded whether or not an e-mail went out (an unknown address asking for
    a password reset counts as a known one does: a refusal tells nothing).
    Addresses are kept as keyed digests (labels/email_quota.py), never in
    clear: the table counts, it does not say who was written to.
    """

    kind = models.CharField(_("type"), max_length=16, choices=EmailKind.choices)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    recipient = models.CharField(max_length=64, blank=True)
    client_ip = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(_("le"))

    class Meta:
        verbose_name = _("demande d'e-mail")
        indexes = [models.Index(fields=["kind", "at"]), models.Index(fields=["at"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
