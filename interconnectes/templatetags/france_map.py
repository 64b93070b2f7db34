"""`{% france_map points %}`: the map of France and the list that says the same, always together."""

from django import template

from interconnectes.francemap.points import describe
from interconnectes.francemap.svg import draw_map

register = template.Library()


@register.inclusion_tag("components/france_map.html")
def france_map(points, title, description="", id_prefix="carte"):
    """Draw `points` (MapPoint) with `title`; the description defaults to counts and a pointer to the list."""
    points = list(points)
    drawing = draw_map(points, title=title, description=description or describe(points), id_prefix=id_prefix)
    return {"drawing": drawing, "points": points, "id_prefix": id_prefix}
