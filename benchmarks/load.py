"""Load benchmark of the public pages: gunicorn with production settings, 8 concurrent visitors per page.

Run with `.venv/bin/python benchmarks/load.py`. It builds a throwaway
database with `migrate` and `load_demo_content` (a SQLite file in a temporary
directory, or a database created on DATABASE_URL's PostgreSQL server and
dropped afterwards), collects the static files, starts gunicorn on a free
loopback port with the production settings (DEBUG off, a throwaway
SECRET_KEY, the project's gunicorn.conf.py), then for each page runs
CONCURRENCY threads that request it over keep-alive connections for
DURATION seconds (after a one-second warm-up). It prints, per page,
requests per second, median and 99th-percentile latency, and the number of
answers that were not 2xx (connection errors included).
"""

import json
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

import harness

DURATION, WARM_UP, CONCURRENCY = 10.0, 1.0, 8

FIND_PAGES = """
import json
from events.models import EventIndexPage, JourneeExpertPage
from labels.models import LabelCampaignPage
from manifestes.models import ManifestoPage
from wagtail.models import Site
from django.utils import timezone
now = timezone.now()
stop = (JourneeExpertPage.objects.live().public().filter(sessions__isnull=False).distinct()
        .order_by("-start_date").first())
print(json.dumps({
    "accueil": Site.objects.get(is_default_site=True).root_page.url,
    "manifeste": ManifestoPage.objects.live().public().order_by("-adoption_date").first().url,
    "agenda": EventIndexPage.objects.live().public().first().url,
    "journée expert": stop.url,
    "campagne": LabelCampaignPage.objects.live().public().filter(closes_at__gte=now).order_by("closes_at").first().url,
}))
"""


def hammer(port, path, seconds):
    """CONCURRENCY keep-alive clients on one path for `seconds`; returns (latencies of 2xx, non-2xx count)."""
    latencies, failures, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def visitor():
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            if 200 <= status < 300:
                mine.append(time.perf_counter() - started)
            else:
                failed += 1
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=visitor) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures[0]


def main():
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        with harness.throwaway_database(workdir, "bench_load") as database_url:
            env = harness.environment(workdir, database_url)
            started = time.perf_counter()
            # The demo command refuses production settings: the data is built with the developer's ones.
            harness.manage(env, "migrate", "--noinput", settings="interconnectes.settings.dev")
            harness.manage(env, "load_demo_content", settings="interconnectes.settings.dev")
            harness.manage(env, "collectstatic", "--noinput")
            pages = json.loads(harness.manage(env, "shell", "-c", FIND_PAGES).strip().splitlines()[-1])
            built_in = time.perf_counter() - started
            with harness.gunicorn(env, workdir) as port:
                print(f"database: {database_url.split(':', 1)[0]}; demo content built in {built_in:.0f} s; "
                      f"gunicorn on 127.0.0.1:{port} (production settings, gunicorn.conf.py)")
                print(f"{CONCURRENCY} concurrent clients, {DURATION:.0f} s per page after a {WARM_UP:.0f} s warm-up")
                print(f"{'page':<16} {'path':<66} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>8}")
                for label, path in pages.items():
                    hammer(port, path, WARM_UP)
                    latencies, failures = hammer(port, path, DURATION)
                    p50, p99 = harness.percentile(latencies, 0.50), harness.percentile(latencies, 0.99)
                    print(f"{label:<16} {path:<66} {len(latencies) / DURATION:>7.1f} "
                          f"{(p50 or 0) * 1000:>7.1f} {(p99 or 0) * 1000:>7.1f} {failures:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
