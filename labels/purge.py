"""The daily purge of personal data, run by `manage.py purge_personal_data`: each retention rule of
`labels.retention` applied once, in order, with a line of report for each.

1. applications of campaigns closed more than `LABELS_RETENTION_YEARS` ago:
   non-laureates deleted with their files, laureates and mentions anonymised
   (their public record stays);
2. inactive accounts warned, then deleted (`accounts.inactive_accounts`);
3. django-axes' login logs (attempts, successful logins, failures) and
   finished task rows of django-tasks-db (they hold addresses) older than
   `LOGS_RETENTION_DAYS`.

Every step is idempotent: the command can run again, or after a missed day.
"""

import datetime
import logging

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from accounts.inactive_accounts import purge_inactive_accounts
from labels import gdpr, retention

logger = logging.getLogger("labels.purge")


def prune_logs(now, days: int) -> tuple[int, int]:
    """Delete login logs and finished task rows older than `days`; returns (log entries, task rows).

    A failed-login counter (`AccessAttempt`) is kept for its cool-off at
    least, so that pruning never lifts a lockout; with no cool-off (lockouts
    lifted by hand), counters are left alone.
    """
    cutoff = now - datetime.timedelta(days=days)
    entries = sum(model.objects.filter(attempt_time__lt=cutoff).delete()[1].get(model._meta.label, 0)
                  for model in (AccessLog, AccessFailureLog))
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = AccessAttempt.objects.filter(attempt_time__lt=min(cutoff, now - cool_off))
        entries += attempts.delete()[1].get(AccessAttempt._meta.label, 0)
    tasks = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()[1].get(
        DBTaskResult._meta.label, 0)
    return entries, tasks


def run(now) -> list[str]:
    """Apply every retention rule as of `now`; returns the report's lines (also logged)."""
    cutoff = retention.years_before(now, settings.LABELS_RETENTION_YEARS)
    deleted_applications = gdpr.purge_applications(cutoff)
    anonymised = gdpr.anonymise_laureates(cutoff, now)
    warned, deleted_accounts = purge_inactive_accounts(now)
    entries, tasks = prune_logs(now, settings.LOGS_RETENTION_DAYS)
    lines = [
        f"{deleted_applications} candidature(s) non lauréate(s) supprimée(s), campagnes closes avant le "
        f"{cutoff:%d/%m/%Y}",
        f"{anonymised} lauréat(s) ou mention(s) anonymisé(s)",
        f"{warned} compte(s) inactif(s) prévenu(s), {deleted_accounts} supprimé(s)",
        f"{entries} entrée(s) des journaux de connexion et {tasks} tâche(s) terminée(s) supprimée(s)",
    ]
    for line in lines:
        logger.warning("purge des données personnelles : %s", line)
    return lines
