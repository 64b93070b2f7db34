"""Who may see and do what in the programme: the one place that decides.

- Everyone reads the programme page, every adopted charter version, the
  public register (verified commitments, and the withdrawn ones that had been
  verified) and the open data. Pending and refused commitments, the signed
  documents and the withdrawal of a commitment are never public.
- A verified référent of an organisation (the library's rule, `library.permissions.referent_organisation_ids`)
  commits it, sees its commitments
  (pending, refused…) and their signed documents, and withdraws them.
- The team ("staff"): superusers, and staff holding
  `consultations.verify_commitment`; they verify or refuse, and may withdraw.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from consultations.models import Commitment, CommitmentStatus
from library.permissions import is_active, referent_organisation_ids

VERIFY_PERMISSION = "consultations.verify_commitment"


def is_programme_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm(VERIFY_PERMISSION))


def can_commit(user, organisation_id) -> bool:
    return organisation_id in referent_organisation_ids(user)


def public_commitments():
    """The commitments anyone may read: those of the public register."""
    return Commitment.objects.in_register()


def can_read_signed_document(user, commitment) -> bool:
    return is_programme_staff(user) or commitment.organisation_id in referent_organisation_ids(user)


def can_withdraw(user, commitment) -> bool:
    """Pending or verified commitments, by a référent of the organisation or the team."""
    if commitment.status not in (CommitmentStatus.PENDING, CommitmentStatus.VERIFIED):
        return False
    return can_read_signed_document(user, commitment)


def staff_addresses() -> list[str]:
    """Whom a new commitment is told to: active superusers and holders of the verification permission."""
    users = get_user_model().objects.with_perm(VERIFY_PERMISSION, include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    users = users.filter(Q(is_staff=True) | Q(is_superuser=True), is_active=True)
    return sorted({address for address in users.values_list("email", flat=True) if address})
