"""The label pages: index, campaign page, dashboard; rendering and query counts."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from labels.models import ApplicationStatus, CampaignCategory, EvaluationCriterion, ResultsPublication
from tests.factories import DocumentFactory
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, paris
from tests.queries import MAX_COLD_QUERIES, MAX_WARM_QUERIES, page_queries, within_budget

pytestmark = pytest.mark.django_db

# Queries of a page, cold (empty cache) and warm, whatever the amount of data, for each reader (tests/queries.py).
# Cold, the campaign page reads its categories, its criteria, its rules PDF and, once the results are out, its
# laureates; the index reads its campaigns. Warm, only the site of the request is left: the route is remembered
# (interconnectes/routing.py) and the body is a cached fragment.


def test_campaign_page_shows_phase_deadline_and_countdown(client, campaign, clock, site_settings,
                                                          django_assert_max_num_queries):
    cache.clear()
    with django_assert_max_num_queries(MAX_COLD_QUERIES):
        response = client.get(campaign.url)
    # Warm: the header, the footer and the page's body are cached fragments.
    with django_assert_max_num_queries(MAX_WARM_QUERIES):
        client.get(campaign.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("<h1") == 1
    assert "Candidatures ouvertes" in content
    assert "31 mars 2026 à 23:59" in content
    assert 'data-seconds-left="' in content
    assert "Transition écologique" in content
    assert "poids 2, noté sur 10" in content


def test_campaign_page_lists_laureates_once_published(client, label_index, clock):
    campaign = LabelCampaignPageFactory(parent=label_index, year=2025, opens_at=paris(2025, 1, 1),
                                        closes_at=paris(2025, 3, 1), results_published_at=paris(2025, 6, 1))
    ApplicationFactory(campaign=campaign, status=ApplicationStatus.LAUREATE, org_name="Ville de Lille")
    ApplicationFactory(campaign=campaign, status=ApplicationStatus.NOT_SELECTED, org_name="Ville cachée")
    content = client.get(campaign.url).content.decode()
    assert "Résultats publiés" in content
    assert "Ville de Lille" in content
    assert "Ville cachée" not in content


def seconds_left(client, campaign):
    return int(re.search(r'data-seconds-left="(\d+)"', client.get(campaign.url).text).group(1))


def test_campaign_page_time_left_is_at_most_a_minute_old(client, campaign, clock, settings):
    """While applications are open the page is a fragment renewed each minute (as the page cache keeps a page)."""
    settings.PAGE_CACHE = {"SECONDS": 0}
    first = seconds_left(client, campaign)
    clock.set(2026, 3, 1, 10, 0, 40)
    assert seconds_left(client, campaign) == first  # the same minute: the fragment
    clock.set(2026, 3, 1, 10, 1, 5)
    assert seconds_left(client, campaign) == first - 65


def test_campaign_page_shows_the_results_at_the_first_view_after_their_publication(client, label_index, clock):
    """The page keeps the publication date in the cache for its phase: the publication renews it."""
    campaign = LabelCampaignPageFactory(parent=label_index, year=2025, opens_at=paris(2025, 1, 1),
                                        closes_at=paris(2025, 3, 1))
    ApplicationFactory(campaign=campaign, status=ApplicationStatus.LAUREATE, org_name="Ville de Lille")
    before = client.get(campaign.url).content.decode()
    assert "Résultats publiés" not in before and "Ville de Lille" not in before
    ResultsPublication.objects.create(campaign=campaign, published_at=paris(2025, 6, 1))
    after = client.get(campaign.url).content.decode()
    assert "Résultats publiés" in after and "Ville de Lille" in after


def _large_campaign(label_index, **kwargs):
    campaign = LabelCampaignPageFactory(parent=label_index, with_categories=False, rules_pdf=DocumentFactory(),
                                        rules="<p>Le règlement.</p>", **kwargs)
    for n in range(25):
        CampaignCategory.objects.create(page=campaign, name=f"Catégorie {n}", description="Décrite")
        EvaluationCriterion.objects.create(page=campaign, name=f"Critère {n}", weight=n + 1, max_score=20)
    for _ in range(30):
        ApplicationFactory(campaign=campaign, status=ApplicationStatus.LAUREATE)
    return campaign


@pytest.mark.parametrize("results", [False, True], ids=["open", "results"])
def test_campaign_page_query_count_is_small_and_constant(reader_client, label_index, clock, site_settings, results):
    dates = {"results_published_at": paris(2026, 5, 1)}
    small = LabelCampaignPageFactory(parent=label_index, rules_pdf=DocumentFactory(), **dates)
    ApplicationFactory(campaign=small, status=ApplicationStatus.LAUREATE)
    large = _large_campaign(label_index, **dates)
    if results:
        clock.set(2026, 6, 1)
    counts = {page_queries(reader_client, small.url), page_queries(reader_client, large.url)}
    assert len(counts) == 1 and within_budget(counts.pop())
    content = reader_client.get(large.url).content.decode()
    assert "Catégorie 24" in content and "Critère 24" in content and "Télécharger le règlement" in content
    assert ("Les lauréats" in content) is results


def test_campaign_page_lists_categories_and_criteria_in_order(client, label_index, clock):
    campaign = LabelCampaignPageFactory(parent=label_index, with_categories=False)
    for sort_order, name in [(2, "Catégorie C"), (0, "Catégorie A"), (1, "Catégorie B")]:
        CampaignCategory.objects.create(page=campaign, name=name, sort_order=sort_order)
    EvaluationCriterion.objects.create(page=campaign, name="Critère Z", sort_order=1, weight="1.5", max_score=20)
    EvaluationCriterion.objects.create(page=campaign, name="Critère Y", sort_order=0, weight=3, max_score=5)
    categories, criteria = campaign.categories_and_criteria()
    assert [category.name for category in categories] == ["Catégorie A", "Catégorie B", "Catégorie C"]
    assert [(c.name, c.weight, c.max_score) for c in criteria] == [("Critère Y", 3, 5), ("Critère Z", 1.5, 20)]
    assert all(isinstance(c, EvaluationCriterion) and c.page_id == campaign.pk for c in criteria)
    content = client.get(campaign.url).content.decode()
    assert content.index("Catégorie A") < content.index("Catégorie C") < content.index("Critère Y")
    assert "poids 3, noté sur 5" in content
    assert "poids 1,50, noté sur 20" in content or "poids 1.50, noté sur 20" in content


def test_preview_shows_the_categories_and_criteria_being_edited(campaign):
    campaign.categories = [CampaignCategory(name="Catégorie en cours d'écriture")]
    campaign.criteria = []
    categories, criteria = campaign.categories_and_criteria()
    assert [category.name for category in categories] == ["Catégorie en cours d'écriture"]
    assert criteria == []


@pytest.mark.parametrize("count", [1, 25])
def test_index_query_count_is_small_and_constant(reader_client, label_index, clock, site_settings, count):
    for n in range(count):
        year = 2026 - n % 2 * 2
        LabelCampaignPageFactory(parent=label_index, year=year, opens_at=paris(year, 1, 1),
                                 closes_at=paris(year, 3, 31))
    assert within_budget(page_queries(reader_client, label_index.url))


def test_index_query_count_is_the_same_with_one_or_many_campaigns(client, label_index, clock, site_settings):
    LabelCampaignPageFactory(parent=label_index)
    one = page_queries(client, label_index.url)
    for n in range(25):
        LabelCampaignPageFactory(parent=label_index, year=2010 + n, opens_at=paris(2010 + n, 1, 1),
                                 closes_at=paris(2010 + n, 3, 31))
    assert page_queries(client, label_index.url) == one and within_budget(one)


def test_index_lists_current_and_archive(client, label_index, campaign, clock):
    old = LabelCampaignPageFactory(parent=label_index, title="Territoire innovant 2024", year=2024,
                                   opens_at=paris(2024, 1, 1), closes_at=paris(2024, 3, 1))
    content = client.get(label_index.url).content.decode()
    current, archive = content.split("Éditions précédentes")
    assert campaign.title in current
    assert old.title in archive


@pytest.mark.parametrize("count", [1, 30])
def test_dashboard_query_count(applicant_client, applicant, campaign, clock, site_settings,
                               django_assert_max_num_queries, count):
    for _ in range(count):
        ApplicationFactory(campaign=campaign, owner=applicant)
    with django_assert_max_num_queries(12):
        response = applicant_client.get(reverse("labels:dashboard"))
    assert response.content.decode().count("Reprendre") == count


@pytest.mark.parametrize("slug", ["organisation", "projet", "impact", "pieces-jointes", "recapitulatif"])
def test_step_query_count(applicant_client, draft, clock, site_settings, django_assert_max_num_queries, slug):
    with django_assert_max_num_queries(12):
        response = applicant_client.get(reverse("labels:step", args=[draft.pk, slug]))
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert 'aria-current="step"' in content


def test_summary_has_the_one_submit_button(applicant_client, draft, clock):
    content = applicant_client.get(reverse("labels:step", args=[draft.pk, "recapitulatif"])).content.decode()
    assert content.count("Déposer ma candidature") == 1


def test_checklist_lists_missing_fields(applicant_client, applicant, campaign, clock):
    from labels.models import Application

    application = Application.objects.create(campaign=campaign, owner=applicant)
    content = applicant_client.get(reverse("labels:step", args=[application.pk, "projet"])).content.decode()
    assert "Ce qu&#x27;il reste à compléter" in content or "Ce qu'il reste à compléter" in content
    assert "titre du projet" in content
