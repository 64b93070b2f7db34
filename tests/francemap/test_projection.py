"""The projection puts known towns where a reader of a map of France expects them."""

import pytest

from interconnectes.francemap.places import KNOWN_PLACES
from interconnectes.francemap.projection import FRAMES, HEIGHT, MAINLAND, WIDTH, Frame, frame_of, project

TOWNS = {
    "Paris": (2.3522, 48.8566), "Brest": (-4.4861, 48.3904), "Strasbourg": (7.7521, 48.5734),
    "Perpignan": (2.8948, 42.6887), "Nice": (7.2620, 43.7102), "Ajaccio": (8.7369, 41.9192),
}


def xy(town):
    return project(*TOWNS[town], MAINLAND)


def test_a_square_frame_maps_its_corners_and_centre_by_hand():
    # On the equator the squeeze is cos(0) = 1: a 10° × 10° window fills a 100 × 100 box exactly.
    frame = Frame("test", -5, -5, 5, 5, 0, 0, 100, 100)
    assert project(-5, 5, frame) == pytest.approx((0, 0))
    assert project(5, -5, frame) == pytest.approx((100, 100))
    assert project(0, 0, frame) == pytest.approx((50, 50))


def test_the_squeeze_narrows_a_window_away_from_the_equator_and_centres_it():
    # At 60° the cosine is 0.5: 10° of longitude are as wide as 5° of latitude; the window is centred.
    frame = Frame("test", 0, 55, 10, 65, 0, 0, 100, 100)
    assert project(0, 65, frame) == pytest.approx((25, 0))
    assert project(10, 55, frame) == pytest.approx((75, 100))


def test_french_towns_lie_where_they_should_relative_to_each_other():
    assert xy("Brest")[0] < xy("Paris")[0] < xy("Strasbourg")[0]  # west to east
    assert xy("Paris")[1] < xy("Perpignan")[1] < xy("Ajaccio")[1]  # north to south
    assert xy("Nice")[0] < xy("Ajaccio")[0]  # Corsica lies east of Nice
    assert xy("Perpignan")[0] < xy("Nice")[0] and xy("Nice")[1] < xy("Perpignan")[1]
    assert abs(xy("Brest")[1] - xy("Strasbourg")[1]) < 10  # same latitude, within a few units


def test_every_town_and_every_known_place_is_inside_the_mainland_frame_and_the_drawing():
    for lon, lat in [*TOWNS.values(), *KNOWN_PLACES.values()]:
        assert frame_of(lon, lat) is MAINLAND
        x, y = project(lon, lat, MAINLAND)
        assert MAINLAND.x <= x <= MAINLAND.x + MAINLAND.width and MAINLAND.y <= y <= MAINLAND.y + MAINLAND.height
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT


@pytest.mark.parametrize(("place", "code"), [
    ((-61.53, 16.24), "gua"), ((-61.07, 14.6), "mtq"), ((-52.33, 4.93), "guy"),
    ((55.45, -20.88), "reu"), ((45.23, -12.78), "may"),
])
def test_overseas_places_go_to_their_inset(place, code):
    frame = frame_of(*place)
    assert frame.code == code
    x, y = project(*place, frame)
    assert frame.x <= x <= frame.x + frame.width and frame.y <= y <= frame.y + frame.height


def test_a_place_abroad_has_no_frame_and_the_frames_do_not_overlap():
    assert frame_of(-73.99, 40.73) is None  # New York
    boxes = [(f.x, f.y, f.x + f.width, f.y + f.height) for f in FRAMES]
    for index, a in enumerate(boxes):
        for b in boxes[index + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
