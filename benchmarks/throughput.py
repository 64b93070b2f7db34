"""Anonymous throughput, cached and uncached, against the framework's floor, in the same run.

Run with `.venv/bin/python benchmarks/throughput.py`. Like `load.py` it builds the demo content in a
throwaway database and serves it with gunicorn and the production settings, twice at once: one server
with the whole-page cache (`PAGE_CACHE_SECONDS=60`), one without (`PAGE_CACHE_SECONDS=0`, the cached
fragments still on). The second one also answers `/plancher/<bytes>/`: a bare Django view rendering a
template of that many bytes, through the same middleware but without a database query or a page's
template tree: the floor a page of that size cannot beat on this machine. For each page it measures, alternating them
ROUNDS times for DURATION seconds each: the floor at the page's size, the cached page, the uncached
page; then prints the best requests per second of each and the ratios to the floor. The targets are
0.5 of the floor cached and 0.25 uncached. The machine is shared: keep the run short, and read the
ratios (measured side by side) rather than the absolute figures.
"""

import json
import sys
import tempfile
from pathlib import Path

import harness
from load import FIND_PAGES, hammer

DURATION, ROUNDS = 3.0, 2

FLOOR_URLS = '''from django.http import HttpResponse
from django.template import engines
from django.urls import path

from interconnectes.urls import urlpatterns as site_urlpatterns

TEMPLATE = engines["django"].from_string(
    "<!DOCTYPE html><html lang=fr><title>{{ title }}</title>{% for line in lines %}<p>{{ line }}</p>{% endfor %}")


def floor(request, size):
    lines = ["Les Interconnectés, un numérique sobre et inclusif." for _ in range(max(1, size // 58))]
    return HttpResponse(TEMPLATE.render({"title": "Plancher", "lines": lines}, request))


urlpatterns = [path("plancher/<int:size>/", floor), *site_urlpatterns]
'''


def best_rate(port, path):
    hammer(port, path, 0.5)
    latencies, failures = hammer(port, path, DURATION)
    return len(latencies) / DURATION if not failures else 0.0


def main():
    with tempfile.TemporaryDirectory(prefix="bench-throughput-") as tmp:
        workdir = Path(tmp)
        with harness.throwaway_database(workdir, "bench_throughput") as database_url:
            env = harness.environment(workdir, database_url)
            (workdir / "bench_urls.py").write_text(FLOOR_URLS)
            with (workdir / "bench_settings.py").open("a") as settings:
                settings.write('ROOT_URLCONF = "bench_urls"\n')
            harness.manage(env, "migrate", "--noinput", settings="interconnectes.settings.dev")
            harness.manage(env, "load_demo_content", settings="interconnectes.settings.dev")
            harness.manage(env, "collectstatic", "--noinput")
            pages = json.loads(harness.manage(env, "shell", "-c", FIND_PAGES).strip().splitlines()[-1])
            cached_env, uncached_env = dict(env, PAGE_CACHE_SECONDS="60"), dict(env, PAGE_CACHE_SECONDS="0")
            with harness.gunicorn(cached_env, workdir) as cached, harness.gunicorn(uncached_env, workdir) as bare:
                print(f"database: {database_url.split(':', 1)[0]}; {ROUNDS} alternated rounds of {DURATION:.0f} s; "
                      "best req/s of each")
                print(f"{'page':<16} {'KB':>5} {'floor':>7} {'cached':>7} {'uncached':>8} {'cached/floor':>13} "
                      f"{'uncached/floor':>15}")
                for label, path in pages.items():
                    status, body = harness.get(bare, path)
                    assert status == 200, (path, status)
                    floor_path = f"/plancher/{len(body)}/"
                    rates = {"floor": 0.0, "cached": 0.0, "uncached": 0.0}
                    for _ in range(ROUNDS):
                        rates["floor"] = max(rates["floor"], best_rate(bare, floor_path))
                        rates["cached"] = max(rates["cached"], best_rate(cached, path))
                        rates["uncached"] = max(rates["uncached"], best_rate(bare, path))
                    floor = rates["floor"] or 1.0
                    print(f"{label:<16} {len(body) / 1024:>5.0f} {rates['floor']:>7.0f} {rates['cached']:>7.0f} "
                          f"{rates['uncached']:>8.0f} {rates['cached'] / floor:>13.2f} "
                          f"{rates['uncached'] / floor:>15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
