import datetime
import shutil

import pytest

from labels import phases
from tests.labels.factories import (
    ApplicationFactory,
    LabelCampaignPageFactory,
    LabelIndexPageFactory,
    UserFactory,
    paris,
)


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def set(self, *args):
        self.now = paris(*args) if args and not isinstance(args[0], datetime.datetime) else args[0]


@pytest.fixture
def clock(monkeypatch):
    """The app's one clock, frozen in the middle of the default campaign (1 March 2026, 10:00 Paris)."""
    frozen = Clock(paris(2026, 3, 1, 10, 0))
    monkeypatch.setattr(phases, "clock", frozen)
    return frozen


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    yield
    shutil.rmtree(tmp_path / "private", ignore_errors=True)


@pytest.fixture
def label_index(home):
    return LabelIndexPageFactory(parent=home)


@pytest.fixture
def campaign(label_index):
    return LabelCampaignPageFactory(parent=label_index)


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def other_applicant(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True, email="equipe@example.org")


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

