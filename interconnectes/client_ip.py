"""The visitor's IP address behind a CDN and a load balancer.

Failed logins (django-axes) and sign-ups (labels) are throttled per IP
address, read from REMOTE_ADDR. Behind proxies REMOTE_ADDR is the nearest
proxy's address, shared by every visitor: five wrong passwords anywhere
would lock everyone out. With TRUSTED_PROXY_COUNT = n, the n proxies in
front of the app servers each append the address they received from to
X-Forwarded-For, so the visitor is the n-th entry from the right; what a
visitor writes in the header themselves lies further left and is ignored.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed


def client_ip(remote_addr: str, forwarded_for: str, trusted_proxies: int) -> str:
    """The address `trusted_proxies` hops away, or REMOTE_ADDR when the header cannot say."""
    if trusted_proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < trusted_proxies:
        return remote_addr
    candidate = hops[-trusted_proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


class ClientIPMiddleware:
    """Put the visitor's address in REMOTE_ADDR; not loaded at all without trusted proxies."""

    def __init__(self, get_response):
        self.trusted_proxies = settings.TRUSTED_PROXY_COUNT
        if self.trusted_proxies <= 0:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        request.META["REMOTE_ADDR"] = client_ip(
            request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""), self.trusted_proxies
        )
        return self.get_response(request)
