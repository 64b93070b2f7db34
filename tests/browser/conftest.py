"""Browser tests: Playwright drives Debian's chromium against Django's live server."""

import os
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures there are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page and fail with its report."""

    def check(page):
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = axe.run(page, options=options)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def wagtail_base(transactional_db):
    """Wagtail's locale, root page and default site come from migrations: an earlier transactional test
    may have flushed them, so bring them back."""
    from wagtail.models import Locale, Page, Site

    locale, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture
def site_at_live_server(live_server, wagtail_base):
    """The default Site's address is the live server's, as a deployed site's is where it is served: the links of
    e-mails, written on the site's public address (`interconnectes.canonical`), lead back to it."""
    from wagtail.models import Site

    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)


@pytest.fixture
def context(context):
    """The test's browser context, failing the test if any page in it breaks the Content-Security-Policy.

    Chromium reports every refused script, style or resource as a console
    error naming the policy; one is enough to fail, with all of them listed.
    """
    violations = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(f"{message.location.get('url', '?')}: {message.text}")

    context.on("console", on_console)
    yield context
    assert not violations, "Violations de la Content-Security-Policy :\n" + "\n".join(violations)
