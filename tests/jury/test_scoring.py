"""Jury arithmetic on hand-computed examples (jury/scoring.py)."""

import statistics

import pytest

from jury.scoring import Criterion, ScoreRow, population_sd, rank, weighted_totals

CRITERIA = [Criterion(id=1, weight=2, max_score=10), Criterion(id=2, weight=1, max_score=5)]


def rows(*sheets):
    """(application, juror, score on criterion 1, score on criterion 2) -> score rows."""
    return [ScoreRow(app, juror, cid, score) for app, juror, c1, c2 in sheets for cid, score in ((1, c1), (2, c2))]


def test_weighted_total_is_on_a_hundred():
    totals, incomplete = weighted_totals(rows((1, 10, 8, 4), (1, 11, 5, 5)), CRITERIA)
    # A: 100 * (2 * 8/10 + 1 * 4/5) / 3 = 80 ; B: 100 * (2 * 0.5 + 1) / 3 = 66.67
    assert totals[(1, 10)] == pytest.approx(80)
    assert totals[(1, 11)] == pytest.approx(200 / 3)
    assert incomplete == []


def test_partial_score_sheet_counts_for_nothing_and_is_reported():
    partial = [ScoreRow(1, 10, 1, 8)]
    ranking = rank(partial + rows((1, 11, 5, 5)), CRITERIA, min_scored=99)
    assert ranking.incomplete == [(1, 10)]
    assert ranking.results[0].count == 1 and ranking.results[0].mean == pytest.approx(200 / 3)


def test_mean_median_spread_and_discussion_threshold():
    ranking = rank(rows((1, 10, 8, 4), (1, 11, 5, 5), (2, 10, 10, 0), (2, 11, 2, 1)), CRITERIA, min_scored=99)
    first, second = ranking.results
    assert first.application_id == 1
    assert first.mean == pytest.approx(220 / 3)  # (80 + 66.67) / 2
    assert first.spread == pytest.approx(40 / 3)
    assert second.mean == pytest.approx(130 / 3)  # (66.67 + 20) / 2
    assert second.spread == pytest.approx(140 / 3)
    assert [r.application_id for r in ranking.to_discuss] == [2]  # 46.7 points apart > 25


def test_median_of_three_jurors():
    criteria = [Criterion(1, 1, 10)]
    scores = [ScoreRow(1, juror, 1, score) for juror, score in ((1, 5), (2, 6), (3, 9))]
    result = rank(scores, criteria, min_scored=99).results[0]
    assert result.median == pytest.approx(60) and result.mean == pytest.approx(200 / 3)


def test_per_juror_standardisation_on_a_hand_computed_example():
    ranking = rank(rows((1, 10, 8, 4), (1, 11, 5, 5), (2, 10, 10, 0), (2, 11, 2, 1)), CRITERIA, min_scored=2)
    # All totals: 80, 66.67, 66.67, 20 -> mean 58.33, population sd 22.79.
    # Each juror has one file one sd above and one below their own mean.
    best, worst = ranking.results
    assert best.normalised_mean == pytest.approx(58.3333 + 22.7913, abs=1e-3)
    assert worst.normalised_mean == pytest.approx(58.3333 - 22.7913, abs=1e-3)
    assert ranking.jurors[10].leniency == pytest.approx(73.3333 - 58.3333, abs=1e-3)
    assert ranking.jurors[11].leniency == pytest.approx(43.3333 - 58.3333, abs=1e-3)


def test_juror_with_too_few_files_keeps_raw_totals():
    ranking = rank(rows((1, 10, 8, 4), (1, 11, 5, 5), (2, 10, 10, 0), (2, 11, 2, 1)), CRITERIA, min_scored=3)
    assert all(not profile.normalised for profile in ranking.jurors.values())
    assert all(result.normalised_mean == pytest.approx(result.mean) for result in ranking.results)


def test_normalisation_corrects_a_severe_and_a_lenient_juror():
    criteria = [Criterion(1, 1, 100)]
    severe = [ScoreRow(app, 1, 1, score) for app, score in zip(range(1, 6), (10, 20, 30, 40, 50), strict=True)]
    lenient = [ScoreRow(app, 2, 1, score) for app, score in zip(range(6, 11), (60, 70, 80, 90, 100), strict=True)]
    ranking = rank(severe + lenient, criteria, min_scored=5)
    by_raw = sorted(ranking.results, key=lambda r: -r.mean)
    assert [r.application_id for r in by_raw[:2]] == [10, 9]
    positions = {r.application_id: r.rank for r in ranking.results}
    # The severe juror's best file (50 raw) now ties the lenient juror's best and beats their 60.
    assert positions[5] < positions[6]
    assert ranking.jurors[1].leniency < 0 < ranking.jurors[2].leniency


def test_ties_share_a_rank_and_unscored_files_come_last():
    criteria = [Criterion(1, 1, 10)]
    scores = [ScoreRow(app, 1, 1, score) for app, score in ((1, 7), (2, 9), (3, 7))]
    ranking = rank(scores, criteria, min_scored=99, application_ids=[1, 2, 3, 4])
    assert [(r.application_id, r.rank) for r in ranking.results] == [(2, 1), (1, 2), (3, 2), (4, None)]


def test_rankings_by_category_are_ranked_separately():
    criteria = [Criterion(1, 1, 10)]
    scores = [ScoreRow(app, 1, 1, score) for app, score in ((1, 9), (2, 8), (3, 7))]
    ranking = rank(scores, criteria, min_scored=99)
    by_category = ranking.by_category({1: "inclusion", 2: "data", 3: "inclusion"})
    assert [(r.application_id, r.rank) for r in by_category["inclusion"]] == [(1, 1), (3, 2)]
    assert [(r.application_id, r.rank) for r in by_category["data"]] == [(2, 1)]
    assert [r.rank for r in ranking.results] == [1, 2, 3]


def test_empty_round():
    ranking = rank([], CRITERIA)
    assert ranking.results == [] and ranking.jurors == {} and ranking.to_discuss == []


@pytest.mark.parametrize("values", [[80, 200 / 3, 200 / 3, 20], [50.0], [12.5, 12.5, 12.5], list(range(0, 101, 7))])
def test_the_population_sd_is_the_statistics_modules_in_floating_point(values):
    assert population_sd(values, statistics.fmean(values)) == pytest.approx(statistics.pstdev(values),
                                                                                     rel=1e-12, abs=1e-12)
