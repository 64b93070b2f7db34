"""How long personal data is kept: the dates the daily purge (`labels.purge`) compares against, as plain rules.

- applications of a campaign closed more than `LABELS_RETENTION_YEARS` ago:
  non-laureates are deleted, laureates and mentions lose their contact
  details and keep their public record;
- an account with no login for two years is warned, then deleted 30 days
  later (`accounts.retention`);
- login logs and finished background tasks are kept `LOGS_RETENTION_DAYS`.
"""

import datetime


def years_before(now: datetime.datetime, years: int) -> datetime.datetime:
    """`years` calendar years before `now`, leap days included (the retention period of applications)."""
    return now - datetime.timedelta(days=365 * years + years // 4)
