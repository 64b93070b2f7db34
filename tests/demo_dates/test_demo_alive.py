"""The demo looks alive whatever day it is loaded: things to come in the agenda, a call open for each label, a
jury at work, results published; the seeds' history keeps its real dates.

Each date loads the whole demo (its own transaction, rolled back), so this package stays apart from tests/demo,
which shares one demo loaded today.
"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from events.models import EventPage, ForumPage, JourneeExpertPage
from events.timeline import PARIS
from interconnectes import clock
from jury.models import JuryMember, JuryRound
from jury.phases import RoundPhase
from jury.progress import round_progress
from labels.models import Application, ApplicationStatus, Label, LabelCampaignPage
from labels.phases import Phase
from manifestes.models import ManifestoPage

# The demo writes images and PDF documents through file objects the foundation code does not close.
pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning")]

# The seeds' dated facts: printed programmes, the 2023-2024 tour, the Forums, the manifestos.
HISTORY = {
    "tours-2025": datetime.date(2025, 6, 24),
    "montpellier-2023": datetime.date(2023, 12, 7),
    "strasbourg-2023": datetime.date(2023, 6, 14),
    "chambery-2024": datetime.date(2024, 1, 30),
    "arras-2025": datetime.date(2025, 9, 9),
    "forum-2024": datetime.date(2024, 4, 3),
    "forum-2025": datetime.date(2025, 3, 10),
}


@pytest.fixture(params=[(2026, 12, 3), (2028, 3, 15), (2028, 9, 1)], ids=["2026-12-03", "2028-03-15", "2028-09-01"])
def loaded_on(request, monkeypatch):
    """The demo loaded at 10:00 in Paris on that day, the site's clock staying there."""
    moment = datetime.datetime(*request.param, 10, 0, tzinfo=PARIS)
    monkeypatch.setattr(clock, "now", lambda: moment)
    call_command("load_demo_content", stdout=io.StringIO())
    return moment


def test_the_demo_is_alive_on_the_day_it_is_loaded(loaded_on, client):
    today = loaded_on.date()
    events = EventPage.objects.live().specific()
    upcoming = sorted((event for event in events if event.start_date and event.start_date > today),
                      key=lambda event: event.start_date)
    stops = [event for event in upcoming if isinstance(event, JourneeExpertPage)]
    assert len(stops) >= 3 and stops[0].start_date <= today + datetime.timedelta(days=21)
    assert any(today - datetime.timedelta(days=60) < event.start_date < today
               for event in events if isinstance(event, JourneeExpertPage) and event.start_date)
    [forum] = [event for event in upcoming if isinstance(event, ForumPage)]
    assert forum.start_date.month in (3, 4, 5, 6) and forum.start_date - today < datetime.timedelta(days=400)

    # The agenda and the home page show what comes next; the next stop offers its calendar file.
    agenda = BeautifulSoup(client.get("/agenda/").content, "html.parser").get_text(" ")
    assert stops[0].title in agenda
    home = BeautifulSoup(client.get("/").content, "html.parser")
    events_section = home.find("section", attrs={"aria-labelledby": "home-events"})
    assert stops[0].title in events_section.get_text(" ")
    assert f'{stops[0].url}ical/' in client.get(stops[0].url).content.decode()

    # A call open for each label, closing in about two months, both on the home page.
    open_calls = [campaign for campaign in LabelCampaignPage.objects.live() if campaign.phase() == Phase.OPEN]
    assert sorted(campaign.label for campaign in open_calls) == sorted(Label.values)
    for campaign in open_calls:
        assert campaign.year == today.year
        assert datetime.timedelta(days=45) < campaign.closes_at - loaded_on < datetime.timedelta(days=75)
        assert campaign.title in home.find("section", attrs={"aria-labelledby": "home-calls"}).get_text(" ")

    # Last year's edition with its jury (a round decided, another open to score), the one before published.
    with_jury = {campaign.label: campaign for campaign in LabelCampaignPage.objects.live()
                 if campaign.phase() == Phase.JURY}
    assert {campaign.year for campaign in with_jury.values()} == {today.year - 1}
    deliberating = with_jury[Label.TERRITOIRE_INNOVANT]
    final = JuryRound.objects.get(campaign=deliberating, number=2)
    assert final.phase(loaded_on) == RoundPhase.DELIBERATION
    scoring = JuryRound.objects.get(campaign=with_jury[Label.STARTUP_INTERCONNECTEE])
    assert scoring.phase(loaded_on) == RoundPhase.OPEN
    president = JuryMember.objects.get(campaign=scoring.campaign, user__username="jure1@example.org")
    assert set(round_progress(scoring).missing) == {president.pk}
    [published] = [campaign for campaign in LabelCampaignPage.objects.live() if campaign.phase() == Phase.RESULTS]
    assert published.year == today.year - 2
    assert 21 <= Application.objects.filter(campaign=published, status=ApplicationStatus.LAUREATE).count() <= 25

    # History keeps its dates, whatever the day.
    for slug, day in HISTORY.items():
        assert EventPage.objects.get(slug=slug).start_date == day, slug
    release = ManifestoPage.objects.get(slug="intelligence-artificielle-les-territoires-s-engagent")
    assert release.adoption_event.specific.start_date == datetime.date(2023, 7, 6)
