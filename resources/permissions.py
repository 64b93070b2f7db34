"""Who may see what of the resource space: the one place that decides, used by every page, file, listing, the
sitemap and the search index.

- Public resources: everyone.
- Members-only resources: verified agents of a collectivité that is a member of the association this year
  (`accounts.tiers`: MEMBER_AGENT or above, the person's memberships read once per request), and the team
  (superusers, and staff holding `resources.change_resource`). An unverified or revoked agent, an agent of
  a collectivité that is not a member, anyone else: below members. Only public resources reach the
  sitemap and the search index.
- Below members, a members-only resource's page or file answers an anonymous reader with the login page,
  a signed-in one with a French explanation (403), never its content.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from accounts.tiers import Tier, tier_for


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_resources_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("resources.change_resource"))


def sees_members(request) -> bool:
    """Whether the request's reader may see members-only resources (one query per request at most)."""
    user = request.user
    if not is_active(user):
        return False
    return tier_for(user, request=request) >= Tier.MEMBER_AGENT or is_resources_staff(user)


def may_read(request, resource) -> bool:
    return not resource.is_members_only or sees_members(request)


def refusal(request, resource, index_page):
    """None when the reader may read `resource`; else the login page (anonymous) or the French explanation."""
    if may_read(request, resource):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "resources/members_only.html", {"page": index_page, "resource": resource,
                                                                     "record_title": resource.title}, status=403)


def staff_addresses() -> list[str]:
    """Whom a reported problem is e-mailed to: active superusers and holders of the reports' change permission."""
    users = get_user_model().objects.with_perm("resources.change_resourcereport", include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    return sorted({address for address in users.filter(is_active=True).values_list("email", flat=True) if address})
