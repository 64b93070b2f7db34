"""`{% france_map points %}`: the map of France and the list that says the same, always together."""

from django import template

from interconnectes.francemap.points import PointKind, describe
from interconnectes.francemap.svg import draw_map, legend_swatch

register = template.Library()


@register.inclusion_tag("components/france_map.html")
def france_map(points, title, description="", id_prefix="carte"):
    """Draw `points` (MapPoint) with `title`; the description defaults to counts and a pointer to the list."""
    points = list(points)
    drawing = draw_map(points, title=title, description=description or describe(points), id_prefix=id_prefix)
    swatches = {kind.value: legend_swatch(kind) for kind in PointKind}
    return {"drawing": drawing, "points": points, "id_prefix": id_prefix, "swatches": swatches}
