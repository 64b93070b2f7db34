"""How often the site search puts first what a visitor expects: the 40 French queries of
`tests/sitesearch/search_queries.py` against the site's current content (load the demo first).

Run with `.venv/bin/python benchmarks/search_quality.py` (the database `make run` uses: DATABASE_URL, else
SQLite); the index is rebuilt first. Prints each miss (query, expected, first hit) and the hit rate.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interconnectes.settings.dev")


def first_hits(queries, now) -> list[tuple[str, str, str]]:
    """(query, expected, first hit's title or "") for each query."""
    from sitesearch.query import search

    rows = []
    for query, expected in queries:
        first = search(query, now).first
        rows.append((query, expected, first.document.title if first else ""))
    return rows


def hit_rate(rows) -> float:
    return sum(found == expected for _query, expected, found in rows) / len(rows)


def main() -> None:
    import django

    django.setup()
    from interconnectes import clock
    from sitesearch import indexing
    from tests.sitesearch.search_queries import QUERIES

    print(f"Index : {indexing.rebuild()} documents.")
    rows = first_hits(QUERIES, clock.now())
    for query, expected, found in rows:
        if found != expected:
            print(f"MANQUÉ  « {query} » : attendu « {expected} », premier résultat « {found or '(aucun)'} »")
    print(f"Taux de réussite : {hit_rate(rows):.0%} ({sum(f == e for _q, e, f in rows)}/{len(rows)})")


if __name__ == "__main__":
    main()
