"""Oversized and malformed requests on the public site and the editors' admin: a quick 4xx or the page, never a 500.

"Quickly" is checked on the CPU time the test's process spends, with a bound far
above a normal answer (a few tens of milliseconds) and far below what the failures
it guards against take: a full text search on 10,000 characters, or an image
decoder filling gigabytes. CPU time, not elapsed time: a machine busy with other
work makes an answer wait, not work more.
"""

import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory
from tests.hostile import huge_png
from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db

QUICK = 5.0  # seconds of the process's CPU time


@pytest.fixture
def plain_client():
    return Client(raise_request_exception=False)


def timed(call):
    started = time.process_time()
    response = call()
    return response, time.process_time() - started


def test_a_10000_character_search_is_refused_quickly_in_french(plain_client, home):
    response, elapsed = timed(lambda: plain_client.get(reverse("search"), {"q": "réemploi " * 1111}))
    assert response.status_code == 400
    assert elapsed < QUICK
    assert "trop longue" in response.content.decode()


def test_a_post_with_thousands_of_fields_is_a_400(plain_client, home, settings):
    data = {f"champ{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response, elapsed = timed(lambda: plain_client.post(reverse("accounts:login"), data))
    assert response.status_code == 400
    assert elapsed < QUICK
    assert "Requête incorrecte" in response.content.decode()


@pytest.fixture
def public_pages(home):
    agenda = EventIndexPageFactory(parent=home)
    tour = TourPageFactory(parent=agenda)
    stop = JourneeExpertPageFactory(parent=tour)
    manifestos = ManifestoIndexPageFactory(parent=home)
    manifesto = ManifestoPageFactory(parent=manifestos)
    labels = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=labels)
    return [home.url, agenda.url, tour.url, stop.url, manifestos.url, manifesto.url, labels.url, campaign.url,
            f"{labels.url}laureats/", f"{agenda.url}ical/", f"{stop.url}ical/"]


JUNK_QUERIES = [
    "annee=abc", "year=abc", "year=-1", "year=99999999999999999999", "page=-1", "page=0", "page=99999",
    "page=abc", "page=1e9", "theme=%00", "region=zz", "categorie=%27%22%3E", "label=x", "q=%00",
    "date=2026-13-45", "date_from=abc&date_to=31/02/2026", "annee=2024&page=2&page=3",
]


@pytest.mark.parametrize("query", JUNK_QUERIES)
def test_junk_query_strings_never_cause_a_500(plain_client, public_pages, query):
    for url in [*public_pages, reverse("search") + "?q=territoires"]:
        response = plain_client.get(f"{url}{'&' if '?' in url else '?'}{query}")
        assert response.status_code in (200, 400, 404), (url, query, response.status_code)


@pytest.mark.parametrize("path", [
    "/agenda/intervenants/%00/", "/agenda/ical/session/pas-un-uuid/", "/labels/laureats/%ff/",
    "/candidatures/99999999999999999999/etape/organisation/", "/documents/99999999999999999999/x.pdf",
    "/jury/tour/99999999999999999999/", "/compte/activer/%00/%00/", "/compte/mot-de-passe/nouveau/!!/x/",
])
def test_malformed_ids_in_urls_never_cause_a_500(plain_client, public_pages, path):
    # An invalid password-reset link gets its own page (200) that says so; the rest is a 404 or a redirect.
    assert plain_client.get(path).status_code in (200, 302, 400, 404)


def test_an_image_bomb_is_refused_by_the_wagtail_image_upload(plain_client, home):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's own editors' group
    plain_client.force_login(editor)
    data = {"title": "Bombe", "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("bombe.png", huge_png(), content_type="image/png")}
    response, elapsed = timed(lambda: plain_client.post(reverse("wagtailimages:add"), data))
    assert response.status_code == 200  # the form again, with its error
    assert elapsed < QUICK
    assert "trop grand nombre de pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
    # The multiple upload (drag and drop) says no as well.
    data["files[]"] = SimpleUploadedFile("bombe.png", huge_png(), content_type="image/png")
    response = plain_client.post(reverse("wagtailimages:add_multiple"), data)
    assert response.status_code == 200 and response.json()["success"] is False
    assert not get_image_model().objects.exists()
