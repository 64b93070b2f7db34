"""The resource space's pages run a fixed number of queries, the same with 5 and 200 resources, within the budgets
(tests/queries.py), for an anonymous reader, a signed-in one and a member, filtered or not."""

import datetime

import pytest

from interconnectes.models import NavigationSettings, SiteSettings
from resources.models import Resource, ResourceIndexPage
from tests.events.factories import EventThemeFactory
from tests.queries import instances_built, page_queries, within_budget
from tests.resources.factories import ResourceFactory, collection, readers

pytestmark = pytest.mark.django_db


def grow(count, start, theme):
    """Resources `start` to `count`, one in five for members, written in bulk on one stored file."""
    stored_file = ResourceFactory.build().file if start else ResourceFactory(slug="ressource-000", themes=[theme]).file
    made = Resource.objects.bulk_create([
        Resource(title=f"Ressource {number:03d}", slug=f"ressource-{number:03d}", summary="Une ressource.",
                 kind="fiche" if number % 2 else "guide", visibility="membres" if number % 5 == 0 else "public",
                 published_on=datetime.date(2026, 1, 15), file=stored_file.name, file_type="application/pdf")
        for number in range(max(start, 1), count)])
    Resource.themes.through.objects.bulk_create(
        [Resource.themes.through(resource_id=resource.pk, eventtheme_id=theme.pk) for resource in made])


@pytest.fixture
def site_made(space):
    SiteSettings.for_site(space.get_site())  # created once by editors in real life
    NavigationSettings.for_site(space.get_site())
    return space


@pytest.mark.parametrize("query", [{}, {"kind": "fiche", "theme": "data"}, {"page": "2"}])
def test_the_index_runs_the_same_queries_for_5_or_200_resources(reader_client, site_made, clock, query):
    theme = EventThemeFactory(name="Data", slug="data")
    counts, made = [], 0
    for size in (5, 200):
        grow(size, made, theme)
        made = size
        counts.append(page_queries(reader_client, "/ressources/", query))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_a_member_reads_the_index_and_a_collection_within_budget(client, site_made, clock):
    theme = EventThemeFactory(name="Data", slug="data")
    client.force_login(readers(clock().year)["verified member agent"])
    counts = {"index": [], "collection": []}
    made = 0
    for size in (5, 200):
        grow(size, made, theme)
        made = size
        made_collection = collection(f"Collection {size}", f"collection-{size}", list(Resource.objects.all()))
        counts["index"].append(page_queries(client, "/ressources/"))
        counts["collection"].append(page_queries(client, f"/ressources/collections/{made_collection.slug}/"))
    for name, (small, large) in counts.items():
        assert small == large and within_budget(small), (name, counts)


def test_a_resource_and_a_collection_run_a_fixed_number_of_queries(reader_client, site_made, clock):
    theme = EventThemeFactory(name="Data", slug="data")
    grow(30, 0, theme)
    made = collection("Guides data-IA", "guides-data-ia", list(Resource.objects.public()))
    assert within_budget(page_queries(reader_client, "/ressources/ressource-001/"))
    assert within_budget(page_queries(reader_client, f"/ressources/collections/{made.slug}/"))


def test_the_index_builds_one_page_of_resources_whatever_the_space_holds(client, site_made, clock):
    grow(60, 0, EventThemeFactory(name="Data", slug="data"))
    with instances_built(Resource) as built:
        client.get("/ressources/")
    assert len(built) == 12


def test_the_index_page_is_created_once_under_the_home_page(space):
    assert ResourceIndexPage.objects.count() == 1
    assert not ResourceIndexPage.can_create_at(space)
