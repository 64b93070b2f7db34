"""Page budgets: every kind of page of the demo site measured in chromium, printed as a Markdown table.

Run with `.venv/bin/python benchmarks/page_budgets.py` (Debian's chromium at
/usr/bin/chromium). It builds the demo content (`load_demo_content`) in a
throwaway test database (SQLite in memory, or `test_<name>` on PostgreSQL
when DATABASE_URL names one) with its images in a temporary MEDIA_ROOT,
serves the site production-like (DEBUG off, hashed and compressed static
files served by WhiteNoise: see `tests/browser/budget_survey.py`), opens
each kind of page in a fresh browser context with the cache disabled, prints
one row per page and destroys the database. The budget tests
(`tests/browser/test_demo_site.py`) assert the very same figures against
`interconnectes.budgets`.
"""

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "interconnectes.settings.test"
# Playwright's synchronous API runs an event loop in this thread; the ORM calls made here are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from interconnectes import budgets  # noqa: E402
from tests.browser.budget_survey import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_KINDS,
    PUBLIC,
    VISITOR,
    Survey,
    demo_urls,
    production_like_server,
)

BUDGET_NAMES = {id(getattr(budgets, name)): name for name in dir(budgets) if name.endswith("_PAGE")}


def row(figures):
    kind = figures.kind
    ratio = figures.widest_image_ratio
    overflow = figures.scroll_width_320 - budgets.MIN_VIEWPORT_WIDTH
    cookies = ", ".join(figures.cookies) or "none"
    if kind.audience != PUBLIC and figures.cookies:
        cookies += " (form)" if kind.audience == VISITOR else " (logged in)"
    problems = figures.problems()
    return [
        f"{kind.label} (`{_path(figures.url)}`)",
        BUDGET_NAMES.get(id(kind.budget), "?"),
        f"{figures.transfer_bytes / budgets.KB:.1f}",
        str(figures.requests),
        str(figures.dom_elements),
        f"{figures.ecoindex_score:.0f} {figures.ecoindex_grade}",
        cookies,
        ", ".join(figures.other_hosts) or "none",
        f"{ratio:.2f}" if ratio else "no image",
        f"+{overflow} px" if overflow > 0 else f"cut off: {len(figures.outside_320)}" if figures.outside_320 else "no",
        str(figures.axe_violations),
        f"{len(figures.html_errors)} / {len(figures.ibm_violations)} / {len(figures.pa11y_errors)}",
        str(figures.load_ms),
        "yes" if not problems else f"**no** ({len(problems)})",
    ]


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def table(all_figures):
    header = ["page", "budget", "transfer KB", "requests", "DOM elements", "EcoIndex", "cookies", "other hosts",
              "widest image ratio", "320 px overflow", "axe violations",
              "Nu HTML / IBM / pa11y errors", "load ms", "within budget"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row(figures)) + " |" for figures in all_figures]
    return "\n".join(lines)


@contextmanager
def served_demo():
    """The demo content in a throwaway database, served production-like: yields (base URL, {kind: path}).

    `benchmarks/lighthouse.py` serves the same way."""
    setup_test_environment()
    media_root = tempfile.mkdtemp(prefix="interconnectes-media-")
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(MEDIA_ROOT=media_root):
            with open(os.devnull, "w") as quiet:
                call_command("load_demo_content", stdout=quiet)
            urls = demo_urls()
            with production_like_server() as base_url:
                yield base_url, urls
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        shutil.rmtree(media_root, ignore_errors=True)


def main():
    with served_demo() as (base_url, urls), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        run = Survey(browser, base_url, urls)
        figures, forms = run.run(), run.no_js_forms
        browser.close()

    measured = [figures[kind.key] for kind in PAGE_KINDS if kind.key in figures]
    print(f"database: {connection.vendor}; {len(measured)} pages measured at 1280 px (first visit, cache off), "
          f"images also at 375 px, overflow at {budgets.MIN_VIEWPORT_WIDTH} px\n")
    print(table(measured))
    missing = [kind.label for kind in PAGE_KINDS if kind.key not in figures]
    if missing:
        print(f"\nnot in the demo content, not measured: {', '.join(missing)}")
    print(f"\nthe Nu HTML checker, IBM Equal Access and pa11y took {run.checker_seconds:.0f} s of the survey")
    print("\nforms with JavaScript off: " + "; ".join(
        f"{name}: {problem or 'ok'}" for name, problem in forms.items()))
    heaviest = max(measured, key=lambda figures: figures.transfer_bytes)
    slowest = max(measured, key=lambda figures: figures.load_ms)
    print(f"heaviest: {heaviest.kind.label}, {heaviest.transfer_bytes / budgets.KB:.1f} KB in "
          f"{heaviest.requests} requests; slowest: {slowest.kind.label}, {slowest.load_ms} ms to the load event")
    for figures in measured:
        for problem in figures.problems() + figures.checker_problems():
            print(f"- {figures.kind.label}: {problem}")


if __name__ == "__main__":
    main()
