"""The drawing: well-formed SVG, escaped labels, no style attribute, linked circles, and its weight."""

import gzip
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template

from interconnectes.francemap.boundaries import DATA, region_rings
from interconnectes.francemap.places import KNOWN_PLACES
from interconnectes.francemap.points import MapPoint, PointKind, describe
from interconnectes.francemap.projection import INSETS, MAINLAND, Frame
from interconnectes.francemap.svg import draw_map, land_path, path_data, radius, tenths
from interconnectes.regions import Region

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & Cie"


def many_points(count):
    """`count` points spread over the known places, half territories and half consultations, each linked."""
    places = list(KNOWN_PLACES.items())
    return [
        MapPoint(f"{places[i % len(places)][0]} n° {i}", *places[i % len(places)][1],
                 kind=PointKind.TERRITORY if i % 2 else PointKind.CONSULTATION, count=i % 40,
                 url=f"/concertations/territoires/territoire-numero-{i}/")
        for i in range(count)
    ]


def draw(points):
    return draw_map(points, title="Carte des territoires", description="Une description")


def test_numbers_are_written_to_the_tenth_as_short_as_possible():
    assert [tenths(v) for v in (12, 12.04, 3.25, -0.5, 0.5, -0.04, 0)] == ["12", "12", "3.2", "-.5", ".5", "0", "0"]


def test_a_ring_becomes_a_closed_path_of_relative_moves():
    frame = Frame("test", 0, 0, 10, 10, 0, 0, 100, 100)  # 1° = 10 units (cos 5° ≈ .996 squeezes a little)
    assert path_data([[(0, 0), (0, 10), (0, 10), (0, 0)]], frame) == "M.2 100l0 -100 0 100z"


def test_the_radius_grows_with_the_square_root_of_the_count_up_to_a_cap():
    assert [radius(count) for count in (0, 4, 16, 10_000, -3)] == [3, 6, 9, 14, 3]


def test_the_drawing_is_well_formed_svg_named_by_its_title_and_description():
    root = ET.fromstring(draw(many_points(30)))
    assert root.tag == f"{SVG}svg" and root.get("role") is None  # an image may not hold links
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert (title.text, desc.text) == ("Carte des territoires", "Une description")
    assert [text.text for text in root.iter(f"{SVG}text")] == [str(Region(frame.code).label) for frame in INSETS]


def test_every_point_is_a_circle_with_its_title_inside_a_link_kept_out_of_the_tab_order():
    points = many_points(30)
    links = list(ET.fromstring(draw(points)).iter(f"{SVG}a"))
    assert len(links) == 30
    assert {link.get("href") for link in links} == {point.url for point in points}
    assert all(link.get("tabindex") == "-1" for link in links)  # keyboard users take the list's links
    assert ET.fromstring(draw(points)).find(f"{SVG}g[@aria-hidden='true']//{SVG}a") is not None
    assert {link.find(f"{SVG}circle/{SVG}title").text for link in links} == {point.summary for point in points}


def test_labels_and_addresses_are_escaped_and_unsafe_addresses_neutralised():
    point = MapPoint(HOSTILE, 2.35, 48.85, PointKind.TERRITORY, 2, url="javascript:alert(1)")
    svg = draw_map([point], title=HOSTILE, description=HOSTILE)
    root = ET.fromstring(svg)
    assert "<script" not in svg and not list(root.iter(f"{SVG}script"))
    assert root.find(f"{SVG}title").text == HOSTILE
    assert root.find(f".//{SVG}a").get("href") == "#"
    assert root.find(f".//{SVG}a/{SVG}circle/{SVG}title").text.startswith(HOSTILE)


def test_a_point_without_address_is_a_plain_dot_and_one_abroad_is_left_off_the_drawing():
    points = [MapPoint("Sans lien", 2.35, 48.85, PointKind.CONSULTATION, 5),
              MapPoint("New York", -73.99, 40.73, PointKind.TERRITORY, 1, url="/ny/")]
    root = ET.fromstring(draw(points))
    assert not list(root.iter(f"{SVG}a"))
    assert len(list(root.iter(f"{SVG}circle"))) == 1
    assert [title.text for title in root.iter(f"{SVG}title")] == ["Carte des territoires"]  # the drawing's own


def test_no_style_attribute_style_element_or_script_anywhere():
    for element in ET.fromstring(draw(many_points(300))).iter():
        assert "style" not in element.attrib
        assert element.tag not in {f"{SVG}style", f"{SVG}script", f"{SVG}foreignObject"}


def test_territories_then_consultations_each_largest_first_so_that_no_circle_hides_a_smaller_one():
    layers = ET.fromstring(draw(many_points(60))).findall(f"{SVG}g/{SVG}g")
    assert [layer.get("fill") for layer in layers] == ["#0a4a82", "#ffffff"]  # discs, then rings
    for layer in layers:
        radii = [float(circle.get("r")) for circle in layer.iter(f"{SVG}circle")]
        assert len(radii) == 30 and radii == sorted(radii, reverse=True)


@pytest.mark.parametrize(("count", "budget", "compressed_budget"), [
    (0, 15_000, 6_000), (30, 21_000, 7_000), (300, 75_000, 11_000),
])
def test_the_drawing_stays_light(count, budget, compressed_budget):
    # Measured: 14.1 KB (5.2 KB gzipped) for the land and frames alone, 20.0 KB (6.3 KB) with 30 points,
    # 73.5 KB (9.5 KB) with 300, each linked, labels and addresses as long as the demo's.
    svg = draw(many_points(count)).encode()
    assert len(svg) < budget and len(gzip.compress(svg)) < compressed_budget


def test_the_land_is_computed_once_per_process():
    draw([])
    hits = land_path.cache_info().hits
    draw(many_points(3))
    assert land_path.cache_info().hits == hits + 1


def test_the_bundled_boundaries_are_the_eighteen_regions_small_and_inside_their_frames():
    assert DATA.stat().st_size < 30_000
    rings = region_rings()
    assert set(rings) == set(Region.values)
    frames = {frame.code: frame for frame in INSETS}
    for code, region in rings.items():
        frame = frames.get(code, MAINLAND)
        for ring in region:
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(frame.contains(lon, lat) for lon, lat in ring), code


def test_the_summary_and_description_say_the_counts_in_french():
    territory = MapPoint("Nantes Métropole", -1.55, 47.22, PointKind.TERRITORY, 1)
    consultation = MapPoint("Café IA à Rezé", -1.57, 47.18, PointKind.CONSULTATION, 42)
    assert territory.summary == "Nantes Métropole : territoire engagé, 1 concertation"
    assert consultation.summary == "Café IA à Rezé : concertation, 42 participants"
    assert describe([territory, consultation, territory]).startswith(
        "Carte de France avec 2 territoires engagés et 1 concertation. La liste qui suit"
    )


def test_a_map_of_territories_alone_says_what_their_discs_add_up_to():
    points = [MapPoint("Nantes Métropole", -1.55, 47.22, PointKind.TERRITORY, 3),
              MapPoint("Rezé", -1.57, 47.18, PointKind.TERRITORY, 2)]
    assert describe(points) == (
        "Carte de France avec 2 territoires engagés, chacun d’un disque qui grandit avec ses concertations "
        "(5 concertations publiées en tout). La liste qui suit la carte donne les mêmes lieux, leurs liens et leurs "
        "nombres.")
    html = Template("{% load france_map %}{% france_map points title='Carte' %}").render(Context({"points": points}))
    assert "france-map-key-territory" in html and "france-map-key-consultation" not in html


def test_the_component_lists_every_point_in_order_with_its_link_and_count():
    points = [*many_points(5), MapPoint(HOSTILE, -73.99, 40.73, PointKind.TERRITORY, 3)]
    html = Template("{% load france_map %}{% france_map points title='Carte' %}").render(Context({"points": points}))
    listed = html[html.index('<ul class="france-map-list"'):]
    positions = [listed.index(f'<a href="{point.url}">') for point in points[:5]]
    assert positions == sorted(positions)
    for point in points[:5]:
        assert f"(territoire engagé, {point.count_text})" in listed or f"(concertation, {point.count_text})" in listed
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie" in listed and "<script>" not in html  # abroad: listed
    assert 'style="' not in html and html.count("<li>") == 6


def test_the_component_says_so_when_there_is_nothing_to_show():
    html = Template("{% load france_map %}{% france_map points title='Carte' %}").render(Context({"points": []}))
    assert "Aucun lieu à montrer pour l'instant." in html
    assert "Carte de France, sans lieu à montrer pour l’instant." in html
    assert "france-map-key" not in html  # no legend for circles not drawn
