"""The site search finds a replay by what is said in it and opens it at the chapter that says it; a members'
replay is found by member agents only, and lends no word to the corrections offered to everyone."""

import pytest
from django.urls import reverse

from replays.models import Visibility
from sitesearch import indexing
from sitesearch.models import SearchDocument, SearchWord
from tests.replays.conftest import client_for
from tests.replays.factories import ReplayFactory

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("search"), {"q": query}).content.decode()


@pytest.fixture
def indexed(members_replay, sequence):
    public = ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, title="Sobriété numérique", slug="sobre",
                           chapters=[("00:00", "Ouverture"), ("00:05", "Démonstration")])
    ReplayFactory(sequence=sequence, visibility=Visibility.LINK, slug="par-lien", title="Confidentiel")
    ReplayFactory(sequence=sequence, visibility=Visibility.PUBLIC, captions="", slug="sans-sous-titres",
                  transcript="Un mot introuvable : zythogramme.")
    indexing.rebuild()
    return members_replay, public


def test_a_member_finds_a_replay_by_its_transcript_at_the_right_chapter(indexed, readers):
    members_replay, _public = indexed
    html = search(client_for(readers.member_agent), "agent conversationnel")
    assert f'href="/replays/{members_replay.slug}/?chapitre=1"' in html
    html = search(client_for(readers.member_agent), "serveurs mutualisés")
    assert f'href="/replays/{members_replay.slug}/?chapitre=2"' in html


def test_a_public_replay_is_found_by_everyone_at_its_chapter(indexed):
    _members_replay, public = indexed
    # Its cue at 00:03.5 ("Nantes présente…") plays in chapter 1 (00:00–00:05); "sobriété…" at 00:10 in chapter 2.
    assert 'href="/replays/sobre/?chapitre=2"' in search(client_for(None), "serveurs mutualisés")


@pytest.mark.parametrize("who", [None, "signed_in", "non_member", "revoked", "unverified"])
def test_a_members_replay_never_reaches_those_below(indexed, readers, who):
    members_replay, _public = indexed
    html = search(client_for(getattr(readers, who) if who else None), "agent conversationnel")
    assert members_replay.slug not in html and "guichet" not in html


def test_unshown_and_link_only_replays_are_not_indexed(indexed):
    keys = set(SearchDocument.objects.filter(kind="replay").values_list("url", flat=True))
    assert not any("par-lien" in url or "sans-sous-titres" in url for url in keys)
    assert not SearchWord.objects.filter(term__startswith="zythogram").exists()


def test_members_words_are_not_offered_as_corrections(sequence, readers, clock):
    ReplayFactory(sequence=sequence, slug="secret", chapters=[],
                  transcript="Le programme Tartempion réservé aux membres.")
    indexing.rebuild()
    assert SearchDocument.objects.get(url="/replays/secret/").tier == 2
    assert not SearchWord.objects.filter(term="tartempion").exists()
    assert "Tartempion" not in search(client_for(None), "tartempio")
    assert "/replays/secret/" in search(client_for(readers.member_agent), "tartempion")
