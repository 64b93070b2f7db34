"""Whole pages for anonymous readers, kept in the cache: a cached page costs no query and no rendering.

A reader without a session (no session cookie, no flash message waiting)
sees exactly what every other such reader sees, so a page rendered for one
of them is kept and served to the next, under a key made of the site's
content version (`interconnectes.content_version`: any page published,
unpublished, moved, renamed or deleted, any view restriction, snippet,
setting, image or document saved moves it, and the entry is never read
again), the host and the full path with its query string. Entries live
`PAGE_CACHE["SECONDS"]` at most, which bounds how late what follows the
clock (an event moving from upcoming to past, a campaign closing) shows,
as the HTTP cache headers already do for browsers and a CDN.

What is never kept: anything but a GET answered 200, a response
that sets a cookie (a form with its CSRF token, a login), one its view
marked private or not to be stored, a streamed one, the pages of
`HTTP_CACHE["PRIVATE_PATH_PREFIXES"]` (the admin, accounts, applications,
the jury), and anything asked with a session. A page restricted by login
answers anonymous readers with a redirect, one restricted by password with
its password form (which sets the CSRF cookie): neither is kept.

The middleware sits inside the compression, cache-header and CSP
middleware, which therefore still run for every response served from here,
and outside the session middleware, which it spares on a hit.
"""

import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils.cache import get_max_age

from interconnectes.content_version import content_version

logger = logging.getLogger(__name__)

NOT_STORED = frozenset({"private", "no-store", "no-cache"})


def page_key(request) -> str:
    return f"page:{content_version()}:{request.get_host()}:{request.get_full_path()}"


def is_anonymous(request) -> bool:
    return not ({settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys())


def may_keep(response) -> bool:
    directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not directives & NOT_STORED and get_max_age(response) != 0)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE["SECONDS"]
        http_cache: dict = settings.HTTP_CACHE
        self.private_prefixes: tuple[str, ...] = tuple(http_cache["PRIVATE_PATH_PREFIXES"])

    def __call__(self, request):
        if not (self.seconds and request.method == "GET" and is_anonymous(request)
                and not request.path.startswith(self.private_prefixes)):
            return self.get_response(request)
        try:
            key = page_key(request)
            cached = cache.get(key)
        except Exception:  # a cache that cannot be reached: render the page, as without a cache
            logger.warning("Cache des pages injoignable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            return cached
        response = self.get_response(request)  # a template response comes back rendered
        if may_keep(response):
            try:
                cache.set(key, response, self.seconds)
            except Exception:
                logger.warning("Cache des pages injoignable", exc_info=True)
        return response
