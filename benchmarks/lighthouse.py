"""Lighthouse's SEO score of every public kind of page of the demo site, printed as a Markdown table.

Run with `.venv/bin/python benchmarks/lighthouse.py` after `make node` (Lighthouse comes from
package.json) with Debian's chromium at /usr/bin/chromium. The demo is built and served
production-like exactly as for the page budgets (`page_budgets.served_demo`, the survey's
server: DEBUG off, WhiteNoise), then Lighthouse runs its SEO category only
(`--only-categories=seo`) on one URL of each kind of page an anonymous visitor opens, one
chromium per URL, as Lighthouse does. Each row gives the score and the audits that failed.

The search results page is listed but not held to the target: it is `noindex` on purpose (a
search engine should index the pages, not our result lists), which Lighthouse's
"is-crawlable" audit counts against it. Every other kind must score at least `TARGET`; the
script exits with status 1 otherwise.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_budgets import served_demo

from tests.browser.budget_survey import CHROMIUM, CHROMIUM_ARGS, PAGE_KINDS, PUBLIC, VISITOR

ROOT_DIR = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT_DIR / "node_modules" / ".bin" / "lighthouse"
TARGET = 95
NOT_INDEXED = {"search"}  # noindex on purpose


def lighthouse_seo(url):
    """(score out of 100, [failed audit titles]) for one URL."""
    with tempfile.TemporaryDirectory(prefix="interconnectes-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run(
            [str(LIGHTHOUSE), url, "--only-categories=seo", "--output=json", f"--output-path={report}",
             "--quiet", f"--chrome-flags={flags}", "--max-wait-for-load=30000"],
            check=True, timeout=300, env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=ROOT_DIR)
        result = json.loads(report.read_text(encoding="utf-8"))
    category = result["categories"]["seo"]
    failed = []
    for ref in category["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            failed.append(f"{audit['title']} ({ref['id']})")
    return round(category["score"] * 100), failed


def main():
    kinds = [kind for kind in PAGE_KINDS if kind.audience in (PUBLIC, VISITOR) and not kind.errors]
    rows, below = [], []
    with served_demo() as (base_url, urls):
        for kind in kinds:
            if kind.key not in urls:
                continue
            score, failed = lighthouse_seo(base_url + urls[kind.key])
            exempt = kind.key in NOT_INDEXED
            if score < TARGET and not exempt:
                below.append(kind.label)
            rows.append([f"{kind.label} (`{urls[kind.key]}`)", str(score) + (" (noindex on purpose)" if exempt else ""),
                         "; ".join(failed) or "none"])
    print(f"Lighthouse SEO category, target {TARGET} (search results exempt)\n")
    print("| page | SEO score | failed audits |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if below:
        print(f"\nbelow {TARGET}: {', '.join(below)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
