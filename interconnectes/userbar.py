"""Wagtail's user bar on public pages, for editors only, without asking every reader's permissions.

The user bar (`{% wagtailuserbar %}`) asks the database for the reader's
permissions on every page view: two queries for each logged-in member or
applicant, who never sees it. Whether someone may open the admin is read
once, when they log in, and kept in their session; the base template draws
the user bar only for them. Someone given admin access during their session
sees the user bar from their next log-in.
"""

ADMIN_ACCESS = "wagtailadmin.access_admin"
SESSION_FLAG = "shows_wagtail_userbar"


def remember_admin_access(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_FLAG] = user.has_perm(ADMIN_ACCESS)
