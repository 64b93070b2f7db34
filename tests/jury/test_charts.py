"""Server-side SVG charts (jury/charts.py)."""

import xml.etree.ElementTree as ET

from jury.charts import histogram, leniency

SVG = "{http://www.w3.org/2000/svg}"


def test_histogram_is_valid_svg_with_one_bar_per_value_and_a_description():
    svg = ET.fromstring(histogram({0: 0, 1: 2, 2: 5}, "Impact"))
    assert svg.find(f"{SVG}title").text == "Impact"
    assert len(svg.findall(f"{SVG}rect")) == 3
    assert "2 : 5" in svg.find(f"{SVG}desc").text


def test_leniency_bars_go_left_for_severe_and_right_for_lenient_jurors_and_escape_names():
    markup = leniency([("Juré <sévère>", -12.5), ("Juré indulgent", 8.0)], "Sévérité")
    svg = ET.fromstring(markup)
    bars = svg.findall(f"{SVG}rect")
    assert float(bars[0].get("x")) < float(bars[1].get("x"))
    assert "<sévère>" not in markup and "&lt;sévère&gt;" in markup


def test_empty_charts_render():
    ET.fromstring(histogram({}, "Vide"))
    ET.fromstring(leniency([], "Vide"))
