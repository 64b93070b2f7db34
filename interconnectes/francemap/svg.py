"""The map of France as an SVG drawing, built on the server: no tiles, no script, no other host.

The drawing is the visual twin of the list that `templates/components/france_map.html` puts beside it:
the <svg> is named by its <title> and <desc> (aria-labelledby) inside a <figure>; its circles are links
for pointer users only (out of the tab order and hidden from assistive technologies), and keyboard and
screen-reader users get the same places, links and counts from the list. It has no role="img": an image
may not hold links, even ones kept out of the tab order (axe-core's nested-interactive). Colours are SVG
presentation attributes, never style attributes, for the site's CSP.
"""

import math
from collections.abc import Iterable, Sequence
from functools import cache

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from interconnectes.regions import Region
from interconnectes.templatetags.safe_links import safe_href

from .boundaries import region_rings
from .points import MapPoint, PointKind
from .projection import HEIGHT, INSETS, MAINLAND, WIDTH, Frame, frame_of, project

LAND, BORDER, FRAME_LINE, CAPTION = "#dfe6ee", "#ffffff", "#c9d1db", "#4a4a5e"
FILL = {PointKind.TERRITORY: "#0a4a82", PointKind.CONSULTATION: "#ffffff"}
OUTLINE = {PointKind.TERRITORY: "#ffffff", PointKind.CONSULTATION: "#b3361b"}
MIN_RADIUS, MAX_RADIUS, GROWTH = 3.0, 14.0, 1.5


def radius(count: int) -> float:
    """The circle's radius: its area grows with the count, from a visible dot to a cap that keeps it local."""
    return round(min(MAX_RADIUS, MIN_RADIUS + GROWTH * math.sqrt(max(count, 0))), 1)


def tenths(value: float) -> str:
    """A length rounded to a tenth, as short as SVG allows ("12", "-.5", "3.2")."""
    whole, tenth = divmod(abs(round(value * 10)), 10)
    text = f"{whole}.{tenth}" if tenth else f"{whole}"
    text = text.removeprefix("0") if text.startswith("0.") else text
    return f"-{text}" if value < 0 and text != "0" else text


def path_data(rings: Iterable[Sequence[tuple[float, float]]], frame: Frame) -> str:
    """Closed sub-paths in relative moves, computed from rounded points so that no rounding error adds up."""
    parts = []
    for ring in rings:
        points = [tuple(round(v * 10) for v in project(lon, lat, frame)) for lon, lat in ring]
        (x0, y0), steps = points[0], []
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            if (ax, ay) != (bx, by):
                steps.append(f"{tenths((bx - ax) / 10)} {tenths((by - ay) / 10)}")
        parts.append(f"M{tenths(x0 / 10)} {tenths(y0 / 10)}l{' '.join(steps)}z")
    return "".join(parts)


@cache
def land_path() -> str:
    """Every region in its frame, as one path's data: drawn once per process, then reused by every map."""
    frames = {frame.code: frame for frame in INSETS}
    return "".join(path_data(rings, frames.get(code, MAINLAND)) for code, rings in region_rings().items())


def draw_map(points: Sequence[MapPoint], *, title: str, description: str, id_prefix: str = "carte") -> SafeString:
    """The SVG of France with `points` as linked circles.

    Territories (discs) are drawn under consultations (rings), and within each kind the largest first, so
    that no circle hides a smaller one. A point outside every frame (abroad, or a typo in its coordinates)
    is left off the drawing; the list beside it still names it.
    """
    layers = format_html_join(
        "", '<g fill="{}" stroke="{}">{}</g>',
        ((FILL[kind], OUTLINE[kind], circles([point for point in points if point.kind == kind])) for kind in PointKind),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="france-map-drawing" '
        'aria-labelledby="{}-titre {}-description"><title id="{}-titre">{}</title>'
        '<desc id="{}-description">{}</desc>'
        '<path d="{}" fill="{}" stroke="{}" stroke-width=".8" fill-rule="evenodd"/>'
        '<path d="{}" fill="none" stroke="{}"/><g font-size="10" fill="{}" text-anchor="middle">{}</g>'
        '<g stroke-width="1.5" fill-opacity=".85" aria-hidden="true">{}</g></svg>',
        WIDTH, HEIGHT, id_prefix, id_prefix, id_prefix, title, id_prefix, description,
        land_path(), LAND, BORDER, inset_boxes(), FRAME_LINE, CAPTION, inset_names(), layers,
    )


def circles(points: Sequence[MapPoint]) -> SafeString:
    """One circle per point that a frame shows, largest first.

    A point with an address is a link whose circle's <title> names it (the pointer's tooltip); one without
    is a plain dot, its name in the list only: two elements fewer a place, for the page's DOM budget.
    Centres are rounded to the unit (a 640-unit-wide drawing needs no finer), which keeps 300 points light.
    """
    drawn = []
    for point in sorted(points, key=lambda p: -p.count):
        frame = frame_of(point.lon, point.lat)
        if frame is None:
            continue
        x, y = project(point.lon, point.lat, frame)
        centre = (round(x), round(y), tenths(radius(point.count)))
        if point.url:
            circle = format_html(
                '<a href="{}" tabindex="-1"><circle cx="{}" cy="{}" r="{}"><title>{}</title></circle></a>',
                safe_href(point.url), *centre, point.summary,
            )
        else:
            circle = format_html('<circle cx="{}" cy="{}" r="{}"/>', *centre)
        drawn.append((circle,))
    return format_html_join("", "{}", drawn)


def inset_boxes() -> str:
    """The overseas insets' frames, as one path's data (one element rather than five)."""
    return "".join(f"M{frame.x} {frame.y}h{frame.width}v{frame.height}h-{frame.width}z" for frame in INSETS)


def inset_names() -> SafeString:
    return format_html_join(
        "", '<text x="{}" y="{}">{}</text>',
        ((tenths(frame.x + frame.width / 2), tenths(frame.y + frame.height + 11), Region(frame.code).label)
         for frame in INSETS),
    )

