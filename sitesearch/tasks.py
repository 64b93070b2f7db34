"""The index rebuild as a background task: the database worker runs it in production, the immediate backend
at once in development and tests."""

from django_tasks import task

from sitesearch import indexing


@task()
def rebuild_search_index() -> int:
    return indexing.rebuild()
