import datetime

import pytest

from events.timeline import PARIS
from interconnectes import clock
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory


@pytest.fixture
def agenda(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def tour(agenda):
    return TourPageFactory(parent=agenda, title="Journées experts 2024-2025")


@pytest.fixture
def stop(tour):
    return JourneeExpertPageFactory(parent=tour, title="L'IA au service des territoires")


@pytest.fixture
def set_now(monkeypatch):
    """Put the site's clock at a Paris wall-clock time: set_now(2025, 6, 24, 10, 0)."""

    def setter(*args):
        moment = datetime.datetime(*args, tzinfo=PARIS).astimezone(datetime.UTC)
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return setter
