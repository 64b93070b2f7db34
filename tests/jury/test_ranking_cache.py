"""The ranking computed once per change of what it reads (`jury/ranking_cache.py`) and the weighted totals added up
from the score sheets the database pivots (`jury.progress.score_sheets`): the same figures as the pure rules, fresh
after every change, never shown to a juror."""

import gc

import pytest
from django.core.cache import cache
from django.urls import reverse

from jury import scoring
from jury.models import Score
from jury.progress import round_progress, score_sheets
from jury.ranking_cache import (
    RECENT,
    STAFF,
    RecentRankings,
    bump_ranking_version,
    cached_progress,
    cached_ranking,
    collector_paused,
    rank_ahead,
    ranking_key,
    ranking_version,
)
from jury.services import assignments, conflicts
from tests.jury.factories import OPEN, JuryMemberFactory, JuryRoundFactory, build_scored_round, frozen, save_sheet
from tests.labels.factories import LabelCampaignPageFactory, SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


def test_the_database_adds_up_the_same_totals_as_the_rules(round1, jurors, criteria, campaign):
    """Impact weighs 2 (out of 10), Sobriété 1 (out of 5): A on X 8, 4 → 80; B on X 5, 5 → 66.67; A on Y only
    Impact → incomplete."""
    impact, sobriety = (frozen(round1, criterion) for criterion in criteria)
    x, y = SubmittedApplicationFactory(campaign=campaign), SubmittedApplicationFactory(campaign=campaign)
    a, b = jurors[:2]
    for juror, application, criterion, value in [(a, x, impact, 8), (a, x, sobriety, 4), (b, x, impact, 5),
                                                 (b, x, sobriety, 5), (a, y, impact, 9)]:
        Score.objects.create(round=round1, juror=a if juror is a else b, application=application,
                             criterion=criterion, value=value, updated_at=OPEN)
    rules = [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in (impact, sobriety)]
    totals, incomplete = scoring.sheet_totals(score_sheets(Score.objects.filter(round=round1), rules), rules)
    assert totals == {(x.pk, a.pk): pytest.approx(80), (x.pk, b.pk): pytest.approx(200 / 3)}
    assert incomplete == [(y.pk, a.pk)]
    rows = [scoring.ScoreRow(*row) for row in Score.objects.filter(round=round1).values_list(
        "application_id", "juror_id", "criterion_id", "value")]
    expected_totals, expected_incomplete = scoring.weighted_totals(rows, rules)
    assert totals == pytest.approx(expected_totals) and incomplete == expected_incomplete


def test_the_database_counts_each_value_of_the_scale(round1, jurors, criteria, campaign):
    """Impact (out of 10) given 8 twice, Sobriété (out of 5) given 4 and 5: every other value counts 0."""
    impact, sobriety = (frozen(round1, criterion) for criterion in criteria)
    x = SubmittedApplicationFactory(campaign=campaign)
    for juror, criterion, value in [(jurors[0], impact, 8), (jurors[0], sobriety, 4), (jurors[1], impact, 8),
                                    (jurors[1], sobriety, 5)]:
        Score.objects.create(round=round1, juror=juror, application=x, criterion=criterion, value=value,
                             updated_at=OPEN)
    rules = [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in (impact, sobriety)]
    distribution = scoring.sheet_distribution(score_sheets(Score.objects.filter(round=round1), rules), rules)
    assert distribution[impact.pk] == {value: 2 if value == 8 else 0 for value in range(11)}
    assert distribution[sobriety.pk] == {0: 0, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1}


def test_a_ranking_is_computed_once_then_served_without_a_query(round1, jurors, criteria, campaign,
                                                                django_assert_num_queries):
    build_scored_round(round1, jurors, criteria, campaign, 30)
    first = cached_ranking(round1)
    with django_assert_num_queries(0):
        again = cached_ranking(round1)
    assert [r.application_id for r in again.ranking.results] == [r.application_id for r in first.ranking.results]


def test_a_later_click_is_served_from_the_worker_memory_without_reading_the_shared_cache(
        round1, jurors, criteria, campaign, django_assert_num_queries):
    build_scored_round(round1, jurors, criteria, campaign, 5)
    first = cached_ranking(round1)
    cache.delete(ranking_key(round1, STAFF, {}))  # only the version stays in the shared cache
    with django_assert_num_queries(0):
        assert cached_ranking(round1) is first
    cache.clear()  # a new version (here: the shared cache emptied) is never answered from memory
    assert cached_ranking(round1) is not first


def test_the_worker_memory_keeps_only_the_latest_rankings():
    recent = RecentRankings(RECENT)
    for number in range(RECENT + 2):
        recent.put(f"cle-{number}", number)
    assert recent.get("cle-0") is None and recent.get("cle-1") is None
    assert [recent.get(f"cle-{number}") for number in range(2, RECENT + 2)] == list(range(2, RECENT + 2))


def test_a_score_saved_or_a_conflict_declared_renews_the_ranking(scene, criteria, clock):
    clock.set(OPEN)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    assert cached_ranking(scene.round).ranking.results[0].totals == {scene.juror_a.pk: pytest.approx(80)}
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 10, criteria[1]: 5})
    assert cached_ranking(scene.round).ranking.results[0].totals == {scene.juror_a.pk: pytest.approx(100)}
    conflicts.declare(scene.juror_a, scene.file, has_conflict=True, reason="Lien découvert", by=scene.juror_a.user)
    assert all(not result.totals for result in cached_ranking(scene.round).ranking.results)


def test_a_change_of_category_renews_the_ranking_views(scene, criteria, campaign):
    before = cached_ranking(scene.round).categories[scene.file.pk]
    other = campaign.categories.exclude(pk=before).first()
    scene.file.category = other
    scene.file.save()
    assert cached_ranking(scene.round).categories[scene.file.pk] == other.pk


def test_the_ranking_page_follows_the_scores_across_its_views(client, scene, criteria, campaign_staff, clock):
    clock.set(OPEN)
    client.force_login(campaign_staff)
    url = reverse("jury:ranking", args=[scene.round.pk])
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    assert "<td>80,0</td>" in client.get(url).text
    assert "80,0" in client.get(url, {"vue": "jures"}).text  # the jurors' view, from the same cached ranking
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 2, criteria[1]: 1})
    page = client.get(url).text
    assert "<td>20,0</td>" in page and "80,0" not in page


def test_a_juror_is_never_served_the_ranking_staff_computed(client, scene, criteria, campaign_staff, clock):
    clock.set(OPEN)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    client.force_login(campaign_staff)
    url = reverse("jury:ranking", args=[scene.round.pk])
    assert client.get(url).status_code == 200  # the ranking is now cached for staff
    client.force_login(scene.juror_a.user)
    response = client.get(url)
    assert response.status_code == 403 and "Cantines sans gaspillage" not in response.text
    assert ranking_key(scene.round, STAFF, {}) != ranking_key(scene.round, "juror", {})


def test_the_progress_per_juror_is_counted_once_then_follows_scores_and_assignments(
        scene, criteria, campaign_staff, clock, django_assert_num_queries):
    """Juror A has two files (A declared no conflict on the first); juror B's one file is conflicted, left out."""
    clock.set(OPEN)
    jury_round, juror = scene.round, scene.juror_a
    assert cached_progress(jury_round, []).per_juror == {juror.pk: (0, 2)}
    with django_assert_num_queries(2):  # the round's criteria and this page's files: the per-juror count is kept
        state = cached_progress(jury_round, [scene.file.pk])
    assert state.per_application == {scene.file.pk: (0, 1)}
    save_sheet(juror, jury_round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    assert cached_progress(jury_round, []).per_juror == {juror.pk: (1, 2)} == round_progress(jury_round).per_juror
    assignments.remove_assignment(jury_round, juror, scene.other_file, by=campaign_staff)
    assert cached_progress(jury_round, []).per_juror == {juror.pk: (1, 1)} == round_progress(jury_round).per_juror
    assignments.add_assignment(jury_round, juror, scene.hidden_file, by=campaign_staff)
    assert cached_progress(jury_round, []).per_juror == {juror.pk: (1, 2)} == round_progress(jury_round).per_juror


def test_assigning_a_whole_round_renews_the_progress(label_index, campaign_staff):
    campaign = LabelCampaignPageFactory(parent=label_index)
    jury_round, juror = JuryRoundFactory(campaign=campaign), JuryMemberFactory(campaign=campaign)
    SubmittedApplicationFactory(campaign=campaign)
    assert cached_progress(jury_round, []).per_juror == {}
    assignments.assign(jury_round, by=campaign_staff)  # written in bulk, without a model signal
    assert cached_progress(jury_round, []).per_juror == {juror.pk: (0, 1)} == round_progress(jury_round).per_juror


def test_ranked_ahead_after_a_save_the_first_click_finds_the_ranking_ready(scene, criteria, clock, settings,
                                                                            django_assert_num_queries):
    settings.JURY_RANK_AHEAD = True
    clock.set(OPEN)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    ready = cache.get(ranking_key(scene.round, STAFF, {}))  # in the shared cache, as the app servers read it
    assert ready.ranking.results[0].totals == {scene.juror_a.pk: pytest.approx(80)}
    with django_assert_num_queries(0):
        assert cached_ranking(scene.round).ranking.results[0].totals == {scene.juror_a.pk: pytest.approx(80)}


def test_without_ranking_ahead_a_save_leaves_the_ranking_to_the_first_click(scene, criteria, clock, settings):
    settings.JURY_RANK_AHEAD = False
    clock.set(OPEN)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    assert cache.get(ranking_key(scene.round, STAFF, {})) is None
    assert cached_ranking(scene.round).ranking.results[0].totals == {scene.juror_a.pk: pytest.approx(80)}


def test_a_task_queued_before_a_later_change_leaves_the_work_to_the_latest(scene, criteria, clock,
                                                                           django_assert_num_queries):
    clock.set(OPEN)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    stale = ranking_version(scene.round.campaign_id)
    bump_ranking_version(scene.round.campaign_id)
    with django_assert_num_queries(0):
        rank_ahead.call(scene.round.campaign_id, stale)
    assert cache.get(ranking_key(scene.round, STAFF, {})) is None
    rank_ahead.call(scene.round.campaign_id, ranking_version(scene.round.campaign_id))
    assert cache.get(ranking_key(scene.round, STAFF, {})).ranking.results[0].totals == {
        scene.juror_a.pk: pytest.approx(80)}


def test_the_collector_is_paused_while_ranking_and_runs_again_after_even_on_an_error():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_ranking_computed_while_the_collector_was_paused_elsewhere_leaves_it_paused():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
