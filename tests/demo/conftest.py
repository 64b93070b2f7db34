"""The demo content, built once for every test of this package and shared read-only.

`load_demo_content` (pages, images, documents, applications, a jury's two
rounds) is the slowest thing the suite builds: it runs once, in a
transaction opened for the whole package, and each test then runs in its own
transaction on top of it, rolled back at its end, so that no test sees what
another changed. Everything is rolled back once the package's tests are done.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="package")
def demo_private_root(tmp_path_factory):
    """Where the demo's private files (its pitch videos) live while the package's tests run."""
    return tmp_path_factory.mktemp("demo-private")


@pytest.fixture(autouse=True)
def _private_media(settings, demo_private_root):
    """Every test of the package reads the private files the demo wrote, not a directory of its own."""
    settings.PRIVATE_MEDIA_ROOT = demo_private_root


@pytest.fixture(scope="package", autouse=True)
def demo_output(django_db_setup, django_db_blocker, demo_private_root):
    """What the command printed (the demo accounts), the demo being in the database meanwhile."""
    with (django_db_blocker.unblock(), transaction.atomic(),
          override_settings(PRIVATE_MEDIA_ROOT=demo_private_root)):
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
