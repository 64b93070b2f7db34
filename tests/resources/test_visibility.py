"""Who sees what of the resource space: every standing × the index, a resource's page, a collection, a file, the
site search and the sitemap. A members-only resource reaches members and staff only, never the search or the
sitemap; below members its page and its file answer the login page or a French explanation, never the bytes."""

import pytest
from django.test import Client

from sitesearch import indexing
from tests.resources.factories import MEMBERS, PDF, ResourceFactory, collection, readers

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Guide public de la donnée"
MEMBERS_TITLE = "Fiche réservée aux adhérents"
MEMBERS_BYTES = PDF + b"% reserve aux membres\n"


@pytest.fixture
def world(space, clock):
    public = ResourceFactory(title=PUBLIC_TITLE, slug="guide-public")
    members_only = ResourceFactory(title=MEMBERS_TITLE, slug="fiche-membres", visibility="membres",
                                   file__data=MEMBERS_BYTES)
    draft = ResourceFactory(title="Brouillon", slug="brouillon", published_on=None)
    collection("Guides data-IA", "guides-data-ia", [public, members_only, draft])
    return space, readers(clock().year)


def client_for(person):
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("role", ["anonymous", "signed-in non-member", "agent of a non-member", "unverified agent",
                                  "verified member agent", "revoked agent", "staff"])
def test_each_reader_sees_members_only_resources_only_as_a_member(world, role):
    space, people = world
    client = client_for(people[role])
    is_member = role in MEMBERS
    for url in ("/ressources/", "/ressources/collections/guides-data-ia/"):
        page = client.get(url).content.decode()
        assert PUBLIC_TITLE in page, url
        assert (MEMBERS_TITLE in page) is is_member, url
        assert "Brouillon" not in page
    assert client.get("/ressources/guide-public/").status_code == 200
    assert body(client.get("/ressources/guide-public/fichier/")) == PDF
    detail = client.get("/ressources/fiche-membres/")
    download = client.get("/ressources/fiche-membres/fichier/")
    if is_member:
        assert detail.status_code == 200 and MEMBERS_TITLE in detail.content.decode()
        assert download.status_code == 200 and body(download) == MEMBERS_BYTES
        assert download["Cache-Control"] == "private, no-store"
    elif people[role] is None:
        for response in (detail, download):
            assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    else:
        for response in (detail, download):
            assert response.status_code == 403
            assert "réservée aux agents vérifiés des collectivités adhérentes" in response.content.decode()
            assert MEMBERS_BYTES not in response.content
    for url in ("/ressources/brouillon/", "/ressources/brouillon/fichier/"):
        assert client.get(url).status_code == 404


def test_search_and_sitemap_hold_public_resources_only(world):
    space, people = world
    indexing.rebuild()
    for role in ("anonymous", "verified member agent", "staff"):
        client = client_for(people[role])
        public = client.get("/recherche/", {"q": "guide public donnee"}).content.decode()
        assert 'href="/ressources/guide-public/"' in public  # the title's words come marked up
        hidden = client.get("/recherche/", {"q": "fiche reservee adherents"}).content.decode()
        assert "fiche-membres" not in hidden and "Fiche réservée" not in hidden
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert "/ressources/guide-public/" in sitemap
    assert "/ressources/collections/guides-data-ia/" in sitemap
    assert "fiche-membres" not in sitemap and "brouillon" not in sitemap


def test_a_membership_revoked_takes_effect_on_the_next_request(world):
    space, people = world
    agent = people["verified member agent"]
    client = client_for(agent)
    assert client.get("/ressources/fiche-membres/fichier/").status_code == 200
    membership = agent.memberships.get()
    membership.status = "revoked"
    membership.save()
    assert client.get("/ressources/fiche-membres/fichier/").status_code == 403
