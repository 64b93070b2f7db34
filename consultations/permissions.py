"""Who may draft, edit, review and read the consultation records, and add their follow-up: the one place that
decides, used by every view, feed and list of the records.

- The public reads published records only (a `Consultation` row exists once published), their follow-ups and
  progress entries; never a draft.
- A territory's agents (verified members of the organisation) draft and update its records and write its
  follow-up, when the organisation has committed to the charter or is committing (a verified or a pending
  commitment): the charter is what a record is assessed against.
- A draft is read and edited by its creator, its co-editors and the organisation's verified référents
  (the library's rule for drafts, `library.permissions.can_see_draft`, applies as it is).
- The team: superusers and staff holding `consultations.change_consultation` review and publish.
"""

from django.contrib.auth import get_user_model

from consultations.commitment_models import Commitment, CommitmentStatus
from consultations.record_models import Consultation
from library.permissions import can_see_draft, is_active, verified_memberships
from reviews import states

COMMITTED = (CommitmentStatus.VERIFIED, CommitmentStatus.PENDING)
STAFF_PERMISSION = "consultations.change_consultation"


def is_records_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm(STAFF_PERMISSION))


def committed_organisation_ids(user):
    """The organisations `user` may draft for: verified in them, and they committed or are committing (a
    subquery: no query of its own)."""
    return (Commitment.objects.filter(status__in=COMMITTED,
                                      organisation_id__in=verified_memberships(user).values("organisation_id"))
            .values("organisation_id"))


def may_draft_for(user, organisation_id) -> bool:
    return committed_organisation_ids(user).filter(organisation_id=organisation_id).exists()


def is_territory_agent(user, organisation_id) -> bool:
    """A verified agent (or référent) of the record's territory: they update it and write its follow-up."""
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


def staff_addresses() -> list[str]:
    """Whom a submitted record is told to: active superusers and holders of the records' change permission."""
    users = get_user_model().objects.with_perm(STAFF_PERMISSION, include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    return sorted({address for address in users.filter(is_active=True).values_list("email", flat=True) if address})
