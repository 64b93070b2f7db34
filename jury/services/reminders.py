"""Reminders to the jurors of an open round who still have score sheets to complete.

Staff send one by hand when they choose; `send_due_reminders` sends the
automatic ones, 7 and 2 days before a round closes, from a command run daily
(`manage.py send_jury_reminders`). Each sending is logged in `JuryReminder`;
the automatic kinds are unique per round in the database, so a command run
twice, or two workers at once, never e-mail a juror twice.

The e-mail says how many sheets remain and until when, never which
applications: their names stay on the jury's pages.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from interconnectes import canonical, clock
from jury import tasks
from jury.models import JuryReminder, JuryRound, ReminderKind
from jury.permissions import require_staff
from jury.phases import RoundPhase
from jury.progress import round_progress
from jury.services.criteria import freeze_if_open

# How long before the close of scoring each automatic reminder becomes due, most urgent first.
AUTOMATIC = [
    (ReminderKind.TWO_DAYS_BEFORE, datetime.timedelta(days=2)),
    (ReminderKind.WEEK_BEFORE, datetime.timedelta(days=7)),
]


def jury_url() -> str:
    """The jury's pages, where the juror finds their files (on the site's public address)."""
    return canonical.absolute(reverse("jury:home"))


def _send(jury_round, *, by, now, kind) -> JuryReminder:
    """Log the sending, then queue one e-mail per juror with sheets missing, all in one transaction.

    The log row comes first: for an automatic kind, its unique constraint is
    what stops a second sending. The tasks are queued in the same transaction,
    so a refused sending queues nothing (the database task backend enqueues on
    commit).
    """
    freeze_if_open(jury_round, now)
    missing = round_progress(jury_round).missing
    url = jury_url()
    with transaction.atomic():
        reminder = JuryReminder.objects.create(round=jury_round, kind=kind, sent_at=now, sent_by=by,
                                               recipients=len(missing))
        for juror_id, count in sorted(missing.items()):
            tasks.send_jury_reminder.enqueue(juror_id, jury_round.pk, count, url)
    return reminder


def send_reminders(jury_round, *, by=None, now=None, kind=ReminderKind.MANUAL) -> int:
    """E-mail every juror of the round who has sheets left to complete; returns how many were reminded.

    `by` is the staff member sending it (None for the daily command).
    Refused when the round's scoring is not open: before, there is nothing
    to do yet; after, the jurors cannot score any more.
    """
    require_staff(by)
    now = now or clock.now()
    if kind not in ReminderKind.values:
        raise ValueError(f"Unknown reminder kind: {kind!r}")
    if jury_round.phase(now) != RoundPhase.OPEN:
        raise ValidationError(_("La notation de ce tour n'est pas ouverte : aucune relance possible."))
    try:
        reminder = _send(jury_round, by=by, now=now, kind=kind)
    except IntegrityError as error:
        raise ValidationError(_("Cette relance automatique a déjà été envoyée pour ce tour.")) from error
    return reminder.recipients


def due_kind(jury_round, now):
    """The automatic reminder due for an open round at `now`, or None: the most urgent one only.

    A round first seen 2 days before its close gets the J-2 reminder and no
    belated J-7 one.
    """
    if jury_round.phase(now) != RoundPhase.OPEN:
        return None
    left = jury_round.closes_at - now
    for kind, before in AUTOMATIC:
        if left <= before:
            return kind
    return None


def send_due_reminders(now=None) -> list:
    """Send the automatic reminders due at `now` that were not sent yet; returns the JuryReminder rows created."""
    now = now or clock.now()
    horizon = max(before for _kind, before in AUTOMATIC)
    rounds = (JuryRound.objects.filter(opens_at__lte=now, closes_at__gte=now, closes_at__lte=now + horizon)
              .select_related("campaign").order_by("closes_at", "pk"))
    sent = set(JuryReminder.objects.filter(round__in=rounds).exclude(kind=ReminderKind.MANUAL)
               .values_list("round_id", "kind"))
    reminders = []
    for jury_round in rounds:
        kind = due_kind(jury_round, now)
        if kind is None or (jury_round.pk, kind) in sent:
            continue
        try:
            reminders.append(_send(jury_round, by=None, now=now, kind=kind))
        except IntegrityError:
            continue  # sent meanwhile by another run
    return reminders
