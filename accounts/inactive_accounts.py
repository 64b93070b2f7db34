"""Accounts nobody has used for two years: warned by e-mail, then deleted 30 days later (`accounts.retention`).

Run daily by `manage.py purge_personal_data`. The deletion is the account
page's own (`accounts.gdpr.delete_account`): drafts and applications of open
campaigns go, the others are anonymised, a juror's record stays anonymised
(`jury.signals`). Accounts of the association's team (admin access) are left
to its administrators, who may have to hand their work over first.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from accounts import gdpr, retention, tasks
from accounts.models import InactivityWarning
from accounts.retention import AccountStep
from interconnectes import canonical


def purge_inactive_accounts(now) -> tuple[int, int]:
    """Warn the accounts inactive for two years, delete those warned 30 days ago; returns (warned, deleted)."""
    candidates = (get_user_model().objects.filter(is_staff=False, is_superuser=False)
                  .annotate(last_seen=Coalesce("last_login", "date_joined"))
                  .filter(Q(last_seen__lte=now - retention.INACTIVE_AFTER) | Q(inactivity_warning__isnull=False))
                  .select_related("inactivity_warning").order_by("pk"))
    warned = deleted = 0
    for user in candidates:
        warning = getattr(user, "inactivity_warning", None)
        step = retention.account_step(user.last_seen, warning.warned_at if warning else None, now)
        if step == AccountStep.WARN:
            with transaction.atomic():
                InactivityWarning.objects.create(user=user, warned_at=now)
                send_inactivity_warning.enqueue(user.pk)
            warned += 1
        elif step == AccountStep.DELETE:
            gdpr.delete_account(user, now)
            deleted += 1
        elif step == AccountStep.FORGET_WARNING:
            warning.delete()
    return warned, deleted


@task()
def send_inactivity_warning(user_id: int) -> None:
    """The warning e-mail: when the account will be deleted, and the login page that keeps it."""
    warning = InactivityWarning.objects.select_related("user").filter(user_id=user_id).first()
    if warning is None or not warning.user.email:
        return
    tasks.send("inactive_account", [warning.user.email], {
        "first_name": warning.user.first_name,
        "deletion_on": timezone.localtime(retention.deletion_date(warning.warned_at)),
        "login_url": canonical.absolute(reverse("accounts:login")),
    })
