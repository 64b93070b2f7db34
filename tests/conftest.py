"""Fixtures shared by the whole suite: a site with its home page, a clean cache, each reader of the public pages,
and the label campaign that the labels' and the jury's tests (tests/labels, tests/jury) both build on."""

import datetime
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connections
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Page, Site

from interconnectes import clock as site_clock
from labels.models import EvaluationCriterion
from tests.factories import HomePageFactory
from tests.labels.factories import (
    LabelCampaignPageFactory,
    LabelIndexPageFactory,
    UserFactory,
    paris,
    user_with_permissions,
)

CHROMIUM = Path("/usr/bin/chromium")


# The test files that take longest, each building the demo content, run first: the page survey (one process takes
# it alone while the other goes on), the package sharing one demo across its files (tests/demo/conftest.py), then the
# migrations' round trips and the demo loaded on other dates. The many short files after them even out the end.
SLOW_FIRST = (
    "tests/browser/test_demo_site.py", "tests/demo/", "tests/labels/test_moves_out_of_labels.py",
    "tests/labels/test_migrations.py", "tests/jury/test_migrations.py", "tests/demo_dates/",
    "tests/interconnectes/test_embedded_sqlite.py", "tests/replays/test_migrations.py",
)


def slow_rank(item) -> int:
    path = item.nodeid.split("::", 1)[0]
    return next((rank for rank, prefix in enumerate(SLOW_FIRST) if path.startswith(prefix)), len(SLOW_FIRST))


def pytest_collection_modifyitems(config, items):
    """Browser and other transactional tests run on a database restored after each test.

    They need Debian's chromium: without it they are skipped loudly, and in
    CI (REQUIRE_BROWSER_TESTS) the run fails instead.

    The slowest files come first (a stable sort keeps every other order). The parallel run hands out files in
    this order (`make test`), a process asking for more when it has two tests left: while one process runs the
    page survey, the other takes the files of tests/demo/ in a row and builds their shared demo once, rather
    than again each time another package's file came between two of them.
    """
    items.sort(key=slow_rank)
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    for item in items:
        transactional = is_transactional(item)
        shared_demo = item.get_closest_marker("demo_site")  # reads a demo its module keeps (test_demo_site.py)
        if (item in browser_items and not shared_demo) or transactional:
            # Flushing would drop the rows migrations create (root page, default site, locale).
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    if CHROMIUM.exists() or not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"{CHROMIUM} est absent alors que REQUIRE_BROWSER_TESTS est défini.")
    reason = f"ATTENTION : {CHROMIUM} absent, tests navigateur ignorés (installez le paquet Debian chromium)"
    config.get_terminal_writer().line(f"\n{'#' * 72}\n# {reason}\n{'#' * 72}", red=True, bold=True)
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, bring back the migrated rows its flush removed when a test that expects them
    follows. A single process runs the transactional tests last (pytest-django orders them so); parallel
    processes interleave files, so a test of an ordinary file may come next on the same database."""
    result = yield
    if is_transactional(item) and nextitem is not None and not is_transactional(nextitem):
        with item.config.stash[blocking_manager_key].unblock():
            restore_migrated_rows()
    return result


# Django keeps the snapshot of the migrated rows (the tree's root, the default site, the locale, the groups…)
# that serialized rollback restores after a transactional test's flush on the connection object that created
# the test database, under this name: Django has no public way to reach it.
SERIALIZED_CONTENTS = "_test_serialized_contents"


@pytest.fixture(scope="session", autouse=True)
def _serialized_db_for_every_connection(django_db_setup):
    """Let browser tests restore the migrated rows whatever connection object they get.

    Playwright's event loop gives the browser tests another connection object
    for the same database, which lacks Django's snapshot; sharing it on the
    class makes it visible to both. The only place the suite touches one of
    Django's private attributes: test infrastructure, never the site's code.
    """
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, SERIALIZED_CONTENTS, None)
        if contents is not None:
            setattr(type(connection), SERIALIZED_CONTENTS, contents)


def restore_migrated_rows():
    """Bring back the rows migrations create, after a transactional test flushed them (else nothing to do)."""
    connection = connections["default"]
    contents = getattr(connection, SERIALIZED_CONTENTS, None)
    if contents and not Page.objects.exists():
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=["anonymous", "applicant"])
def reader_client(request, client, db):
    """The test client as each reader of the public pages: anonymous, then logged in without admin access."""
    if request.param == "applicant":
        client.force_login(get_user_model().objects.create_user("lectrice", "lectrice@example.org"))
    return client


@pytest.fixture
def home(db):
    """The site's home page, at the root of the default site (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


# --- Label campaigns (tests/labels, tests/jury) ----------------------------------------------------


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def set(self, *args):
        self.now = paris(*args) if args and not isinstance(args[0], datetime.datetime) else args[0]


@pytest.fixture
def clock(monkeypatch):
    """The app's one clock, frozen in the middle of the default campaign (1 March 2026, 10:00 Paris)."""
    frozen = Clock(paris(2026, 3, 1, 10, 0))
    monkeypatch.setattr(site_clock, "now", frozen)
    return frozen


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Applications' attachments go to the test's own directory."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    yield
    shutil.rmtree(tmp_path / "private", ignore_errors=True)


@pytest.fixture
def label_index(home):
    return LabelIndexPageFactory(parent=home)


@pytest.fixture
def campaign(label_index):
    return LabelCampaignPageFactory(parent=label_index)


@pytest.fixture
def criteria(campaign):
    """The default campaign's "Impact" (weight 2, out of 10) and a "Sobriété" (weight 1, out of 5)."""
    impact = campaign.criteria.get(name="Impact")
    sobriety = EvaluationCriterion.objects.create(page=campaign, name="Sobriété", weight=1, max_score=5)
    return impact, sobriety


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True, email="equipe@example.org")


@pytest.fixture
def campaign_staff(db):
    """Campaign staff who are not superusers: admin access and labels.review_application through a group."""
    return user_with_permissions("wagtailadmin.access_admin", "labels.review_application",
                                 email="equipe-labels@example.org")


@pytest.fixture
def editor(db):
    """An editor of the site with admin access, who does not run campaigns."""
    return user_with_permissions("wagtailadmin.access_admin", "wagtailimages.add_image", "wagtaildocs.add_document",
                                 email="redaction@example.org")
