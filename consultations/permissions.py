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

The consultation records:

- The public reads published records only (a `Consultation` row exists once published), their follow-ups and
  progress entries; never a draft.
- A territory's agents (verified members of the organisation) draft and update its records and write its
  follow-up, when the organisation has committed to the charter or is committing (a verified or a pending
  commitment): the charter is what a record is assessed against.
- A draft is read and edited by its creator, its co-editors and the organisation's verified référents
  (the library's rule for drafts, `library.permissions.can_see_draft`, applies as it is).
- The records' team: superusers and staff holding `consultations.change_consultation` review and publish.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from consultations.models import Commitment, CommitmentStatus, Consultation
from library.permissions import can_see_draft, is_active, referent_organisation_ids, verified_memberships
from reviews import states

VERIFY_PERMISSION = "consultations.verify_commitment"
RECORDS_PERMISSION = "consultations.change_consultation"
COMMITTED = (CommitmentStatus.VERIFIED, CommitmentStatus.PENDING)


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


# --- The consultation records ------------------------------------------------------------------------------------

def is_records_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm(RECORDS_PERMISSION))


def committed_organisation_ids(user):
    """The organisations `user` may draft records for: verified in them, and they committed or are committing
    (a subquery: no query of its own)."""
    return (Commitment.objects.filter(status__in=COMMITTED,
                                      organisation_id__in=verified_memberships(user).values("organisation_id"))
            .values("organisation_id"))


def may_draft_for(user, organisation_id) -> bool:
    return committed_organisation_ids(user).filter(organisation_id=organisation_id).exists()


def is_territory_agent(user, organisation_id) -> bool:
    """A verified agent (or référent) of the record's territory: they write its follow-up."""
    return verified_memberships(user).filter(organisation_id=organisation_id).exists()


def can_start_update(user, consultation) -> bool:
    return may_draft_for(user, consultation.organisation_id)


def can_write_follow_up(user, consultation) -> bool:
    return is_territory_agent(user, consultation.organisation_id)


def can_see_record_draft(user, draft) -> bool:
    return can_see_draft(user, draft)


def can_edit_record_draft(user, draft) -> bool:
    return states.is_editable(draft.state) and can_see_draft(user, draft)


def public_consultations():
    return Consultation.objects.published()


def records_staff_addresses() -> list[str]:
    """Whom a submitted record is told to: active superusers and holders of the records' change permission."""
    users = get_user_model().objects.with_perm(RECORDS_PERMISSION, include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    return sorted({address for address in users.filter(is_active=True).values_list("email", flat=True) if address})
