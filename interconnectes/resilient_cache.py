"""Django's Redis cache that answers "nothing cached" when Redis cannot be reached, instead of an error.

Every page reads the cache (the content version, the cached fragments, the
whole-page cache, the view-restriction index, the sessions read through it),
so with Django's stock `RedisCache` a Redis outage or a wrong `REDIS_URL`
turns every page into a server error. Here a failed call is logged, answered
as a miss (reads return the default, writes store nothing) and Redis is left
alone for `RETRY_SECONDS`, so that a Redis that times out does not cost its
timeout on each of the dozens of calls a page makes: pages are rendered as
if there were no cache, slower but right, and the cache is used again as soon
as Redis answers.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


def tolerant(fallback):
    """Run a cache call, or answer `fallback(*args, **kwargs)` while Redis is unreachable."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            if time.monotonic() < self.unreachable_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                logger.warning("Cache Redis injoignable : pages rendues sans cache pendant %s s", RETRY_SECONDS,
                               exc_info=True)
                self.unreachable_until = time.monotonic() + RETRY_SECONDS
                return fallback(*args, **kwargs)

        return call

    return decorate


def miss(key, default=None, *args, **kwargs):
    return default


def nothing(*args, **kwargs):
    return None


def not_done(*args, **kwargs):
    return False


def no_values(keys, *args, **kwargs):
    return {}


def none_stored(data, *args, **kwargs):
    return list(data)  # set_many answers the keys it failed to store


class ResilientRedisCache(RedisCache):
    """`RedisCache` whose every call survives an unreachable Redis (see the module's docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.unreachable_until = 0.0

    get = tolerant(miss)(RedisCache.get)
    get_many = tolerant(no_values)(RedisCache.get_many)
    has_key = tolerant(not_done)(RedisCache.has_key)
    add = tolerant(not_done)(RedisCache.add)
    set = tolerant(nothing)(RedisCache.set)
    set_many = tolerant(none_stored)(RedisCache.set_many)
    touch = tolerant(not_done)(RedisCache.touch)
    delete = tolerant(not_done)(RedisCache.delete)
    delete_many = tolerant(nothing)(RedisCache.delete_many)
    clear = tolerant(not_done)(RedisCache.clear)
