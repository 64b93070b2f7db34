"""Cache-Control of every response: shared caches (a CDN) keep public pages, never anything personal.

The rule is one pure function, `cache_control`, fed with plain facts about a
request and its response, so that it can be tested on examples. The
middleware only gathers those facts. It sits outside the session, CSRF and
messages middleware, so it sees every cookie they set: a page that puts a
CSRF token in a form always sets the CSRF cookie too (Django re-sends it
whenever `get_token()` was called), a page that shows a flash message
deletes the messages cookie, a login sets the session cookie. A response
that sets a cookie is therefore personal by construction.

A page stays public when the session was only read and found empty (the
user bar asks whether an anonymous visitor is an editor): SessionMiddleware
then adds `Vary: Cookie`, which is exactly the right key for a shared cache.
A request that carries a session cookie is treated as personal whatever the
page, because what it shows may depend on who is logged in; CDNs should be
told to bypass their cache for such requests (see the README).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.cache import patch_vary_headers

PRIVATE = "private, no-store"

# Statuses a shared cache may keep: pages, permanent redirects, pages that do not exist (yet).
CACHEABLE_STATUSES = frozenset({200, 301, 404, 410})
SAFE_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Exchange:
    """What the rule needs to know about one request and its response."""

    path: str
    method: str = "GET"
    status: int = 200
    authenticated: bool = False  # the request's user is logged in
    has_session_cookie: bool = False  # the request carried a session cookie
    sets_cookie: bool = False  # the response sets or deletes a cookie (session, CSRF, messages…)
    cache_control: str = ""  # what the view set itself, if anything


def is_personal(exchange: Exchange, private_prefixes) -> bool:
    return (
        exchange.path.startswith(tuple(private_prefixes))
        or exchange.authenticated
        or exchange.has_session_cookie
        or exchange.sets_cookie
    )


def cache_control(exchange: Exchange, public_value: str, private_prefixes) -> str | None:
    """The Cache-Control to send, or None to leave the response as the view made it.

    - Personal responses are `private, no-store`, unless the view already chose
      something private (e.g. `never_cache` in the Wagtail admin, or a form
      that asks for `private, no-cache`): a public or missing value is replaced.
    - Otherwise a value chosen by the view wins (a feed may want its own).
    - Otherwise a GET/HEAD answered 200, 301, 404 or 410 gets the public value.
    - Anything else (a POST, an error) is left alone: shared caches do not
      keep those by default.
    """
    directives = {part.strip().split("=")[0].lower() for part in exchange.cache_control.split(",") if part.strip()}
    if is_personal(exchange, private_prefixes):
        if directives & {"private", "no-store"} and "public" not in directives:
            return None
        return PRIVATE
    if directives:
        return None
    if exchange.method in SAFE_METHODS and exchange.status in CACHEABLE_STATUSES:
        return public_value
    return None


def public_cache_control(max_age: int, s_maxage: int, stale_while_revalidate: int, stale_if_error: int) -> str:
    """The header value of public pages, from the HTTP_CACHE settings."""
    parts = ["public", f"max-age={max_age}", f"s-maxage={s_maxage}"]
    if stale_while_revalidate:
        parts.append(f"stale-while-revalidate={stale_while_revalidate}")
    if stale_if_error:
        parts.append(f"stale-if-error={stale_if_error}")
    return ", ".join(parts)


def without_vary(value: str, dropped: str) -> str:
    """A Vary header value without one of its fields (compared case-insensitively)."""
    fields = [field.strip() for field in value.split(",") if field.strip()]
    return ", ".join(field for field in fields if field.lower() != dropped.lower())


class CacheHeadersMiddleware:
    """Apply `cache_control` to every response the site's views make (static files are WhiteNoise's)."""

    def __init__(self, get_response):
        self.get_response = get_response
        config: dict = settings.HTTP_CACHE
        self.public_value = public_cache_control(
            config["MAX_AGE"], config["S_MAXAGE"], config["STALE_WHILE_REVALIDATE"], config["STALE_IF_ERROR"]
        )
        self.private_prefixes: tuple[str, ...] = tuple(config["PRIVATE_PATH_PREFIXES"])
        # With one language, Accept-Language cannot change a page: keeping it in Vary would only split a CDN's cache.
        self.single_language = len(settings.LANGUAGES) == 1

    def __call__(self, request):
        response = self.get_response(request)
        has_session_cookie = settings.SESSION_COOKIE_NAME in request.COOKIES
        user = getattr(request, "user", None)
        exchange = Exchange(
            path=request.path,
            method=request.method,
            status=response.status_code,
            # Without a session cookie nobody is logged in: the user is not even looked up.
            authenticated=bool(has_session_cookie and user is not None and user.is_authenticated),
            has_session_cookie=has_session_cookie,
            sets_cookie=bool(response.cookies),
            cache_control=response.get("Cache-Control", ""),
        )
        value = cache_control(exchange, self.public_value, self.private_prefixes)
        if value is not None:
            response["Cache-Control"] = value
        if response.get("Cache-Control", "").startswith("public"):
            if self.single_language and response.has_header("Vary"):
                vary = without_vary(response["Vary"], "Accept-Language")
                if vary:
                    response["Vary"] = vary
                else:
                    del response["Vary"]
        elif value == PRIVATE:
            # Nothing to key on for a response nobody stores, but say it depends on the cookie for old caches.
            patch_vary_headers(response, ("Cookie",))
        return response
