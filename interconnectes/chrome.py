"""Cache generation of the site's chrome (header navigation and footer).

The header and footer are rendered once and cached as template fragments
that vary on this generation number. Anything that changes them (settings,
a published or moved page) moves the generation, so stale fragments are
simply never read again and expire on their own.
"""

from django.core.cache import cache

CHROME_VERSION_KEY = "site-chrome-version"


def chrome_version() -> int:
    return cache.get_or_set(CHROME_VERSION_KEY, 1, timeout=None)


def bump_chrome_version(**_kwargs) -> None:
    try:
        cache.incr(CHROME_VERSION_KEY)
    except ValueError:
        cache.set(CHROME_VERSION_KEY, 2, timeout=None)
