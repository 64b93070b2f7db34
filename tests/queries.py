"""Counting a public page's SQL queries on a cold request, for each kind of reader.

Every public page runs at most `budgets.MAX_QUERIES` queries on a cold
request (empty cache), whatever the amount of content, for an anonymous
reader and for a logged-in one without admin access (an applicant) alike:
the `reader_client` fixture (tests/conftest.py) runs each test as both. A
logged-in reader adds two queries, their session and their user; Wagtail's
user bar costs them none (interconnectes/auth_backends.py).
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interconnectes import budgets

MAX_COLD_QUERIES = budgets.MAX_QUERIES


def cold_queries(client, url, data=None) -> int:
    """Number of queries of one GET with an empty cache; the page must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, url
    return len(queries)
