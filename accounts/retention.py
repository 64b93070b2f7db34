"""How long an unused account is kept, as plain rules: the daily purge (`accounts.inactive_accounts`) warns an
account with no login for two years by e-mail, then deletes it 30 days later if its owner has still not logged in.
"""

import datetime
import enum

INACTIVE_AFTER = datetime.timedelta(days=2 * 365)  # without a login (or since sign-up, for one who never did)
NOTICE_BEFORE_DELETION = datetime.timedelta(days=30)  # between the warning e-mail and the deletion


class AccountStep(enum.Enum):
    KEEP = "keep"
    WARN = "warn"  # inactive for two years: e-mail the owner that the account will be deleted
    DELETE = "delete"  # warned 30 days ago or more, and no login since
    FORGET_WARNING = "forget-warning"  # logged in since the warning: the clock starts again


def account_step(last_seen: datetime.datetime, warned_at: datetime.datetime | None,
                 now: datetime.datetime) -> AccountStep:
    """What the daily purge does with an account last seen (last login, else sign-up) at `last_seen`."""
    if warned_at is not None:
        if last_seen > warned_at:
            return AccountStep.FORGET_WARNING
        return AccountStep.DELETE if now >= deletion_date(warned_at) else AccountStep.KEEP
    return AccountStep.WARN if last_seen <= now - INACTIVE_AFTER else AccountStep.KEEP


def deletion_date(warned_at: datetime.datetime) -> datetime.datetime:
    """When a warned account is deleted, unless its owner logs in before."""
    return warned_at + NOTICE_BEFORE_DELETION
