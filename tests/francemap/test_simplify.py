"""Douglas–Peucker on hand-drawn lines and rings, where the vertices to keep are known in advance."""

import math

import pytest

from interconnectes.francemap.simplify import distance_to_segment, simplify_line, simplify_ring


def test_distance_to_a_segment_is_measured_to_its_nearest_point():
    assert distance_to_segment((1, 1), (0, 0), (2, 0)) == 1  # above the middle
    assert distance_to_segment((5, 4), (0, 0), (2, 0)) == 5  # beyond the end: to the end (3-4-5)
    assert distance_to_segment((3, 4), (0, 0), (0, 0)) == 5  # a segment of no length is its point


def test_a_straight_line_keeps_only_its_ends():
    assert simplify_line([(0, 0), (1, 0.01), (2, -0.01), (3, 0)], 0.1) == [(0, 0), (3, 0)]


def test_a_vertex_farther_than_the_tolerance_stays_and_the_nearer_ones_go():
    # A roof: the ridge at 2 units is kept, the bumps of 0.05 on its slopes are not.
    line = [(0, 0), (1, 1.05), (2, 2), (3, 0.95), (4, 0)]
    assert simplify_line(line, 0.1) == [(0, 0), (2, 2), (4, 0)]
    assert simplify_line(line, 0.01) == line
    assert simplify_line(line, 3) == [(0, 0), (4, 0)]


def test_short_lines_are_returned_whole():
    assert simplify_line([(0, 0), (1, 1)], 10) == [(0, 0), (1, 1)]


def test_a_quarter_circle_keeps_more_vertices_at_a_finer_tolerance():
    arc = [(math.cos(i * math.pi / 200), math.sin(i * math.pi / 200)) for i in range(101)]
    coarse, fine = simplify_line(arc, 0.05), simplify_line(arc, 0.001)
    assert 2 < len(coarse) < len(fine) < len(arc)
    assert coarse[0] == arc[0] and coarse[-1] == arc[-1]


def test_a_square_ring_with_extra_points_on_its_sides_keeps_its_four_corners():
    ring = [(0, 0), (1, 0.01), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2), (0, 1), (0, 0)]
    assert simplify_ring(ring, 0.1) == [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]


@pytest.mark.parametrize("ring", [
    [(0, 0), (0.01, 0), (0.01, 0.01), (0, 0.01), (0, 0)],  # an islet smaller than the tolerance
    [(0, 0), (1, 0), (0, 0)],  # not a ring
])
def test_a_ring_that_is_nothing_at_the_tolerance_disappears(ring):
    assert simplify_ring(ring, 0.1) == []
