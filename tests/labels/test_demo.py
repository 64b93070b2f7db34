"""The demo content of the labels: built twice without duplicates, every page renders."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from labels.demo import APPLICANT, TERRITORIES, demo_siren
from labels.models import Application, ApplicationStatus, LabelCampaignPage, LabelIndexPage
from labels.phases import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def test_demo_builds_campaigns_applications_and_account(demo, client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # idempotent
    index = LabelIndexPage.objects.get()
    campaigns = LabelCampaignPage.objects.child_of(index)
    assert campaigns.count() == 3
    phases = sorted(campaign.phase().value for campaign in campaigns)
    assert phases == sorted([Phase.OPEN.value, Phase.OPEN.value, Phase.RESULTS.value])
    closed = next(c for c in campaigns if c.phase() == Phase.RESULTS)
    applications = Application.objects.filter(campaign=closed)
    assert applications.count() == 40
    assert 21 <= applications.filter(status=ApplicationStatus.LAUREATE).count() <= 25
    assert applications.filter(reference__isnull=True).count() == 0
    assert not Application.objects.exclude(contact_email="").exclude(contact_email__endswith="@example.org").exists()
    for page in [index, *campaigns]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    assert "Métropole Européenne de Lille" in client.get(closed.url).content.decode()
    user = get_user_model().objects.get(username=APPLICANT[1])
    assert user.check_password(APPLICANT[2])
    assert client.login(username=APPLICANT[1], password=APPLICANT[2])
    assert Application.objects.filter(owner=user).count() == 1


def test_demo_data_is_valid():
    from interconnectes.validators import validate_siren

    for index in range(1, 41):
        validate_siren(demo_siren(index))
    assert len(TERRITORIES) >= 29
