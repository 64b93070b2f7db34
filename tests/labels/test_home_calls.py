"""The home page shows the label campaigns open for applications, and only those."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from labels.models import Label
from tests.labels.factories import LabelCampaignPageFactory, paris

pytestmark = pytest.mark.django_db


def calls_on_the_home_page(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    section = page.find("section", attrs={"aria-labelledby": "home-calls"})
    if section is None:
        return None
    assert section.find("h2").get_text(strip=True) == "Appels à candidatures ouverts"
    return [(card.find("a").get_text(strip=True), card.find("p").get_text(" ", strip=True))
            for card in section.find_all("li")]


def test_open_campaigns_are_on_the_home_page_with_their_deadline(client, clock, label_index, campaign):
    startups = LabelCampaignPageFactory(parent=label_index, title="Start-up interconnectée 2026",
                                        label=Label.STARTUP_INTERCONNECTEE, closes_at=paris(2026, 3, 1, 12, 0))
    LabelCampaignPageFactory(parent=label_index, title="Territoire innovant 2025", year=2025,
                             opens_at=paris(2025, 1, 15, 9, 0), closes_at=paris(2025, 3, 31, 23, 59, 59))
    LabelCampaignPageFactory(parent=label_index, title="Territoire innovant 2027", year=2027,
                             opens_at=paris(2027, 1, 15, 9, 0), closes_at=paris(2027, 3, 31, 23, 59, 59))
    assert calls_on_the_home_page(client) == [
        (startups.title, "Candidatures ouvertes jusqu'au 1er mars 2026 à 12 h 00"),
        (campaign.title, "Candidatures ouvertes jusqu'au 31 mars 2026 à 23 h 59"),
    ]


def test_no_section_once_the_calls_are_closed_nor_for_a_private_campaign(client, clock, label_index, campaign):
    PageViewRestriction.objects.create(page=campaign, restriction_type=PageViewRestriction.LOGIN)
    assert calls_on_the_home_page(client) is None
    PageViewRestriction.objects.all().delete()
    clock.set(2026, 4, 1, 0, 0)
    assert calls_on_the_home_page(client) is None
