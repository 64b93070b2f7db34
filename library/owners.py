"""Whom the library writes to about a record.

A record's owners are the verified agents of its lead collectivité, its
référents first: they are the ones who can correct it. Staff are the active
accounts allowed to handle error reports (superusers, and holders of the
"change" permission on them through a Wagtail group).
"""

from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Value, When

from accounts.models import Membership, MembershipRole, MembershipStatus


def owner_addresses(organisation_id: int) -> list[str]:
    """The e-mail addresses of the verified agents of an organisation, its référents first."""
    memberships = (Membership.objects.filter(organisation_id=organisation_id, status=MembershipStatus.VERIFIED,
                                             person__is_active=True)
                   .annotate(rank=Case(When(role=MembershipRole.REFERENT, then=Value(0)), default=Value(1),
                                       output_field=IntegerField()))
                   .order_by("rank", "person__email"))
    return [address for address in memberships.values_list("person__email", flat=True) if address]


def staff_addresses() -> list[str]:
    users = get_user_model().objects.with_perm("library.change_errorreport", include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    return sorted({address for address in users.filter(is_active=True).values_list("email", flat=True) if address})
