"""Who may draft, edit, submit and review the library's records: the one place that decides.

- The team ("staff"): superusers, and staff holding `library.change_implementation`; they review and publish.
  (Nobody else's permissions are even read: an agent's pages cost no permission query.)
- A record's owners: the verified agents of its lead organisation. They start an update of it; what they
  may do follows their verified status, not the organisation's membership of the association (a collectivité
  that stops being a member keeps its published records, and its agents keep editing them).
- A draft's editors: its creator and the co-editors they invited, while verified agents of its organisation,
  and the organisation's verified référents.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.models import Membership, MembershipRole, MembershipStatus
from reviews import states

# The library's two teams: staff holding the permission to edit the records, and to decide expert access.
GRANT_PERMISSION = "accounts.change_grant"


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_library_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("library.change_implementation"))


def is_access_team(user) -> bool:
    """The team deciding expert access: staff holding the permission (nobody else's permissions are even read)."""
    return is_active(user) and user.is_staff and user.has_perm(GRANT_PERMISSION)


def verified_roles(request) -> dict[int, str]:
    """Organisation id → role of the request's user's verified memberships: one query, kept on the request for the
    other parts of a page that ask (the sections of "Mon espace")."""
    user = request.user
    cached = getattr(request, "library_roles", None)
    if cached is None or cached[0] != user.pk:
        roles = dict(verified_memberships(user).values_list("organisation_id", "role"))
        cached = request.library_roles = (user.pk, roles)
    return cached[1]


def verified_memberships(user):
    if not is_active(user):
        return Membership.objects.none()
    return Membership.objects.filter(person=user, status=MembershipStatus.VERIFIED)


def verified_organisation_ids(user) -> set[int]:
    return set(verified_memberships(user).values_list("organisation_id", flat=True))


def referent_organisation_ids(user) -> set[int]:
    return set(verified_memberships(user).filter(role=MembershipRole.REFERENT).values_list("organisation_id",
                                                                                          flat=True))


def is_owner(user, organisation_id) -> bool:
    """A verified agent (or référent) of the organisation."""
    return verified_memberships(user).filter(organisation_id=organisation_id).exists()


def can_start_update(user, implementation) -> bool:
    return is_owner(user, implementation.lead_organisation_id)


def can_edit_draft(user, draft) -> bool:
    """The draft's creator or a co-editor, or a référent of its organisation, while verified in it; in an
    editable state only."""
    return states.is_editable(draft.state) and can_see_draft(user, draft)


def can_see_draft(user, draft) -> bool:
    membership = verified_memberships(user).filter(organisation_id=draft.organisation_id).first()
    if membership is None:
        return False
    if membership.role == MembershipRole.REFERENT or draft.created_by_id == user.pk:
        return True
    return draft.editors.filter(pk=user.pk).exists()


def can_invite(user, draft) -> bool:
    return can_edit_draft(user, draft)


def staff_addresses() -> list[str]:
    """Whom a submission is told to: active superusers and holders of the library's change permission."""
    users = get_user_model().objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(user_permissions__codename="change_implementation",
                                 user_permissions__content_type__app_label="library")
        | Q(groups__permissions__codename="change_implementation",
            groups__permissions__content_type__app_label="library"))
    return sorted({user.email for user in users.distinct() if user.email})
