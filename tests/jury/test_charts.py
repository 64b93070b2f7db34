"""Server-side SVG charts (jury/charts.py): labelled with their criterion, French numbers, room for every text."""

import xml.etree.ElementTree as ET

import pytest

from jury.charts import VALUE_ROOM, french_number, histogram, leniency

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg):
    return [(float(node.get("x")), float(node.get("y")), node.get("text-anchor", "start"), node.text)
            for node in svg.findall(f"{SVG}text")]


def test_histogram_is_valid_svg_with_one_bar_per_value_and_its_criterion_as_visible_title():
    svg = ET.fromstring(histogram({0: 0, 1: 2, 2: 5}, "Impact"))
    assert svg.find(f"{SVG}title").text == "Notes données : Impact"
    assert texts(svg)[0][3] == "Impact"  # drawn above the bars
    assert len(svg.findall(f"{SVG}rect")) == 3
    assert "2 : 5" in svg.find(f"{SVG}desc").text


def test_a_long_criterion_name_is_cut_to_the_chart_s_width_and_kept_whole_in_its_title():
    name = "Attention portée aux usagers et aux agents tout au long du projet, de la conception au bilan"
    svg = ET.fromstring(histogram({0: 1}, name))
    drawn = texts(svg)[0][3]
    assert drawn.endswith("…") and len(drawn) * 8.5 <= 320
    assert svg.find(f"{SVG}title").text.endswith(name)


def test_the_tallest_bar_s_count_stays_below_the_title():
    svg = ET.fromstring(histogram({0: 1, 1: 9}, "Impact"))
    counts = [t for t in texts(svg) if t[3] == "9"]
    assert counts and counts[0][1] - 10 > 16  # the count's top is under the title's baseline


@pytest.mark.parametrize(("value", "sign", "expected"), [(1.44, False, "1,4"), (29.43, True, "+29,4"),
                                                         (-3, True, "-3,0"), (0, True, "+0,0")])
def test_numbers_are_written_the_french_way(value, sign, expected):
    assert french_number(value, sign=sign) == expected


def test_leniency_bars_go_left_for_severe_and_right_for_lenient_jurors_and_escape_names():
    markup = leniency([("Juré <sévère>", -12.5), ("Juré indulgent", 8.0)], "Sévérité")
    svg = ET.fromstring(markup)
    bars = svg.findall(f"{SVG}rect")
    assert float(bars[0].get("x")) < float(bars[1].get("x"))
    assert "<sévère>" not in markup and "&lt;sévère&gt;" in markup
    assert "-12,5" in markup and "+8,0" in markup and "12.5" not in markup


def test_leniency_names_and_values_have_their_own_place_and_stay_inside_the_chart():
    """The case that overlapped ("Odile Kerbrat-29.0") and clipped ("+29.4"): the widest deviations."""
    svg = ET.fromstring(leniency([("Odile Kerbrat", -29.0), ("Yves Le Goff", 29.4), ("Anne", 3.0)], "Sévérité"))
    width = float(svg.get("viewBox").split()[2])
    nodes = texts(svg)
    names, values = nodes[0::2], nodes[1::2]
    for (_x, name_y, _a, _n), (value_x, value_y, anchor, value) in zip(names, values, strict=True):
        assert value_y - name_y >= 14  # the value sits on the bar's line, under the name
        room = len(value) * 6.5
        assert (value_x + room <= width) if anchor == "start" else (value_x - room >= 0)
    assert VALUE_ROOM >= len("+100,0") * 6.5


def test_empty_charts_render():
    ET.fromstring(histogram({}, "Vide"))
    ET.fromstring(leniency([], "Vide"))
