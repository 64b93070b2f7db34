"""The programme page and its sub-pages run a fixed number of queries, within the site's budgets, whether 28
territories are engaged (the demo) or 300 (tests/queries.py)."""

import gzip

import pytest

from consultations.models import Commitment, CommitmentStatus, TerritoryLocation
from consultations.record_models import Consultation
from interconnectes import clock
from interconnectes.models import NavigationSettings, Organisation, OrganisationKind, SiteSettings
from interconnectes.regions import Region
from tests.consultations.charter_factories import charter, lessons, programme_page
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db
REGIONS = [Region.BRETAGNE, Region.OCCITANIE, Region.ILE_DE_FRANCE, Region.HAUTS_DE_FRANCE, ""]


def engage(version, start, end):
    """Territories start..end-1, each committed to `version` (verified) with a position; the last one withdrawn."""
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Territoire {n:03d}", kind=OrganisationKind.INTERCOMMUNALITE, region=REGIONS[n % 5])
        for n in range(start, end)])
    TerritoryLocation.objects.bulk_create([TerritoryLocation(organisation=org, latitude=45, longitude=2)
                                           for org in organisations])
    Commitment.objects.bulk_create([
        Commitment(organisation=org, charter_version=version, signatory_name="Signataire", signatory_role="Maire",
                   signed_on=version.adopted_on, signed_document="concertations/chartes-signees/x.pdf",
                   scope="Tout", status=CommitmentStatus.VERIFIED, submitted_at=clock.now(),
                   decided_at=clock.now()) for org in organisations])


@pytest.fixture
def programme(home):
    SiteSettings.for_site(home.get_site())  # created once by editors in real life
    NavigationSettings.for_site(home.get_site())
    page = programme_page(home)
    charter(1, status="replaced")
    lessons()
    return page, charter(2, articles=7)


@pytest.mark.parametrize("suffix", ["", "signataires/", "charte/", "charte/2/", "enseignements/"])
def test_each_page_runs_the_same_queries_for_28_or_300_territories(reader_client, programme, suffix):
    page, version = programme
    counts = []
    for start, end in ((0, 28), (28, 300)):
        engage(version, start, end)
        counts.append(page_queries(reader_client, page.url + suffix))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_the_programme_page_lists_300_territories_by_region_in_a_light_page(client, programme):
    page, version = programme
    engage(version, 0, 300)
    content = client.get(page.url).content.decode()
    assert "300" in content and "territoires engagés" in content
    assert content.count("<dt>") == 5  # four regions and the territories without one
    assert "Territoire 299" in content and "Article 7 de la v2" in content
    # The map of France and its list of the same places weigh 45 KB of this HTML, 6.7 KB compressed.
    assert len(content.encode()) < 100 * 1024
    assert len(gzip.compress(content.encode())) < 20 * 1024
    assert content.count("<circle ") == 300  # the map's territories
    register = client.get(page.url + "signataires/").content.decode()
    assert register.count('<th scope="row">') == 30 and "Page 1 sur 10" in register


def hold(count, participants=10):
    """`count` published consultations, spread over the engaged territories in turn, `participants` each."""
    organisations = list(Organisation.objects.filter(charter_commitments__status=CommitmentStatus.VERIFIED)
                         .order_by("pk"))
    start = Consultation.objects.count()
    Consultation.objects.bulk_create([
        Consultation(organisation=organisations[n % len(organisations)], slug=f"concertation-{n}",
                     title=f"Concertation {n}", objective="Débattre.", participants=participants,
                     first_published_at=clock.now(), last_published_at=clock.now())
        for n in range(start, start + count)])


@pytest.mark.parametrize("suffix", ["", "enseignements/"])
def test_each_page_runs_the_same_queries_for_5_or_1000_consultations(reader_client, programme, suffix):
    page, version = programme
    engage(version, 0, 300)
    counts = []
    for count in (5, 995):
        hold(count)
        counts.append(page_queries(reader_client, page.url + suffix))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def test_the_map_sizes_each_territory_by_its_consultations_and_the_figures_add_them_up(client, programme):
    page, version = programme
    engage(version, 0, 300)
    hold(1000, participants=12)
    content = client.get(page.url).content.decode()
    # 1,000 consultations over 300 territories: the first 100 hold 4, the others 3.
    assert "Territoire 000 (territoire engagé, 4 concertations)" in content
    assert "Territoire 299 (territoire engagé, 3 concertations)" in content
    assert "1\u202f000" in content and "12\u202f000" in content  # consultations, participants
    assert "chacun d’un disque qui grandit avec ses concertations (1000 concertations publiées en tout)" in content
    # One disc per territory, no point per consultation: the page's weight stays that of its territories.
    assert content.count("<circle ") == 300
    assert "plus le cercle est grand, plus elle a réuni de participants" not in content
    assert len(content.encode()) < 100 * 1024 and len(gzip.compress(content.encode())) < 20 * 1024


def test_the_maps_description_counts_no_consultation_before_the_first(client, programme):
    page, version = programme
    engage(version, 0, 3)
    content = client.get(page.url).content.decode()
    assert "Carte de France avec 3 territoires engagés, chacun d’un disque" in content
    assert "(0 concertation publiée en tout)" in content or "(0 concertations publiées en tout)" in content


def test_earlier_versions_stay_readable_and_drafts_are_not_public(client, programme):
    page, _version = programme
    earlier = client.get(page.url + "charte/1/").content.decode()
    assert "Article 1 de la v1" in earlier and "n’est plus en vigueur" in earlier
    charter(3, status="draft", adopted_on=None)
    assert client.get(page.url + "charte/3/").status_code == 404
    assert client.get(page.url + "charte/99/").status_code == 404
    assert "Version 3" not in client.get(page.url + "charte/").content.decode()


def test_the_synthesis_shows_every_lesson_even_before_any_finding(client, programme):
    page, _version = programme
    content = client.get(page.url + "enseignements/").content.decode()
    assert content.count("Aucun territoire ne l’a encore documenté.") == 8
