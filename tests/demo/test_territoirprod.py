"""The demo's Territoir'Prod: the 2024 edition's four themes and twelve past sequences with their Journées
experts, the current season's edition with a sequence tomorrow, and the demo agent enrolled in "IA" who sees its
visio link and downloads an attestation."""

import datetime

import pytest
from django.urls import reverse

from events.timeline import local_today
from interconnectes import clock
from interconnectes.models import NavigationItem
from territoirprod.demo import AGENT
from territoirprod.models import Attendance, EditionPage, Enrolment, Sequence, ThemePage, TrainingProgrammePage

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning")]


def test_the_2024_edition_has_four_themes_twelve_past_sequences_and_their_journees(client):
    programme = TrainingProgrammePage.objects.get()
    assert programme.url == "/territoir-prod/"
    assert NavigationItem.objects.filter(page=programme).exists()
    edition = EditionPage.objects.get(slug="2024")
    themes = list(ThemePage.objects.child_of(edition).order_by("path"))
    assert [theme.title for theme in themes] == ["Inclusion numérique", "Numérique responsable", "Data", "IA"]
    assert all(theme.referent_territory is not None for theme in themes)
    sequences = Sequence.objects.filter(theme__in=themes)
    assert sequences.count() == 12 and all(s.ends_at < clock.now() for s in sequences)
    assert {theme.journee_expert.slug for theme in themes} == {"orleans-2024", "la-rochelle-2024",
                                                              "paris-janvier-2025", "tours-2025"}
    page = client.get(edition.url).content.decode()
    assert "Inclusion numérique à Orléans" in page and "L&#x27;IA au service des territoires" in page
    for theme in themes:
        assert client.get(theme.url).status_code == 200


def test_the_current_edition_has_a_sequence_tomorrow_whose_link_the_enrolled_agent_sees(client):
    tomorrow = local_today(clock.now()) + datetime.timedelta(days=1)
    upcoming = Sequence.objects.filter(starts_at__gt=clock.now()).select_related("theme")
    assert any(local_today(sequence.starts_at) == tomorrow for sequence in upcoming)
    agent = Enrolment.objects.select_related("user", "theme").get(user__username=AGENT[1], theme__isnull=False)
    assert agent.theme.title == "IA"
    client.force_login(agent.user)
    page = client.get(agent.theme.url).content.decode()
    assert "Rejoindre la visioconférence de la séquence 1" in page
    assert Attendance.objects.filter(user=agent.user).count() == 4
    past = EditionPage.objects.get(slug="2024")
    response = client.get(reverse("territoirprod:attestation", args=[past.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
