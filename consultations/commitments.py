"""The writes of commitments: submitted by a référent, verified or refused by the team, withdrawn. Each is one
transaction; the e-mails leave through Django tasks once it is committed."""

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import commitment_rules, permissions, tasks
from consultations.models import CharterVersion, Commitment, CommitmentStatus
from interconnectes.refusals import Refused


class CommitmentErrors(Refused):
    """Refused for reasons tied to fields: `errors` maps a field name to its French message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def current_version() -> CharterVersion | None:
    return CharterVersion.objects.in_force().first()


def field_errors(data: dict, version: CharterVersion | None, today: datetime.date) -> dict[str, str]:
    """What the rules refuse in a commitment's data, field by field (empty: nothing)."""
    errors = {}
    version_error = commitment_rules.version_error(version.status if version else None)
    if version_error:
        errors["charter_version"] = version_error
    elif data.get("signed_on"):
        date_error = commitment_rules.signed_on_error(data["signed_on"], version.adopted_on, today)
        if date_error:
            errors["signed_on"] = date_error
    return errors


def submit(user, organisation_id: int, data: dict, now) -> Commitment:
    """A référent's commitment of their organisation to the version in force: pending until the team verifies it."""
    if not permissions.can_commit(user, organisation_id):
        raise Refused(_("Seul·e un·e référent·e vérifié·e de l'organisation peut l'engager dans la charte."))
    with transaction.atomic():
        version = CharterVersion.objects.select_for_update().in_force().first()
        errors = field_errors(data, version, timezone.localdate(now))
        if errors:
            raise CommitmentErrors(errors)
        if Commitment.objects.filter(organisation_id=organisation_id, status=CommitmentStatus.PENDING).exists():
            raise Refused(_("Un engagement de cette organisation attend déjà sa vérification."))
        if Commitment.objects.filter(organisation_id=organisation_id, status=CommitmentStatus.VERIFIED,
                                     charter_version=version).exists():
            raise Refused(_("Cette organisation est déjà engagée dans la version en vigueur de la charte."))
        commitment = Commitment.objects.create(
            organisation_id=organisation_id, charter_version=version, submitted_by=user, submitted_at=now,
            status=CommitmentStatus.PENDING, **data)
        transaction.on_commit(partial(tasks.notify_staff.enqueue, commitment.pk), robust=True)
    return commitment


def pending_for_decision(commitment_id: int) -> Commitment:
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    if commitment.status != CommitmentStatus.PENDING:
        raise Refused(_("Cet engagement a déjà été traité."))
    return commitment


def verify(commitment_id: int, staff, now) -> Commitment:
    """The signatory's authority checked: the organisation is engaged; an earlier commitment to a previous version
    is withdrawn, replaced by this one."""
    with transaction.atomic():
        commitment = pending_for_decision(commitment_id)
        previous = Commitment.objects.select_for_update().filter(
            organisation_id=commitment.organisation_id, status=CommitmentStatus.VERIFIED).first()
        if previous is not None:
            previous.status, previous.withdrawn_on, previous.withdrawn_by = (
                CommitmentStatus.WITHDRAWN, timezone.localdate(now), staff)
            previous.withdrawal_reason = _("Remplacé par l'engagement dans la version %(number)s de la charte.") % {
                "number": commitment.charter_version.number}
            previous.save()
        commitment.status, commitment.decided_by, commitment.decided_at = CommitmentStatus.VERIFIED, staff, now
        commitment.save()
        transaction.on_commit(partial(tasks.notify_referents.enqueue, commitment.pk), robust=True)
    return commitment


def refuse(commitment_id: int, staff, reason: str, now) -> Commitment:
    if not reason.strip():
        raise CommitmentErrors({"reason": _("Indiquez le motif du refus : il est envoyé au ou à la référent·e.")})
    with transaction.atomic():
        commitment = pending_for_decision(commitment_id)
        commitment.status, commitment.decided_by, commitment.decided_at = CommitmentStatus.REFUSED, staff, now
        commitment.refusal_reason = reason.strip()
        commitment.save()
        transaction.on_commit(partial(tasks.notify_referents.enqueue, commitment.pk), robust=True)
    return commitment


def withdraw(commitment_id: int, user, withdrawn_on: datetime.date, reason: str, now) -> Commitment:
    """A référent of the organisation, or the team, withdraws a pending or verified commitment, with a date."""
    with transaction.atomic():
        commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
        if not permissions.can_withdraw(user, commitment):
            raise Refused(_("Vous ne pouvez pas retirer cet engagement."))
        error = commitment_rules.withdrawal_error(withdrawn_on, commitment.signed_on, timezone.localdate(now))
        if error:
            raise CommitmentErrors({"withdrawn_on": error})
        commitment.status, commitment.withdrawn_on, commitment.withdrawn_by = (
            CommitmentStatus.WITHDRAWN, withdrawn_on, user)
        commitment.withdrawal_reason = reason.strip()
        commitment.save()
    return commitment
