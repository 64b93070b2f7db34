"""Counting a page's SQL queries on a cold request (empty cache) and on the same request again (warm caches).

Every page runs at most `budgets.MAX_COLD_QUERIES` queries on a cold request
and at most `budgets.MAX_WARM_QUERIES` once its cached fragments, the
view-restriction index and the site root paths are warm, whatever the
amount of content, for an anonymous reader and for a logged-in one without
admin access alike (the `reader_client` fixture, tests/conftest.py, runs each
test as both; a logged-in reader adds their session on a cold cache and their
user).
"""

from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from interconnectes.budgets import MAX_COLD_QUERIES, MAX_WARM_QUERIES

__all__ = ["MAX_COLD_QUERIES", "MAX_WARM_QUERIES", "cold_queries", "instances_built", "page_queries",
           "within_budget"]


def count_queries(client, url, data=None) -> int:
    """Number of queries of one GET; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, url
    return len(queries)


def cold_queries(client, url, data=None) -> int:
    """Number of queries of one GET with an empty cache."""
    cache.clear()
    return count_queries(client, url, data)


def page_queries(client, url, data=None) -> tuple[int, int]:
    """(cold, warm): the queries of a GET with an empty cache, then of the same GET again."""
    cold = cold_queries(client, url, data)
    return cold, count_queries(client, url, data)


def within_budget(counts: tuple[int, int]) -> bool:
    cold, warm = counts
    return cold <= MAX_COLD_QUERIES and warm <= MAX_WARM_QUERIES


@contextmanager
def instances_built(model):
    """The instances of `model` built while the block runs: a page that filters and paginates in the database
    builds one page of rows, whatever the table holds, where filtering in Python builds them all."""
    built: list = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=model, weak=False)
    try:
        yield built
    finally:
        post_init.disconnect(count, sender=model)
