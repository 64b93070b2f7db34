"""The demo content of the labels: campaigns in each phase, applications, every page renders. (The jury's
demo: test_jury.py.)"""

import pytest
from django.contrib.auth import get_user_model

from labels.demo import APPLICANT, TERRITORIES, demo_siren
from labels.models import Application, ApplicationStatus, Label, LabelCampaignPage, LabelIndexPage
from labels.phases import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(db):
    index = LabelIndexPage.objects.get()
    by_phase = {}
    for campaign in LabelCampaignPage.objects.child_of(index).order_by("label"):
        by_phase.setdefault(campaign.phase(), []).append(campaign)
    return by_phase


def territoire_innovant(campaigns):
    """Last year's "Territoire innovant" edition (with the jury, like last year's start-up contest) and the
    published one before it."""
    [deliberating] = [campaign for campaign in campaigns[Phase.JURY] if campaign.label == Label.TERRITOIRE_INNOVANT]
    [published] = campaigns[Phase.RESULTS]
    return deliberating, published


def test_demo_builds_campaigns_applications_and_accounts(campaigns, client):
    """Campaigns in each phase, their applications, and the applicant's account, which logs in."""
    assert sorted(campaigns) == sorted([Phase.OPEN, Phase.JURY, Phase.RESULTS])
    assert sorted(campaign.label for campaign in campaigns[Phase.OPEN]) == sorted(Label.values)
    assert sorted(campaign.label for campaign in campaigns[Phase.JURY]) == sorted(Label.values)
    deliberating, published = territoire_innovant(campaigns)
    assert deliberating.results_published_at is None and published.year == deliberating.year - 1
    assert published.results_published_at is not None
    applications = Application.objects.filter(campaign=deliberating)
    assert applications.count() == 40
    assert applications.filter(status=ApplicationStatus.SUBMITTED).count() == 39
    assert applications.filter(status=ApplicationStatus.INELIGIBLE).count() == 1
    assert not Application.objects.filter(reference__isnull=True).exclude(status=ApplicationStatus.DRAFT).exists()
    assert not Application.objects.exclude(contact_email="").exclude(contact_email__endswith="@example.org").exists()
    for page in [LabelIndexPage.objects.get(), *LabelCampaignPage.objects.all()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    user = get_user_model().objects.get(username=APPLICANT[1])
    assert user.check_password(APPLICANT[2])
    assert client.login(username=APPLICANT[1], password=APPLICANT[2])
    assert Application.objects.filter(owner=user).count() == 1
    startups = Application.objects.filter(campaign__label=Label.STARTUP_INTERCONNECTEE).exclude(
        status=ApplicationStatus.DRAFT)
    assert startups.count() == 9 and not startups.exclude(org_kind="startup").exists()


def test_the_published_edition_shows_its_laureates_and_last_year_none(campaigns, client):
    deliberating, published = territoire_innovant(campaigns)
    results = Application.objects.filter(campaign=published)
    laureates = results.filter(status=ApplicationStatus.LAUREATE)
    assert 21 <= laureates.count() <= 25
    assert results.filter(status=ApplicationStatus.MENTION).count() == 2
    assert results.filter(status=ApplicationStatus.NOT_SELECTED).exists()
    page = client.get(published.url).content.decode()
    for laureate in laureates:
        assert laureate.org_name.replace("'", "&#x27;") in page, laureate.org_name
    page = client.get(deliberating.url).content.decode()
    assert "laureates-title" not in page
    assert not Application.objects.filter(campaign=deliberating, status__in=[
        ApplicationStatus.LAUREATE, ApplicationStatus.MENTION, ApplicationStatus.NOT_SELECTED]).exists()


def test_demo_data_is_valid():
    from interconnectes.validators import validate_siren

    for index in range(1, len(TERRITORIES) + 1):
        validate_siren(demo_siren(index))
    assert len(TERRITORIES) >= 29
