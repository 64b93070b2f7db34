""""Signaler un problème" on a resource: recorded, e-mailed to staff, counted against the reader's daily quota
(`accounts.email_quota`, as the AI library's error reports are)."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import email_quota
from accounts.limits import EmailKind
from interconnectes.refusals import Refused
from resources import tasks
from resources.models import ResourceReport


def report(resource, person, message: str, now) -> ResourceReport:
    """Record what `person` says is wrong with a resource and have it e-mailed to staff; refused (QuotaReached)
    past the account's daily quota."""
    message = message.strip()
    if not message:
        raise Refused(_("Décrivez le problème : un lien cassé, une information dépassée, une erreur…"))
    with transaction.atomic():
        email_quota.reserve(EmailKind.RESOURCE_REPORT, now, account=person)
        row = ResourceReport.objects.create(resource=resource, reporter=person, message=message, created_at=now)
    tasks.send_report.enqueue(row.pk)
    return row
