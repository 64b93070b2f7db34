"""Who may see and do what in the programme: the one place that decides.

- Everyone reads the programme page, every adopted charter version, the
  public register (verified commitments, and the withdrawn ones that had been
  verified) and the open data. Pending and refused commitments, the signed
  documents and the withdrawal of a commitment are never public.
- A verified référent of an organisation commits it, sees its commitments
  (pending, refused…) and their signed documents, and withdraws them.
- The team ("staff"): superusers, and staff holding
  `consultations.verify_commitment`; they verify or refuse, and may withdraw.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.models import Membership, MembershipRole, MembershipStatus
from consultations.models import Commitment, CommitmentStatus

VERIFY_PERMISSION = "consultations.verify_commitment"


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_programme_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm(VERIFY_PERMISSION))


def referent_organisation_ids(user) -> set[int]:
    """The organisations of which `user` is a verified référent."""
    if not is_active(user):
        return set()
    return set(Membership.objects.filter(person=user, role=MembershipRole.REFERENT, status=MembershipStatus.VERIFIED)
               .values_list("organisation_id", flat=True))


def can_commit(user, organisation_id) -> bool:
    return organisation_id in referent_organisation_ids(user)


def public_q() -> Q:
    """The commitments the public register shows: current signatories and past ones (verified, then withdrawn)."""
    return Q(status=CommitmentStatus.VERIFIED) | Q(status=CommitmentStatus.WITHDRAWN, decided_at__isnull=False)


def public_commitments():
    return Commitment.objects.filter(public_q())


def verified_commitments():
    """The current commitments: each makes its organisation a "territoire engagé"."""
    return Commitment.objects.filter(status=CommitmentStatus.VERIFIED)


def commitments_visible_to(user):
    """The public ones, plus every commitment of the user's référent organisations; all of them for the team."""
    if is_programme_staff(user):
        return Commitment.objects.all()
    return Commitment.objects.filter(public_q() | Q(organisation_id__in=referent_organisation_ids(user)))


def can_read_signed_document(user, commitment) -> bool:
    return is_programme_staff(user) or commitment.organisation_id in referent_organisation_ids(user)


def can_withdraw(user, commitment) -> bool:
    """Pending or verified commitments, by a référent of the organisation or the team."""
    if commitment.status not in (CommitmentStatus.PENDING, CommitmentStatus.VERIFIED):
        return False
    return can_read_signed_document(user, commitment)


def staff_addresses() -> list[str]:
    """Whom a new commitment is told to: active superusers and holders of the verification permission."""
    app_label, codename = VERIFY_PERMISSION.split(".")
    users = get_user_model().objects.filter(is_active=True).filter(
        Q(is_superuser=True)
        | Q(is_staff=True, user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
        | Q(is_staff=True, groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label))
    return sorted({user.email for user in users.distinct() if user.email})
