"""The page budgets of `interconnectes.budgets`, measured in chromium on every kind of page of the demo site.

How it runs, and why that way:

* The demo content (`load_demo_content`, about 8 s) is built once for the
  whole module, in a module-scoped fixture, and every page is measured there,
  once, by `tests/browser/budget_survey.py` (the same survey the figures
  script `benchmarks/page_budgets.py` prints). The tests then only read the
  figures: one test per kind of page, listing everything that page breaks.
  Browser tests are transactional with serialized rollback (see
  `tests/conftest.py`): each test starts from the migrated rows and ends on a
  flushed database, which would wipe a demo shared between tests; measuring
  everything before the first test runs sidesteps that, and keeps the module
  to about two minutes with one browser context per kind of page.
* The site is served production-like, not by pytest-django's live server
  (whose static handler serves unhashed, uncompressed files): DEBUG off,
  static files collected with WhiteNoise's CompressedManifestStaticFilesStorage
  into a temporary STATIC_ROOT and served by WhiteNoise through the project's
  own middleware. `budget_survey.production_like_server` explains the details.
"""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from tests.browser.budget_survey import PAGE_KINDS, demo_urls, production_like_server, survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker, browser):
    """Every kind of page measured once on the demo site: ({key: PageFigures}, {form: problem})."""
    with django_db_blocker.unblock():
        connection = connections["default"]
        # An earlier transactional test may have flushed the rows migrations create: bring them back first.
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        cache.clear()
        try:
            with open(os.devnull, "w") as quiet:
                call_command("load_demo_content", stdout=quiet)
            urls = demo_urls()
            with production_like_server() as base_url:
                results = survey(browser, base_url, urls)
        finally:
            # Leave the database as every transactional test leaves it: flushed, its sequences untouched (as
            # Django's own teardown does), so that the migrated rows restored with their ids never meet an id
            # that a reset sequence hands out again (PostgreSQL).
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=bool(contents),
                         reset_sequences=False)
            cache.clear()
    return results


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.key)
def test_page_keeps_its_budget(measured, kind):
    """Weight, requests, DOM, EcoIndex, hosts, fonts, cookies, images, motion, focus, axe-core, 320 px, no JS."""
    pages, _forms = measured
    assert kind.key in pages, f"{kind.label}: the demo content has no such page"
    figures = pages[kind.key]
    problems = figures.problems()
    assert not problems, f"{kind.label} ({figures.url}):\n- " + "\n- ".join(problems)


@pytest.mark.parametrize("form", ["search", "application step", "score form"])
def test_form_works_without_javascript(measured, form):
    _pages, forms = measured
    assert form in forms, f"the form {form!r} was not tried"
    assert not forms[form], forms[form]
