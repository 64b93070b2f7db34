"""The engaged territories as points of the map of France (`interconnectes.francemap`).

A plain conversion of commitments already read with their organisation and its location: no query here.
A territory whose seat is not recorded stays off the map (the programme page still lists it by region).
"""

from collections.abc import Iterable, Mapping

from interconnectes.francemap.points import MapPoint, PointKind


def territory_points(commitments: Iterable, consultation_counts: Mapping[int, int] | None = None) -> list[MapPoint]:
    """One point per engaged organisation with a location, in the commitments' order, sized by its consultations."""
    counts = consultation_counts or {}
    points = []
    for commitment in commitments:
        organisation = commitment.organisation
        location = getattr(organisation, "territory_location", None)
        if location is None:
            continue
        points.append(MapPoint(organisation.name, float(location.longitude), float(location.latitude),
                               PointKind.TERRITORY, counts.get(organisation.pk, 0)))
    return points
