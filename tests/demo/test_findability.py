"""Every page type of the demo, as search engines and link previews read it: its head and its JSON-LD.

Each JSON-LD object is checked against the properties Google documents for
its type (developers.google.com/search/docs/appearance/structured-data):
the required ones must be there, and so must the recommended ones unless
the table below says why the site cannot give them.
"""

import json
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from events.models import EventIndexPage
from interconnectes import seo
from interconnectes.models import SiteSettings
from labels.models import LabelIndexPage
from library.models import UseCasePage

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::ResourceWarning")]

# type: (required, recommended, recommended the site may lack and why)
GOOGLE_PROPERTIES = {
    "Event": (
        {"name", "startDate", "location"},
        {"description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers", "organizer",
         "performer", "previousStartDate"},
        {"offers": "the site records no ticketing (registration is a link, prices are not kept)",
         "performer": "only events whose programme is online name their speakers",
         "previousStartDate": "only for a postponed event"},
    ),
    "Article": (set(), {"author", "dateModified", "datePublished", "headline", "image"}, {}),
    "BreadcrumbList": ({"itemListElement"}, set(), {}),
    "ListItem": ({"position", "name", "item"}, set(), {}),
    "Organization": (set(), {"name", "url", "logo", "sameAs", "description"}, {}),
    # No rich result for a person: schema.org's name, plus what a speaker page shows.
    "Person": ({"name"}, {"url", "jobTitle", "affiliation", "image"},
               {"jobTitle": "not every speaker's role is known", "affiliation": "idem, their organisation",
                "image": "speakers have no photo unless an editor adds one"}),
    "Place": ({"name", "address"}, set(), {}),
    "PostalAddress": ({"addressLocality", "addressCountry"}, set(), {}),
    "VirtualLocation": ({"url"}, set(), {}),
}


def problems(data, where, nested=False) -> list[str]:
    """What the object lacks of the table's required and recommended properties, and what the objects it nests
    lack of their required ones (an event's organiser is not held to an organisation's page's standard)."""
    found = []
    kind = data.get("@type")
    if kind in GOOGLE_PROPERTIES:
        required, recommended, may_lack = GOOGLE_PROPERTIES[kind]
        found += [f"{where}: {kind} lacks required {name}" for name in sorted(required - data.keys())]
        if not nested:
            found += [f"{where}: {kind} lacks recommended {name}"
                      for name in sorted(recommended - data.keys() - may_lack.keys())]
        if kind == "Event":
            if "T" in data["startDate"]:  # a time of day needs its offset
                found += [f"{where}: startDate without an offset"] if not re.search(r"[+-]\d\d:\d\d$", data[
                    "startDate"]) else []
            if "image" in data and not all(url.startswith("http") for url in data["image"]):
                found.append(f"{where}: relative image")
    for value in data.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                found += problems(item, where, nested=True)
    return found


def jsonld_objects(html):
    return [json.loads(script.string) for script in
            BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")]


@pytest.fixture
def social_links():
    """The association's profiles, which editors set in the site settings (the demo leaves them empty)."""
    settings = SiteSettings.for_site(Page.objects.get(depth=2).get_site())
    settings.mastodon_url = "https://mastodon.example/@interconnectes"
    settings.linkedin_url = "https://www.linkedin.example/company/interconnectes"
    settings.save()


@pytest.fixture
def demo_urls(client):
    """One address per kind of page: every live page, the agenda's speaker index and pages, a laureate's page,
    a use case's comparison and one of its implementations, the site map."""
    pages = [page.url for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path")]
    agenda = EventIndexPage.objects.live().get()
    speakers = [agenda.url + "intervenants/" + person.slug + "/" for person in agenda.speakers()]
    archive = LabelIndexPage.objects.live().get().url + "laureats/"
    laureates = re.findall(r'href="([^"]+/laureats/\d+/)"', client.get(archive).text)
    assert laureates
    canteens = UseCasePage.objects.live().get(slug="cantines")
    library = [canteens.url + "comparaison/", canteens.url + "nantes-metropole/"]  # the library's routes
    extra = ["/plan-du-site/", agenda.url + "intervenants/", "/compte/donnees-personnelles/", archive, laureates[0]]
    return pages + speakers + library + extra


def test_every_page_type_has_valid_structured_data(client, demo_urls, social_links):
    found, kinds = [], Counter()
    for url in demo_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for data in jsonld_objects(response.content):
            kinds[data["@type"]] += 1
            found += problems(data, url)
    assert not found, "\n".join(found)
    assert {"Organization", "BreadcrumbList", "Article", "Person", "Event"} <= kinds.keys(), kinds
    assert kinds["Organization"] == 1  # the home page only


def test_every_page_has_a_description_a_canonical_address_and_a_preview(client, demo_urls):
    titles: dict[str, str] = {}
    for url in demo_urls:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert 0 < len(description) <= seo.DESCRIPTION_LENGTH, url
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical.startswith("http") and "page=1" not in canonical, url
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith("http"), url
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        title = soup.title.string
        assert title not in titles, f"{url} has the title of {titles.get(title)}"
        titles[title] = url
