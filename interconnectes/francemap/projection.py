"""From longitude and latitude to a point of the map's drawing, frame by frame.

The map is a plate carrée squeezed east–west by the cosine of the frame's middle latitude: at the scale of a
country this keeps shapes recognisable (France is about as wide as it is tall) with one multiplication, and
a reader never measures distances on it. Mainland France and Corsica share the large frame; each overseas
region has a small inset frame of its own, at its own scale, as French maps usually show them.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """A window on the globe (degrees) and the box of the drawing it fills (SVG user units)."""

    code: str
    west: float
    south: float
    east: float
    north: float
    x: float
    y: float
    width: float
    height: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def project(lon: float, lat: float, frame: Frame) -> tuple[float, float]:
    """The SVG point of (lon, lat) in `frame`, scaled to fit its box and centred in it (y grows southwards)."""
    squeeze = math.cos(math.radians((frame.south + frame.north) / 2))
    span_x, span_y = (frame.east - frame.west) * squeeze, frame.north - frame.south
    scale = min(frame.width / span_x, frame.height / span_y)
    left = frame.x + (frame.width - span_x * scale) / 2
    top = frame.y + (frame.height - span_y * scale) / 2
    return left + (lon - frame.west) * squeeze * scale, top + (frame.north - lat) * scale


WIDTH, HEIGHT = 640, 540
INSET = 92
MAINLAND = Frame("mainland", -4.9, 41.3, 9.7, 51.15, INSET + 16, 4, WIDTH - INSET - 20, HEIGHT - 8)
# The five overseas regions, stacked down the left edge, each with room under its box for its name.
INSETS = tuple(
    Frame(code, west, south, east, north, 4, 4 + index * (INSET + 14), INSET, INSET - 2)
    for index, (code, west, south, east, north) in enumerate([
        ("gua", -61.85, 15.8, -60.95, 16.55),
        ("mtq", -61.27, 14.37, -60.77, 14.92),
        ("guy", -54.7, 2.05, -51.55, 5.8),
        ("reu", 55.18, -21.42, 55.9, -20.82),
        ("may", 44.98, -13.03, 45.33, -12.6),
    ])
)
FRAMES = (MAINLAND, *INSETS)


def frame_of(lon: float, lat: float) -> Frame | None:
    """The frame that shows (lon, lat), or None for a place the map does not cover (it stays in the list)."""
    return next((frame for frame in FRAMES if frame.contains(lon, lat)), None)
