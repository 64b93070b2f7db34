"""Douglas–Peucker simplification of lines and closed rings, for the bundled map of France.

The boundary file shipped with the site is drawn at a few hundred pixels wide:
a vertex closer than a pixel or two to the line through its neighbours adds
bytes and nothing a reader can see. `scripts/build_france_boundaries.py` runs
these functions once over the source data and commits only the result.
"""

import math
from collections.abc import Sequence

Point = tuple[float, float]


def distance_to_segment(point: Point, start: Point, end: Point) -> float:
    """The distance from `point` to the segment start–end (to `start` when the segment is a point)."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return math.dist(point, start)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_squared))
    nearest_x, nearest_y = ax + t * dx, ay + t * dy
    return math.dist(point, (nearest_x, nearest_y))


def simplify_line(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep both ends and every vertex farther than `tolerance` from the simplified line (Douglas–Peucker).

    Iterative, with an explicit stack, so that a long coastline cannot exceed Python's recursion limit.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, farthest_distance = 0, 0.0
        for index in range(first + 1, last):
            distance = distance_to_segment(points[index], points[first], points[last])
            if distance > farthest_distance:
                farthest, farthest_distance = index, distance
        if farthest_distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify a closed ring (first point repeated last); an empty list when nothing wider than `tolerance` is left.

    A ring has no natural ends: it is cut at its first vertex and at the vertex farthest from it, and each half
    is simplified as a line, so that the ring keeps its extent whatever vertex it starts at.
    """
    if len(ring) < 4:
        return []
    open_ring = list(ring[:-1]) if ring[0] == ring[-1] else list(ring)
    origin = open_ring[0]
    far = max(range(len(open_ring)), key=lambda i: math.dist(open_ring[i], origin))
    first_half = simplify_line(open_ring[: far + 1], tolerance)
    second_half = simplify_line([*open_ring[far:], origin], tolerance)
    simplified = first_half + second_half[1:]
    if len(simplified) < 4 or _span(simplified) <= tolerance:
        return []
    return simplified


def _span(points: Sequence[Point]) -> float:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))
