"""django-axes for code paths that call authenticate() without a request (Django's test client login)."""

from axes.backends import AxesStandaloneBackend


class RequestOptionalAxesBackend(AxesStandaloneBackend):
    """Throttle as django-axes does when there is a request; without one there is nothing to throttle by.

    Used by the test settings only, so that `client.login()` works; every login form passes the request.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
