"""The programme's writes: enrolments, attendance, reminders. Each checks `permissions` and runs atomically."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from interconnectes.refusals import Refused
from territoirprod import permissions, rules, tasks
from territoirprod.models import Attendance, AttendanceSource, Enrolment, Sequence, SequenceReminder


def enrol(person, edition, theme, *, by, now) -> Enrolment:
    """Enrol `person` in `theme` (None: the whole `edition`); enrolling twice, even at the same instant, makes one
    enrolment (the database's constraint decides between two requests)."""
    if not permissions.may_enrol_for(by, person, now.year):
        if by.pk == person.pk:
            raise Refused(_("L'inscription est réservée aux agents vérifiés d'une collectivité adhérente. "
                            "Faites vérifier votre rattachement depuis « Mon espace »."))
        raise Refused(_("Vous ne pouvez inscrire que les agents vérifiés de la collectivité dont vous êtes "
                        "référent·e."))
    existing = Enrolment.objects.active().filter(user=person, edition=edition, theme=theme)
    try:
        with transaction.atomic():
            enrolment, _created = existing.get_or_create(
                defaults={"user": person, "edition": edition, "theme": theme, "enrolled_by": by, "created_at": now})
    except IntegrityError:  # the other request of a double click won: its enrolment is this one
        enrolment = existing.get()
    return enrolment


def unenrol(actor, enrolment_id, now) -> Enrolment:
    """The person, or a référent who may enrol them, cancels an enrolment (kept, dated, for the record)."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().active().filter(pk=enrolment_id).first()
        if enrolment is None or (enrolment.user_id != actor.pk
                                 and not permissions.enrollable_agents(actor, now.year).filter(
                                     pk=enrolment.user_id).exists()):
            raise Refused(_("Cette inscription n'existe pas, ou n'est déjà plus active."))
        enrolment.cancelled_at = now
        enrolment.save(update_fields=["cancelled_at"])
    return enrolment


def record_attendance(user, sequence, source, now, *, by=None) -> Attendance:
    """Record that `user` attended `sequence` (live, seen by the team, or by watching its replay to the end);
    recording it again keeps the first record."""
    try:
        with transaction.atomic():
            attendance, _created = Attendance.objects.get_or_create(
                user=user, sequence=sequence,
                defaults={"source": source, "recorded_at": now, "recorded_by": by})
    except IntegrityError:
        attendance = Attendance.objects.get(user=user, sequence=sequence)
    return attendance


def set_staff_attendance(sequence, present_ids: set[int], by, now) -> None:
    """The team's roll call: who is ticked present is recorded; unticking removes only the team's own records
    (a replay watched to the end stays)."""
    with transaction.atomic():
        Attendance.objects.filter(sequence=sequence, source=AttendanceSource.STAFF).exclude(
            user_id__in=present_ids).delete()
        for user in permissions.enrolled_users(sequence.theme).filter(pk__in=present_ids):
            record_attendance(user, sequence, AttendanceSource.STAFF, now, by=by)


def send_due_reminders(now) -> list[str]:
    """E-mail each enrolled member agent the reminders due for the coming sequences, once each: the record is
    written before the e-mail is queued, and a second run finds it."""
    lines = []
    horizon = now + rules.REMINDER_HORIZON
    for sequence in Sequence.objects.filter(starts_at__gt=now, starts_at__lte=horizon).select_related("theme"):
        for kind in rules.due_reminders(sequence.starts_at, now):
            recipients = permissions.enrolled_users(sequence.theme).filter(
                memberships__in=permissions.member_memberships(now.year)).exclude(
                pk__in=SequenceReminder.objects.filter(sequence=sequence, kind=kind).values("user_id")).distinct()
            for user in recipients:
                try:
                    with transaction.atomic():
                        SequenceReminder.objects.create(user=user, sequence=sequence, kind=kind, sent_at=now)
                except IntegrityError:
                    continue  # another run sent it meanwhile
                tasks.send_sequence_reminder.enqueue(user.pk, sequence.pk, kind)
                lines.append(_("Rappel %(kind)s : %(sequence)s → %(email)s") % {
                    "kind": kind, "sequence": sequence, "email": user.email})
    return lines

