"""The site's one clock: every rule that depends on the time asks `clock.now()`.

Rules take the time as an argument; the views, pages and services that call
them read it here, so that tests can put the whole site at a given moment
by replacing `interconnectes.clock.now`.
"""

from django.utils import timezone


def now():
    return timezone.now()
