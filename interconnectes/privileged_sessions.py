"""Shorter sessions for the accounts that can do the most: editors, campaign staff and jurors.

Such a session ends after `PRIVILEGED_SESSIONS["IDLE_SECONDS"]` (30 minutes)
without a request, and `PRIVILEGED_SESSIONS["ABSOLUTE_SECONDS"]` (10 hours)
after the log-in whatever the activity; an applicant's keeps Django's lifetime
(`SESSION_COOKIE_AGE`). Whether an account is privileged is decided once, when
it logs in, by asking every app through a Wagtail hook (an editor here, a
seat on a jury in the jury app), and kept in the session with the time of the
log-in: the requests that follow cost no query for it.

An ended session is logged out before the view runs, with a message: the view
then answers as to anyone logged out (the log-in page for the admin, the
jury's pages and the applicants' forms).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _
from wagtail import hooks

from interconnectes import clock

PRIVILEGED_ACCOUNT_HOOK = "is_privileged_account"
LOGGED_IN_AT, LAST_SEEN = "privileged_logged_in_at", "privileged_last_seen"
# The last request's time is written at most this often: a session is not saved on every page.
LAST_SEEN_PRECISION = 60


def is_privileged(user) -> bool:
    return any(check(user) for check in hooks.get_hooks(PRIVILEGED_ACCOUNT_HOOK))


def start(sender, request, user, **kwargs):
    """On log-in: a privileged account's session gets its clock, and expires at the absolute limit at the latest."""
    if request is None or not hasattr(request, "session") or not is_privileged(user):
        return
    now = clock.now().timestamp()
    request.session[LOGGED_IN_AT] = request.session[LAST_SEEN] = now
    request.session.set_expiry(settings.PRIVILEGED_SESSIONS["ABSOLUTE_SECONDS"])


def has_ended(logged_in_at: float, last_seen: float, now: float, *, idle: int, absolute: int) -> bool:
    return now - last_seen > idle or now - logged_in_at > absolute


class PrivilegedSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.idle = settings.PRIVILEGED_SESSIONS["IDLE_SECONDS"]
        self.absolute = settings.PRIVILEGED_SESSIONS["ABSOLUTE_SECONDS"]

    def __call__(self, request):
        logged_in_at = request.session.get(LOGGED_IN_AT)
        if logged_in_at is not None:
            now = clock.now().timestamp()
            last_seen = request.session.get(LAST_SEEN, logged_in_at)
            if has_ended(logged_in_at, last_seen, now, idle=self.idle, absolute=self.absolute):
                logout(request)
                messages.info(request, _("Votre session a pris fin : reconnectez-vous pour continuer."))
            elif now - last_seen >= LAST_SEEN_PRECISION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
