"""The demo's resource space: the association's guides data-IA and ressources IA moved in as resources, the
consultations' method kit and Territoir'Prod's materials in their collections, some for members only; the main
menu leads to it, and building it again duplicates nothing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from accounts.demo import AGENTS
from interconnectes.models import NavigationSettings
from library.models import LibraryIndexPage
from resources import demo
from resources.models import Collection, CollectionItem, Resource, ResourceIndexPage

pytestmark = pytest.mark.django_db


def test_the_collections_hold_the_association_s_resources():
    collections = {collection.slug: [item.resource.slug for item in collection.items.order_by("sort_order")]
                   for collection in Collection.objects.prefetch_related("items__resource")}
    assert collections == {slug: members for slug, (_title, _description, members) in demo.COLLECTIONS.items()}
    assert set(Collection.objects.values_list("title", flat=True)) >= {
        "Guides data-IA", "Ressources IA", "Kit méthodologique des concertations", "Territoir'Prod"}
    assert Resource.objects.filter(visibility="membres").count() >= 3
    assert all(resource.summary.startswith("Contenu illustratif")
               for resource in Resource.objects.filter(is_illustrative=True))


def test_visitors_and_members_read_the_space(client):
    index = ResourceIndexPage.objects.get()
    assert f'href="{index.url}"' in client.get("/").content.decode()
    assert f'href="{index.url}"' in client.get(LibraryIndexPage.objects.get().url).content.decode()
    listing = client.get(index.url).content.decode()
    assert "Concertations territoriales de l&#x27;IA" in listing or "Concertations territoriales de l’IA" in listing
    assert "Grille de restitution" not in listing
    download = client.get(index.url + "territoires-engages-concertations-ia/fichier/")
    assert download.status_code == 200 and b"Nantes M" in b"".join(download.streaming_content)
    assert client.get(index.url + "grille-restitution-concertation/fichier/").status_code == 302
    client.force_login(get_user_model().objects.get(username=AGENTS[0][1]))
    assert "Grille de restitution" in client.get(index.url).content.decode()
    assert client.get(index.url + "grille-restitution-concertation/fichier/").status_code == 200


def test_building_again_duplicates_nothing():
    counts = (Resource.objects.count(), Collection.objects.count(), CollectionItem.objects.count(),
              ResourceIndexPage.objects.count())
    home = Site.objects.get(is_default_site=True).root_page
    demo.build({"home": home, "navigation": NavigationSettings.for_site(Site.objects.get(is_default_site=True))})
    assert (Resource.objects.count(), Collection.objects.count(), CollectionItem.objects.count(),
            ResourceIndexPage.objects.count()) == counts
