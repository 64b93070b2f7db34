"""Counting and recording the e-mails people ask the site to send, against the quotas of accounts/limits.py.

In the database (`accounts.EmailRequest`), not in a process's cache: every
worker process counts the same requests. Two requests racing for a quota's
last place may both get it; a limit is overrun by at most the requests that
arrive in the same instant.
"""

from django.utils.crypto import salted_hmac

from accounts import limits
from accounts.models import EmailRequest
from interconnectes.refusals import Refused


class QuotaReached(Refused):
    """A quota used up: the French message, and whom it counts for (to put the message next to the right field)."""

    def __init__(self, quota: limits.Quota):
        super().__init__(quota.message())
        self.scope = quota.scope


def digest(value: str) -> str:
    """A keyed digest of an address (e-mail or network): counted without being kept in clear."""
    return salted_hmac("labels.email_quota", value.strip().lower()).hexdigest() if value else ""


def reserve(kind: str, now, *, account=None, recipient: str = "", client_ip: str = "") -> None:
    """Record one request of `kind`, or raise QuotaReached when one of its quotas is used up."""
    scopes = {limits.Scope.ACCOUNT: {"account": account.pk} if account is not None else None,
              limits.Scope.RECIPIENT: {"recipient": digest(recipient)} if recipient else None,
              limits.Scope.CLIENT_IP: {"client_ip": digest(client_ip)} if client_ip else None}
    counts = {
        quota.scope: EmailRequest.objects.filter(kind=kind, at__gt=now - quota.period, **scopes[quota.scope]).count()
        for quota in limits.QUOTAS[kind] if scopes[quota.scope] is not None
    }
    quota = limits.exceeded(kind, counts)
    if quota is not None:
        raise QuotaReached(quota)
    EmailRequest.objects.filter(at__lt=now - limits.RETENTION).delete()
    EmailRequest.objects.create(kind=kind, account=account, recipient=digest(recipient),
                                client_ip=digest(client_ip), at=now)
