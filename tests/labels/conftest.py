"""Fixtures of the labels' tests; the campaign, the clock and the accounts they share with the jury's tests are
in tests/conftest.py."""

import pytest

from tests.labels.factories import ApplicationFactory, UserFactory


@pytest.fixture
def other_applicant(db):
    return UserFactory()


@pytest.fixture
def draft(campaign, applicant):
    return ApplicationFactory(campaign=campaign, owner=applicant)


@pytest.fixture
def applicant_client(client, applicant):
    client.force_login(applicant)
    return client


@pytest.fixture
def site_settings(home):
    """The site-wide settings rows exist (the foundation creates them on first use)."""
    from wagtail.models import Site

    from interconnectes.models import NavigationSettings, SiteSettings

    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)
