"""`{% france_map points %}`: the map of France and the list that says the same, always together."""

from django import template

from interconnectes.francemap.points import PointKind, describe
from interconnectes.francemap.svg import draw_map

register = template.Library()


@register.inclusion_tag("components/france_map.html")
def france_map(points, title, description="", id_prefix="carte"):
    """Draw `points` (MapPoint) with `title`; the description defaults to counts and a pointer to the list.
    The legend keys only the kinds of circle drawn."""
    points = list(points)
    drawing = draw_map(points, title=title, description=description or describe(points), id_prefix=id_prefix)
    kinds = {point.kind for point in points}
    return {"drawing": drawing, "points": points, "id_prefix": id_prefix,
            "has_territories": PointKind.TERRITORY in kinds, "has_consultations": PointKind.CONSULTATION in kinds}
