import pytest

from events.models import EventPage, ForumPage, JourneeExpertPage, TourPage
from manifestes.models import ManifestoPage

# The demo writes images and PDF documents through file objects the foundation code does not close.
pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning")]


def test_demo_builds_the_tours_stops_forums_and_programmes(client):
    tours = {tour.slug: tour for tour in TourPage.objects.all()}
    historical = {"journees-experts-2023-2024", "journees-experts-2024-2025"}
    [current] = set(tours) - historical  # the season dated from the day the demo is loaded
    assert historical < set(tours)

    def cities(slug):
        return [stop.city for stop in tours[slug].stops()]

    assert cities("journees-experts-2023-2024") == ["Strasbourg", "Paris", "Pau", "Le Mans", "Montpellier",
                                                    "Chambéry", "Paris"]
    assert cities("journees-experts-2024-2025") == ["La Rochelle", "Orléans", "Paris", "Tours", "Arras"]
    assert cities(current) == ["Nancy", "Lille", "Lyon", "Bordeaux", "Rouen", "Dijon", "Angers"]
    tours_stop = JourneeExpertPage.objects.get(slug="tours-2025")
    assert tours_stop.sessions.count() == 13
    workshops = tours_stop.sessions.filter(kind="atelier")
    assert sorted(w.room.name for w in workshops) == ["Salle Blanche", "Salle Nef", "Salle Noire"]
    assert JourneeExpertPage.objects.get(slug="montpellier-2023").sessions.count() == 11
    assert ForumPage.objects.get(slug="forum-2024").key_figures.first().value == "1 130"
    assert ForumPage.objects.get(slug="forum-2023").key_figures.count() == 7
    release = ManifestoPage.objects.get(slug="intelligence-artificielle-les-territoires-s-engagent")
    assert release.adoption_event.specific.slug == "paris-juillet-2023"
    # Every page renders, and no personal address leaked from the seeds.
    for event in EventPage.objects.all():
        response = client.get(event.url)
        assert response.status_code == 200, event.url
        assert b"@interconnectes.com" not in response.content
    for url in ["/", "/agenda/", "/agenda/?year=2025", "/agenda/ical/",
                *[tour.url for tour in tours.values()]]:
        assert client.get(url).status_code == 200, url
