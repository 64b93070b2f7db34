"""Every absolute link the site gives out is on its one public address, the Wagtail Site's, whatever host the
request named: pages' JSON-LD, sitemap, robots.txt, feeds, calendar files and e-mails alike."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Site

from interconnectes import canonical, demo
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db
PUBLIC = "https://www.interconnectes.example"
OTHER_HOST = "autre-nom.example"


@pytest.fixture
def public_address(home):
    Site.objects.filter(is_default_site=True).update(hostname="www.interconnectes.example", port=443)
    return PUBLIC


def links(text: str) -> set[str]:
    return set(re.findall(r"https?://[^/\s\"'<>]+", text))


def test_site_address_reads_the_scheme_as_wagtail_does():
    assert canonical.site_address("http://127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert canonical.site_address("https://www.interconnectes.fr") == ("www.interconnectes.fr", 443)
    assert canonical.site_address("http://localhost") == ("localhost", 80)


def test_outside_a_request_the_default_site_is_the_address(public_address):
    assert canonical.root_url() == PUBLIC
    assert canonical.absolute("/agenda/") == PUBLIC + "/agenda/"
    assert canonical.absolute("https://ailleurs.example/x") == "https://ailleurs.example/x"


def test_without_any_site_the_setting_is_the_address(db, settings):
    Site.objects.all().delete()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000/"
    assert canonical.root_url() == "http://127.0.0.1:8000"


def test_pages_feeds_calendars_and_sitemap_link_to_the_public_address(client, public_address):
    agenda = EventIndexPageFactory(parent=Site.objects.get().root_page)
    stop = JourneeExpertPageFactory(parent=TourPageFactory(parent=agenda))
    answers = [
        client.get(stop.url, HTTP_HOST=OTHER_HOST),  # JSON-LD, canonical, Open Graph
        client.get(stop.url + stop.reverse_subpage("ical"), HTTP_HOST=OTHER_HOST),
        client.get(agenda.url + "atom/", HTTP_HOST=OTHER_HOST),
        client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST),
        client.get("/robots.txt", HTTP_HOST=OTHER_HOST),
    ]
    for response in answers:
        assert response.status_code == 200, response.request
        text = b"".join(response.streaming_content).decode() if response.streaming else response.text
        assert PUBLIC in text and OTHER_HOST not in text, response.request["PATH_INFO"]
    assert f'<link rel="canonical" href="{PUBLIC}{stop.url}">' in answers[0].text


def test_the_sitemap_index_names_the_public_address(client, public_address, settings):
    settings.SITEMAP = {"SECTIONS_FROM": 0}
    EventIndexPageFactory(parent=Site.objects.get().root_page, slug="agenda")
    index = client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST).text
    assert "<sitemapindex" in index
    assert links(index) == {PUBLIC, "http://www.sitemaps.org"}
    assert f"<loc>{PUBLIC}/sitemap-agenda.xml</loc>" in index


def test_e_mails_link_to_the_public_address(client, public_address):
    client.post(reverse("accounts:signup"), {
        "first_name": "Camille", "last_name": "Durand", "email": "camille.durand@example.org",
        "password1": "cantines et données 2026", "password2": "cantines et données 2026"}, HTTP_HOST=OTHER_HOST)
    UserFactory(email="dominique.martin@example.org", username="dominique.martin@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "dominique.martin@example.org"}, HTTP_HOST=OTHER_HOST)
    assert [message.to for message in mail.outbox] == [["camille.durand@example.org"],
                                                       ["dominique.martin@example.org"]]
    for message in mail.outbox:
        assert PUBLIC + "/compte/" in message.body and OTHER_HOST not in message.body


def test_the_demo_site_is_served_where_make_run_serves_it(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    context: dict = {}
    demo.build_home(context)
    assert context["site"].root_url == "http://127.0.0.1:8000"
    assert canonical.root_url() == "http://127.0.0.1:8000"
