"""What came of a consultation, written by its territory's agents: follow-up commitments, their status, dated
progress entries; and the reminders that ask the territory at 3 and 12 months after the end.

Published at once (they are the territory's own account of its action) and
logged in the review module's log, so the team sees who wrote what.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from consultations import permissions, record_rules
from consultations import record_tasks as tasks
from consultations.followup_models import FollowUp, FollowUpReminder, ProgressEntry
from consultations.record_models import Consultation
from interconnectes.refusals import Refused
from reviews import services
from reviews.states import Action


def check_writer(user, consultation) -> None:
    if not permissions.can_write_follow_up(user, consultation):
        raise Refused(_("Seuls les agents vérifiés du territoire écrivent le suivi de sa concertation."))


def add_follow_up(user, consultation, *, text: str, owner: str, status: str, reason: str, now) -> FollowUp:
    """Refused with the fields' messages (ValidationError) when the commitment is not sound; nothing saved."""
    check_writer(user, consultation)
    follow_up = FollowUp(consultation=consultation, text=text.strip(), owner=owner.strip(), status=status,
                         reason=reason.strip(), created_at=now, created_by=user)
    follow_up.full_clean()
    with transaction.atomic():
        follow_up.save()
        services.log(consultation, Action.PUBLISH_DIRECTLY, user, now,
                     note=_("Engagement de suivi : %(text)s") % {"text": follow_up.text})
    return follow_up


def change_status(user, follow_up, *, status: str, reason: str, now) -> FollowUp:
    check_writer(user, follow_up.consultation)
    errors = record_rules.follow_up_errors(status=status, reason=reason)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        follow_up.status, follow_up.reason = status, reason.strip()
        follow_up.save(update_fields=["status", "reason"])
        services.log(follow_up.consultation, Action.PUBLISH_DIRECTLY, user, now,
                     note=_("Statut de « %(text)s » : %(status)s") % {"text": follow_up.text[:80],
                                                                      "status": follow_up.get_status_display()})
    return follow_up


def add_progress(user, follow_up, *, on: datetime.date, text: str, now) -> ProgressEntry:
    check_writer(user, follow_up.consultation)
    entry = ProgressEntry(follow_up=follow_up, on=on, text=text.strip(), created_at=now, created_by=user)
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        services.log(follow_up.consultation, Action.PUBLISH_DIRECTLY, user, now,
                     note=_("Avancement du %(on)s : %(text)s") % {"on": on.isoformat(), "text": entry.text[:200]})
    return entry


def remind(today: datetime.date) -> list[str]:
    """E-mail the territory of each published consultation whose 3- or 12-month mark has come; each reminder
    once (a row per reminder, unique: a second run, or two at once, send nothing more)."""
    earliest = record_rules.add_months(today, -min(record_rules.REMINDER_MONTHS))
    consultations = (Consultation.objects.published().filter(ends_on__lte=earliest)
                     .exclude(reminders__months=max(record_rules.REMINDER_MONTHS))
                     .prefetch_related("reminders"))
    lines = []
    for consultation in consultations:
        sent = {reminder.months for reminder in consultation.reminders.all()}
        for months in record_rules.reminders_due(consultation.ends_on, today, sent):
            try:
                with transaction.atomic():
                    FollowUpReminder.objects.create(consultation=consultation, months=months, sent_on=today)
            except IntegrityError:
                continue
            tasks.send_follow_up_reminder.enqueue(consultation.pk, months)
            lines.append(_("Rappel de suivi (%(months)s mois) : %(title)s") % {"months": months,
                                                                               "title": consultation.title})
    return lines
