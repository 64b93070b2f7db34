"""Keep jurors inside the Jury area of the Wagtail admin.

Jurors get admin access only to score (the "Jurés" group). Wagtail shows
anyone with admin access a few pages that need no other permission (the
dashboard and its site summary, the site history report, the admin search);
this middleware confines a user whose only permission is admin access to the
Jury area, their own account settings and the login pages. Public pages are
not concerned: it returns at once for any path outside the admin.
"""

from functools import cache

from django.shortcuts import redirect
from django.urls import reverse

from labels import permissions

ADMIN_ACCESS = "wagtailadmin.access_admin"
# The Jury area, the login pages, the own-account pages, and what every admin page loads (icons, translations).
ALLOWED = ("jury/", "login/", "logout/", "account/", "password_reset/", "jsi18n/", "sprite/", "dismissibles/")


def is_juror_only(user) -> bool:
    """A juror whose only Django permission is admin access (an editor with page permissions held
    through Wagtail's page and collection rules, but no seat on a jury, is not confined)."""
    if not (user.is_authenticated and user.is_active) or user.is_superuser:
        return False
    return user.get_all_permissions() == {ADMIN_ACCESS} and permissions.is_juror(user)


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class JurorAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = admin_prefix()
        if request.path.startswith(admin):
            rest = request.path[len(admin):]
            if not rest.startswith(ALLOWED) and is_juror_only(request.user):
                return redirect("jury:home")
        return self.get_response(request)
