"""Content-Security-Policy: strict on the public site, relaxed only where Wagtail's admin needs it; and the
Permissions-Policy, the same everywhere.

The public pages, the applicant's forms and every page readers and
applicants see run no inline script or style: `CONTENT_SECURITY_POLICY`
(django-csp 4) allows scripts and styles from the site itself, plus the
per-response nonce for the rare inline `<script nonce="{{ request.csp_nonce }}">`.
The Wagtail admin still ships inline scripts (date pickers, inline panels)
and `style` attributes, and frames its own previews, so below its prefix the
directives of `ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]` replace the
public ones. The jury's pages (`/jury/`), where jurors and staff read what
applicants typed, are outside the admin and keep the strict policy: it is
their second line against stored XSS.

Previews are public templates rendered for the admin: Wagtail runs them
through the middleware as a "dummy" request to the page's own URL, and
that inner response's header is the one the browser gets. They keep the
strict policy (so previews show what readers will get), except that the
admin may frame them.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path: str, prefixes) -> bool:
    return path.startswith(tuple(prefixes))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's directives under the admin's prefix.

    A view may still narrow or widen its own policy with django-csp's
    decorators: what it sets wins over the admin's replacement.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY
        if getattr(request, "is_dummy", False):  # a preview, framed by the admin
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        elif is_admin_path(request.path_info, admin["PATH_PREFIXES"]):
            parts.replace = {**admin["DIRECTIVES"], **(parts.replace or {})}
        return parts



def permissions_policy(features: dict[str, list[str]]) -> str:
    """The header's value: `camera=(), fullscreen=(self)` from {"camera": [], "fullscreen": ["self"]}."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features.items())


class PermissionsPolicyMiddleware:
    """No page of the site uses the camera, the microphone, the location or payment: no script may ask for them.

    The features (`PERMISSIONS_POLICY`) are refused to every page and every
    frame, the admin's included; a response that set its own header keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
