"""The demo's programme page draws its engaged territories on the map of France, each at its seat, and the map
keeps the page within the content pages' budget of DOM elements."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from consultations.models import Commitment, ConsultationProgrammePage
from interconnectes import budgets

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


class ElementCounter(HTMLParser):
    """Counts elements as document.querySelectorAll("*") does, and keeps the map's <svg> as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.count = 0

    def handle_starttag(self, tag, attrs):
        self.count += 1

    def handle_startendtag(self, tag, attrs):
        self.count += 1


def test_the_programme_page_maps_every_engaged_territory_within_the_dom_budget(client):
    content = client.get(ConsultationProgrammePage.objects.get().url).content.decode()
    svg = content[content.index('<svg xmlns="http://www.w3.org/2000/svg"'):]
    drawing = ET.fromstring(svg[:svg.index("</svg>") + len("</svg>")])
    engaged = Commitment.objects.engaged().count()
    assert len(list(drawing.iter(f"{SVG}circle"))) == engaged
    assert content.count('<li>', content.index('class="france-map-list"')) >= engaged
    counter = ElementCounter()
    counter.feed(content)
    assert counter.count <= budgets.CONTENT_PAGE.dom_elements, counter.count
