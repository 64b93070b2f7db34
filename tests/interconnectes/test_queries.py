"""A fixed number of SQL queries per page, cold and warm, whatever the data size, for every reader.

See tests/queries.py for how they are counted.
"""

import datetime

import pytest

from interconnectes.models import HomeKeyFigure, NavigationItem, NavigationSettings, SiteSettings
from manifestes.models import ManifestoSignatory, RelatedManifesto
from tests.factories import (
    DocumentFactory,
    ManifestoIndexPageFactory,
    ManifestoPageFactory,
    OrganisationFactory,
    StandardPageFactory,
)
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db


def populate(home, size):
    SiteSettings.for_site(home.get_site())  # created once by editors in real life
    navigation = NavigationSettings.for_site(home.get_site())
    for number in range(min(size, 6)):
        NavigationItem.objects.create(settings=navigation, page=StandardPageFactory(parent=home), sort_order=number)
    for number in range(size):
        HomeKeyFigure.objects.create(page=home, value=str(number), label="chiffre")
    index = ManifestoIndexPageFactory(parent=home)
    manifestos = [ManifestoPageFactory(parent=index, adoption_date=datetime.date(2020, 1, 1) + datetime.timedelta(n))
                  for n in range(size)]
    target = manifestos[0]
    target.document = DocumentFactory()
    target.save()
    for _ in range(size):
        ManifestoSignatory.objects.create(page=target, organisation=OrganisationFactory())
    for other in manifestos[1:6]:
        RelatedManifesto.objects.create(page=target, related_page=other)
    return index, target


@pytest.mark.parametrize("url_name", ["home", "index", "manifesto"])
def test_query_count_is_fixed_and_within_budget(reader_client, home, url_name):
    counts = []
    for size in (2, 12):
        index, target = populate(home, size) if not counts else populate_more(home, size)
        url = {"home": "/", "index": index.url, "manifesto": target.url}[url_name]
        counts.append(page_queries(reader_client, url))
    assert counts[0] == counts[1], counts
    assert within_budget(counts[0]), counts


def populate_more(home, size):
    from manifestes.models import ManifestoIndexPage

    index = ManifestoIndexPage.objects.get()
    target = index.get_children().specific().order_by("path").first()
    for number in range(size):
        HomeKeyFigure.objects.create(page=home, value=str(number), label="encore")
        ManifestoPageFactory(parent=index, adoption_date=datetime.date(2010, 1, 1) + datetime.timedelta(number))
        ManifestoSignatory.objects.create(page=target, organisation=OrganisationFactory())
    return index, target


def test_standard_page_runs_a_fixed_number_of_queries(reader_client, home):
    """Text, figures and pictures: the same number of queries for one block of each or eight."""
    from interconnectes.demo_pages import stream
    from tests.factories import DocumentFactory, image_factory

    SiteSettings.for_site(home.get_site())
    images = [image_factory(f"Image {number}") for number in range(8)]
    counts = []
    for size in (1, 8):
        blocks = [("rich_text", "<p>Un numérique sobre.</p>")] * size
        blocks += [("key_figures", {"heading": "", "figures": [{"value": "1", "label": "x"}] * size})]
        blocks += [("image", {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""})
                   for image in images[:size]]
        blocks += [("document", {"document": DocumentFactory().pk, "title": ""})]
        page = StandardPageFactory(parent=home, body=stream(blocks))
        reader_client.get(page.url)  # renditions are generated once, on the first view
        counts.append(page_queries(reader_client, page.url))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts
