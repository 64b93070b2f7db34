"""The leak test: every library page, for every tier, holds no value of a field above the reader's level.

Each level-1 and level-2 field of two implementations holds a marker of its
own. The pages are rendered for the highest tier first and without clearing
the cache between readers, so that a fragment cached for one level and
served to a lower one would be caught. Each implementation also has a
document of level 1 and one of level 2 (their titles and addresses are
markers, and each address is asked for: 404 below its level), a contact who
consented to show their name and address (level 1) and one who did not
(never shown, at any level).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from interconnectes.models import OrganisationKind
from library.tiers import FIELD_LEVELS, Level
from sitesearch import indexing
from sitesearch.models import SearchDocument, SearchWord
from tests.accounts.factories import member, organisation
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, contact, data_source, document, grant

pytestmark = pytest.mark.django_db
FAR = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
URL_FIELDS = {"code_archive_url"}


def marker(name, level, key):
    text = f"marqueur-n{level}-{name.replace('_', '-')}-{key}"
    return f"https://{text}.example.org/" if name in URL_FIELDS else text


NEVER = 99  # above every level: shown to nobody
# Markers of what is attached to an implementation, by key: (marker, level).
ATTACHED: dict[str, list] = {}
# Documents' addresses, by key: (address, level).
DOCUMENT_URLS: dict[str, list] = {}


def marked(use_case, key, name):
    values = {name: marker(name, level, key) for name, level in FIELD_LEVELS.items() if level > Level.PUBLIC}
    implementation = ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name=name),
                                           purpose=f"Finalité publique {key}", **values)
    data_source(implementation)
    ATTACHED[key], DOCUMENT_URLS[key] = [], []
    for level in (Level.AGENTS, Level.EXPERTS):
        row = document(implementation, title=f"marqueur-n{level}-document-{key}", level=level)
        url = reverse("library_access:download", args=[row.pk])
        ATTACHED[key] += [(row.title, level), (f'href="{url}"', level)]
        DOCUMENT_URLS[key].append((url, level))
    contact(implementation, name=f"marqueur-n1-contact-{key}", email=f"marqueur-n1-adresse-{key}@example.org",
            consented_at=FAR - datetime.timedelta(days=40000))
    contact(implementation, name=f"marqueur-jamais-contact-{key}", email=f"marqueur-jamais-{key}@example.org")
    ATTACHED[key] += [(f"marqueur-n1-contact-{key}", Level.AGENTS), (f"marqueur-n1-adresse-{key}", Level.AGENTS),
                      (f"marqueur-jamais-contact-{key}", NEVER), (f"marqueur-jamais-{key}@", NEVER)]
    return implementation


def markers_above(implementation_key, level):
    return [marker(name, field_level, implementation_key) for name, field_level in FIELD_LEVELS.items()
            if field_level > level] + [value for value, at in ATTACHED[implementation_key] if at > level]


def markers_up_to(implementation_key, level):
    return [marker(name, field_level, implementation_key) for name, field_level in FIELD_LEVELS.items()
            if Level.PUBLIC < field_level <= level] + [value for value, at in ATTACHED[implementation_key]
                                                       if Level.PUBLIC < at <= level]


@pytest.fixture
def world(library, use_case):
    a = marked(use_case, "a", "Nantes Métropole")
    b = marked(use_case, "b", "Toulouse Métropole")
    users = get_user_model().objects
    agent = users.create_user("agent@lyon.example.org", "agent@lyon.example.org")
    member(agent, organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    expert_b = users.create_user("expert-b@example.org", "expert-b@example.org")
    grant(expert_b, b, expires_at=FAR)
    expert_a = users.create_user("expert-a@example.org", "expert-a@example.org")
    grant(expert_a, a, expires_at=FAR)
    # Highest tier first: a fragment cached for a higher level must never be served to a lower one.
    readers = [("grant holder on this one", expert_a, {"a": Level.EXPERTS, "b": Level.PUBLIC}),
               ("verified agent", agent, {"a": Level.AGENTS, "b": Level.AGENTS}),
               ("grant holder on another one", expert_b, {"a": Level.PUBLIC, "b": Level.EXPERTS}),
               ("anonymous", None, {"a": Level.PUBLIC, "b": Level.PUBLIC})]
    return library, use_case, readers


def test_no_page_shows_a_field_above_the_readers_level(world):
    library, use_case, readers = world
    shared = {"index": library.url, "use case": use_case.url, "comparison": use_case.url + "comparaison/",
              "sitemap": "/sitemap.xml", "search": "/recherche/?q=marqueur",
              "search for the use case": "/recherche/?q=cantines",
              "filtered library": library.url + "?lessons=on&code=on&q=marqueur",
              "library by words": library.url + "?q=publique",
              "open data page": "/donnees/bibliotheque-ia/", "CSV export": "/donnees/bibliotheque-ia.csv",
              "JSON export": "/donnees/bibliotheque-ia.json", "schema": "/donnees/bibliotheque-ia.schema.json"}
    leaks, missing = [], []
    for reader, user, levels in readers:
        client = Client()
        if user is not None:
            client.force_login(user)
        for _round in ("cold", "warm"):
            for page, url in shared.items():
                text = client.get(url).content.decode()
                leaks += [f"{reader}, {page}: {value}" for key in "ab" for value in markers_above(key, Level.PUBLIC)
                          if value in text]
            for key, slug in (("a", "nantes-metropole"), ("b", "toulouse-metropole")):
                response = client.get(f"{use_case.url}{slug}/")
                assert response.status_code == 200
                text = response.content.decode()
                other = "b" if key == "a" else "a"
                leaks += [f"{reader}, {key}: {value}" for value in markers_above(key, levels[key]) if value in text]
                leaks += [f"{reader}, {key}: {value}" for value in markers_above(other, Level.PUBLIC) if value in text]
                missing += [f"{reader}, {key}: {value}" for value in markers_up_to(key, levels[key])
                            if value not in text]
                for url, document_level in DOCUMENT_URLS[key]:
                    expected = 200 if document_level <= levels[key] else 404
                    if client.get(url).status_code != expected:
                        leaks.append(f"{reader}, {key}: {url} (niveau {document_level}) ≠ {expected}")
    assert leaks == [], "Champs d'un niveau supérieur affichés :\n" + "\n".join(leaks)
    assert missing == [], "Champs du niveau du lecteur absents :\n" + "\n".join(missing)


def test_the_search_finds_the_use_case_and_its_records_by_their_public_fields_only(client, world):
    _library, use_case, _readers = world
    indexing.rebuild()
    assert f'href="{use_case.url}"' in client.get("/recherche/?q=cantines").content.decode()
    found = client.get("/recherche/", {"q": "finalité publique", "type": "ai_project"}).content.decode()
    assert f'href="{use_case.url}nantes-metropole/"' in found and f'href="{use_case.url}toulouse-metropole/"' in found
    stored = " ".join(" ".join(row) for row in SearchDocument.objects.values_list("title", "body", "terms"))
    assert "marqueur" not in stored and "marqueur" not in " ".join(SearchWord.objects.values_list("term", flat=True))
    for key in "ab":
        for value in markers_above(key, Level.PUBLIC):
            assert "Projet d'IA" not in client.get("/recherche/", {"q": value}).content.decode(), value


def test_the_public_history_shows_no_field_above_level_0_to_anyone(world):
    """Each record has two versions whose every field differs: the history shows the level-0 changes only."""
    from library.models import Implementation
    from library.submissions import snapshot
    from reviews.services import record_version

    _library, use_case, readers = world
    for implementation in Implementation.objects.all():
        first = snapshot(implementation)
        record_version(implementation, first, None, FAR)
        record_version(implementation, {
            name: f"{value}-v2" if isinstance(value, str) and name not in ("started_on", "status") else value
            for name, value in first.items()}, None, FAR)
    for reader, user, _levels in readers:
        client = Client()
        if user is not None:
            client.force_login(user)
        for slug in ("nantes-metropole", "toulouse-metropole"):
            text = client.get(f"{use_case.url}{slug}/historique/").content.decode()
            assert "Version 2" in text and "Finalité publique" in text, reader
            assert "marqueur-n" not in text, reader
