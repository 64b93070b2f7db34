"""The demo's concertations territoriales de l'IA: the programme page in the main menu, version 1 of the charter,
the eight lessons, the seed's territories engaged (Tours excepted: its référente commits it in the browser
journey), each with its seat."""

import pytest

from consultations.demo import TERRITORIES, TOURS, TOURS_REFERENT
from consultations.models import CharterVersion, Commitment, ConsultationProgrammePage, Lesson, TerritoryLocation
from interconnectes import clock

pytestmark = pytest.mark.django_db


def test_the_seeds_territories_are_engaged_in_version_1_before_the_load_day_tours_excepted():
    version = CharterVersion.objects.get(status="in_force")
    assert version.number == 1 and version.articles.count() == 7
    assert "illustratif" in version.preamble
    engaged = set(Commitment.objects.engaged().values_list("organisation__name", flat=True))
    assert engaged == set(TERRITORIES) - {TOURS}
    assert all(commitment.decided_at < clock.now() and commitment.signed_on >= version.adopted_on
               for commitment in Commitment.objects.all())
    assert TerritoryLocation.objects.filter(organisation__name__in=TERRITORIES).count() == len(TERRITORIES)
    assert list(Lesson.objects.values_list("number", flat=True)) == list(range(1, 9))


def test_the_programme_page_is_in_the_menu_and_tours_referente_may_commit(client):
    page = ConsultationProgrammePage.objects.get()
    assert f'href="{page.url}"' in client.get("/").content.decode()
    content = client.get(page.url).content.decode()
    assert 'figure-value">27</span> <span class="figure-label">territoires engagés' in content
    assert "Une vigilance collective" in content
    client.login(username=TOURS_REFERENT[1], password=TOURS_REFERENT[2])
    form = client.get("/concertations-ia/engagement/").content.decode()
    assert "Tours Métropole Val de Loire" in form and "Aucun engagement pour le moment." in form
