"""Engaged territories become points of the map in the commitments' order; one without a seat stays off it."""

from decimal import Decimal
from types import SimpleNamespace

from consultations.map_points import territory_points
from interconnectes.francemap.points import MapPoint, PointKind


def commitment(pk, name, location):
    return SimpleNamespace(organisation=SimpleNamespace(pk=pk, name=name, territory_location=location))


def test_each_located_territory_is_a_point_sized_by_its_consultations():
    nantes = SimpleNamespace(latitude=Decimal("47.21840"), longitude=Decimal("-1.55360"))
    tours = SimpleNamespace(latitude=Decimal("47.39410"), longitude=Decimal("0.68480"))
    commitments = [commitment(1, "Nantes Métropole", nantes), commitment(2, "Sans siège", None),
                   commitment(3, "Tours Métropole Val de Loire", tours)]
    assert territory_points(commitments, {3: 2}) == [
        MapPoint("Nantes Métropole", -1.5536, 47.2184, PointKind.TERRITORY, 0),
        MapPoint("Tours Métropole Val de Loire", 0.6848, 47.3941, PointKind.TERRITORY, 2),
    ]
    assert territory_points([]) == []
