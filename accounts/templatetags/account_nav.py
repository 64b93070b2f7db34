"""The header's account area: who is logged in, "Mon espace" and a log-out button, or a log-in link.

Drawn outside the header's cached fragment. A reader without a session
cookie is anonymous whoever they are: the tag does not even look at the
session then, so their page stays identical for all of them, sets no cookie
(no CSRF token: the log-out form is for logged-in people only) and remains
storable by the page cache and a CDN.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("accounts/includes/account_nav.html", takes_context=True)
def account_nav(context):
    request = context.get("request")
    user = None
    if request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = request.user if request.user.is_authenticated else None
    return {"account_user": user, "request": request}
