"""Where an uncached render of a page spends its time: pyinstrument over repeated renders, every cache emptied.

Run with `.venv/bin/python benchmarks/profile_page.py [DATABASE_FILE] [PATH…]`. It uses a SQLite file
holding the demo content (built with `migrate` and `load_demo_content` when the file does not exist yet;
`var/bench/demo.sqlite3` by default), renders each path RENDERS times through Django's test client as an
anonymous reader with the cache emptied before each request (no page, fragment or index kept), and prints
the mean render time and pyinstrument's call tree, trimmed to the frames above MIN_SHARE of the time; then
the same with the cached fragments kept (the whole-page cache stays off: what a reader with a session, or
the first reader after the page cache expired, costs). After each tree, the FLAT_LINES functions holding most
of the time with their callees, in percent (the frames the tree hides included).
Without a path: the home page, the agenda and the Journée expert of Tours 2025.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].endswith(".sqlite3") else \
    ROOT / "var" / "bench" / "demo.sqlite3"
PATHS = [arg for arg in sys.argv[1:] if arg.startswith("/") and not arg.endswith(".sqlite3")]  # an absolute file
os.environ["DJANGO_SETTINGS_MODULE"] = "interconnectes.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request renders: the whole-page cache would hide the render

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

RENDERS = 30
MIN_SHARE = 0.03  # frames under 3 % of the time are left out of the tree
FLAT_LINES = 25
# Frames every request goes through (this script, the test client, the middleware chain): they would fill the
# flat list.
CHAINS = ("profile_page.py", "django/test/client.py", "django/core/handlers/exception.py:52",
          "django/utils/deprecation.py:113", ".__call__ ")


def demo_paths() -> list[str]:
    from events.models import EventIndexPage, JourneeExpertPage

    tours = JourneeExpertPage.objects.live().filter(city="Tours").order_by("-start_date").first()
    return ["/", EventIndexPage.objects.live().first().url, tours.url]


def main():
    if not DATABASE.exists():
        DATABASE.parent.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", verbosity=0)
    client = Client()
    for path in PATHS or demo_paths():
        assert client.get(path).status_code == 200, path
        for label, empty_cache in (("cold caches", True), ("warm fragments", False)):
            profiler = Profiler(interval=0.0005)
            started = time.perf_counter()
            with profiler:
                for _ in range(RENDERS):
                    if empty_cache:
                        cache.clear()
                    client.get(path)
            mean = (time.perf_counter() - started) / RENDERS * 1000
            print(f"\n=== {path}, {label}: {mean:.1f} ms per render (mean of {RENDERS}, profiler on) ===")
            print(profiler.output_text(unicode=True, color=False, show_all=False,
                                       processor_options={"filter_threshold": MIN_SHARE}))
            print(f"--- the {FLAT_LINES} functions holding most of the time, their callees included ---")
            flat = profiler.output_text(unicode=True, color=False, show_all=True, flat=True, flat_time="total",
                                        time="percent_of_total")
            lines = [line for line in flat.splitlines() if "%" in line and not any(part in line for part in CHAINS)]
            print("\n".join(lines[:FLAT_LINES]))


if __name__ == "__main__":
    main()
