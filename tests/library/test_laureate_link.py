"""A record links to the label its project won: shown once the campaign's results are public, never what the public
may not see of the application, and without a query of its own."""

import pytest

from labels.models import ApplicationStatus
from library.tiers import Level, visible_record
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, LabelIndexPageFactory, paris
from tests.library.factories import ImplementationFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

PUBLISHED = paris(2026, 6, 1, 10, 0)


@pytest.fixture
def campaign(home):
    return LabelCampaignPageFactory(parent=LabelIndexPageFactory(parent=home), results_published_at=PUBLISHED)


def laureate(campaign, status=ApplicationStatus.LAUREATE, **fields):
    return ApplicationFactory(campaign=campaign, status=status, reference=None, published_level="Or",
                              contact_email="camille.martin@saint-exemple.example.org", **fields)


def test_a_laureate_shows_its_label_and_its_page_and_nothing_private(client, use_case, campaign):
    application = laureate(campaign)
    record = ImplementationFactory(use_case=use_case, laureate=application)
    text = client.get(use_case.implementation_url(record.slug)).content.decode()
    url = campaign.url + campaign.reverse_subpage("laureate", args=[application.pk])
    assert "Distingué par un label" in text and f'href="{url}"' in text and "Or" in text
    assert "camille.martin@" not in text and "Camille Martin" not in text
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("status", [ApplicationStatus.NOT_SELECTED, ApplicationStatus.SUBMITTED])
def test_an_application_that_won_nothing_shows_no_label(client, use_case, campaign, status):
    record = ImplementationFactory(use_case=use_case, laureate=laureate(campaign, status=status))
    assert visible_record(record, Level.PUBLIC).laureate is None
    assert "Distingué par un label" not in client.get(use_case.implementation_url(record.slug)).content.decode()


def test_no_label_before_the_results_are_out(client, use_case, home):
    unpublished = LabelCampaignPageFactory(parent=LabelIndexPageFactory(parent=home))
    record = ImplementationFactory(use_case=use_case, laureate=laureate(unpublished))
    assert visible_record(record, Level.PUBLIC).laureate is None
    assert "Distingué par un label" not in client.get(use_case.implementation_url(record.slug)).content.decode()


def test_the_link_costs_no_query_of_its_own(client, use_case, campaign):
    plain = ImplementationFactory(use_case=use_case)
    linked = ImplementationFactory(use_case=use_case, laureate=laureate(campaign))
    client.get(use_case.implementation_url(plain.slug))  # the site's settings rows, made by a first visit
    without = page_queries(client, use_case.implementation_url(plain.slug))
    with_link = page_queries(client, use_case.implementation_url(linked.slug))
    assert with_link == without

