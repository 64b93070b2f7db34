"""`jury.progress.round_ranking` and `round_progress`: a hand-checked ranking, exclusions, and a fixed number of
queries."""

import pytest

from jury.models import RoundCriterion, Score
from jury.progress import round_progress, round_ranking
from jury.services import conflicts
from tests.jury.factories import DELIBERATION, OPEN, JuryRoundFactory, build_scored_round, frozen
from tests.labels.factories import SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


def score(jury_round, juror, application, criterion, value, now=OPEN):
    Score.objects.create(round=jury_round, juror=juror, application=application,
                         criterion=frozen(jury_round, criterion, now), value=value, updated_at=now)


def test_a_small_ranking_checked_by_hand(round1, jurors, criteria, campaign, staff):
    """Impact weighs 2 (out of 10), Sobriété 1 (out of 5); a total is 100 × Σ w·s/max ÷ Σ w.

    A on X: 8, 4 → 100 × (2·0.8 + 0.8) / 3 = 80      B on X: 5, 5 → 100 × (1 + 1) / 3 = 66.67
    A on Y: 10, 5 → 100                             B on Y: 2, 1 → 100 × (0.4 + 0.2) / 3 = 20
    X: mean 73.33, spread 13.33; Y: mean 60, spread 80 (à discuter). C scored X 0, 0 then declared a
    conflict: it does not count. Round 2's score and the draft Z change nothing.
    """
    impact, sobriety = criteria
    a, b, c = jurors[:3]
    x, y = SubmittedApplicationFactory(campaign=campaign), SubmittedApplicationFactory(campaign=campaign)
    unscored = SubmittedApplicationFactory(campaign=campaign)
    for juror, application, values in [(a, x, (8, 4)), (b, x, (5, 5)), (a, y, (10, 5)), (b, y, (2, 1)),
                                       (c, x, (0, 0))]:
        score(round1, juror, application, impact, values[0])
        score(round1, juror, application, sobriety, values[1])
    conflicts.declare(c, x, has_conflict=True, reason="Conflit découvert tardivement", by=c.user)
    round2 = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION,
                              closes_at=DELIBERATION.replace(day=20), deliberation_opens_at=None)
    score(round2, a, y, impact, 0, now=DELIBERATION)

    result = round_ranking(round1)
    ranking = result.ranking
    assert [r.application_id for r in ranking.results] == [x.pk, y.pk, unscored.pk]
    first, second, third = ranking.results
    assert first.totals == pytest.approx({a.pk: 80, b.pk: 200 / 3})
    assert (first.rank, first.count, first.mean, first.spread) == (1, 2, pytest.approx(220 / 3), pytest.approx(40 / 3))
    assert second.totals == pytest.approx({a.pk: 100, b.pk: 20})
    assert (second.rank, second.mean, second.median, second.to_discuss) == (2, 60, 60, True)
    assert (third.rank, third.count) == (None, 0)
    assert ranking.to_discuss == [second]
    assert c.pk not in ranking.jurors
    assert result.by_category()[x.category_id][0].application_id == x.pk


def test_only_the_rounds_criteria_count(round1, jurors, criteria, campaign):
    impact, sobriety = criteria
    round1.criteria.add(impact)
    application = SubmittedApplicationFactory(campaign=campaign)
    score(round1, jurors[0], application, impact, 6)
    stray = RoundCriterion.objects.create(round=JuryRoundFactory(campaign=campaign, number=2), position=1,
                                          name="Ailleurs", weight=1, max_score=5, source=sobriety)
    Score.objects.create(round=round1, juror=jurors[0], application=application, criterion=stray, value=1,
                         updated_at=OPEN)  # not a criterion of this round: ignored
    ranking = round_ranking(round1).ranking
    assert ranking.results[0].totals == {jurors[0].pk: 60}
    assert ranking.incomplete == []


@pytest.mark.parametrize("count", [5, 500])
def test_ranking_runs_a_fixed_number_of_queries(round1, jurors, criteria, campaign, count,
                                                django_assert_num_queries):
    build_scored_round(round1, jurors, criteria, campaign, count)
    with django_assert_num_queries(4):  # criteria, files, conflicts, score sheets (one row per file and juror)
        result = round_ranking(round1)
    assert len(result.ranking.results) == count
    assert result.ranking.results[-1].count in (3, 4)


@pytest.mark.parametrize("count", [5, 50])
def test_round_progress_in_a_fixed_number_of_queries(round1, jurors, criteria, campaign, count,
                                                     django_assert_num_queries):
    applications = build_scored_round(round1, jurors, criteria, campaign, count)  # jurors[0]: conflict on the 1st
    Score.objects.filter(juror=jurors[1], application=applications[1], criterion__source=criteria[0]).delete()
    with django_assert_num_queries(3):
        progress = round_progress(round1)
    assert progress.per_juror[jurors[0].pk] == (count - 1, count - 1)
    assert progress.per_juror[jurors[1].pk] == (count - 1, count)
    assert progress.per_application[applications[0].pk] == (3, 3)
    assert progress.per_application[applications[1].pk] == (3, 4)
    assert progress.missing == {jurors[1].pk: 1}


def test_round_progress_of_one_page_of_files_counts_every_juror_but_only_those_files(
        round1, jurors, criteria, campaign, django_assert_num_queries):
    applications = build_scored_round(round1, jurors, criteria, campaign, 30)  # jurors[0]: conflict on the 1st
    Score.objects.filter(juror=jurors[1], application=applications[1], criterion__source=criteria[0]).delete()
    with django_assert_num_queries(3):
        progress = round_progress(round1, [applications[0].pk, applications[1].pk])
    assert progress.per_application == {applications[0].pk: (3, 3), applications[1].pk: (3, 4)}
    assert progress.per_juror[jurors[0].pk] == (29, 29)
    assert progress.per_juror[jurors[1].pk] == (29, 30)
    with django_assert_num_queries(3):  # an empty page (a search that finds nothing) costs the same
        assert round_progress(round1, []).per_application == {}
