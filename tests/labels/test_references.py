"""References: one series per label and year (`TI-2026-0001`, …), whatever the number of campaigns of that edition.

The parallel submissions across two campaigns are in tests/labels/test_concurrency.py (PostgreSQL).
"""

import datetime

import pytest

from interconnectes.models import OrganisationKind
from labels import services
from labels.models import Label
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory

pytestmark = pytest.mark.django_db


def submit(application, now):
    return services.submit(application.pk, application.owner, now, lambda a: "").application.reference


def test_two_campaigns_of_one_label_and_year_share_one_series(campaign, label_index, clock):
    second = LabelCampaignPageFactory(parent=label_index, label=campaign.label, year=campaign.year)
    first_a, second_a, first_b = (ApplicationFactory(campaign=c) for c in (campaign, second, campaign))
    assert [submit(a, clock()) for a in (first_a, second_a, first_b)] == ["TI-2026-0001", "TI-2026-0002",
                                                                          "TI-2026-0003"]


def test_each_label_and_year_has_its_own_series(campaign, label_index, clock):
    startups = LabelCampaignPageFactory(parent=label_index, label=Label.STARTUP_INTERCONNECTEE, year=2026)
    next_year = LabelCampaignPageFactory(parent=label_index, label=campaign.label, year=2027)
    submit(ApplicationFactory(campaign=campaign), clock())
    startup = ApplicationFactory(campaign=startups, org_kind=OrganisationKind.STARTUP, population=None,
                                 org_created_on=datetime.date(2024, 5, 2))
    assert submit(startup, clock()) == "SI-2026-0001"
    assert submit(ApplicationFactory(campaign=next_year), clock()) == "TI-2027-0001"
