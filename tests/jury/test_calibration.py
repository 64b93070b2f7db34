"""The fitted calibration (`jury/calibration.py`) on hand-computed examples, its fallbacks, and the ranking and
"à discuter" it drives."""

import pytest

from jury import calibration, scoring


def test_a_lenient_and_a_severe_juror_on_the_same_files_by_hand():
    # Truth: X 60, Y 50, Z 40; A gives 5 more, B 5 less. Mean m = 50, centred totals A: 15, 5, -5; B: 5, -5, -15.
    # By symmetry r = (10, 0, -10); bias A = (5 + 5 + 5) / (3 + 2) = 3 (the prior of 2 keeps 3/5 of 5), B = -3.
    totals = {("X", "A"): 65, ("Y", "A"): 55, ("Z", "A"): 45, ("X", "B"): 55, ("Y", "B"): 45, ("Z", "B"): 35}
    fit = calibration.fit(totals)
    assert fit.fallback is None
    assert fit.quality == pytest.approx({"X": 60, "Y": 50, "Z": 40})
    assert fit.bias == pytest.approx({"A": 3, "B": -3})
    assert fit.scale == {"A": 1.0, "B": 1.0}  # 3 files each: too few for a scale
    # Calibrated totals: m + (y - m - bias): A on X 65 - 3 = 62, B on X 55 + 3 = 58.
    assert fit.calibrated[("X", "A")] == pytest.approx(62) and fit.calibrated[("X", "B")] == pytest.approx(58)


def test_a_juror_given_the_strongest_files_is_not_corrected_down():
    # Truth: files 1-4 strong (80, 75, 70, 65), 5-8 weak (40, 35, 30, 25); nobody is biased. Juror S scores only the
    # strong files, W only the weak ones, and C (the link) everything. z-scores pull S down and W up; the fit does not.
    truth = {1: 80, 2: 75, 3: 70, 4: 65, 5: 40, 6: 35, 7: 30, 8: 25}
    totals = {(f, "C"): q for f, q in truth.items()}
    totals.update({(f, "S"): truth[f] for f in (1, 2, 3, 4)})
    totals.update({(f, "W"): truth[f] for f in (5, 6, 7, 8)})
    fit = calibration.fit(totals)
    assert fit.quality == pytest.approx(truth)
    assert fit.bias == pytest.approx({"C": 0, "S": 0, "W": 0}, abs=1e-6)
    fitted = scoring.rank([scoring.ScoreRow(f, j, 1, t) for (f, j), t in totals.items()],
                          [scoring.Criterion(1, 1.0, 100)], method=scoring.FITTED, min_scored=4)
    assert [r.application_id for r in fitted.results] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert fitted.to_discuss == []
    zscores = scoring.rank([scoring.ScoreRow(f, j, 1, t) for (f, j), t in totals.items()],
                           [scoring.Criterion(1, 1.0, 100)], method=scoring.ZSCORES, min_scored=4)
    assert zscores.to_discuss  # standardisation invents a disagreement on files every juror agreed on


def test_a_scale_is_fitted_for_a_juror_with_enough_files():
    truth = {f: 30 + 5 * f for f in range(1, 7)}  # 35 .. 60
    totals = {(f, "A"): q for f, q in truth.items()}
    totals.update({(f, "B"): 47.5 + 2 * (q - 47.5) for f, q in truth.items()})  # B spreads twice as much
    fit = calibration.fit(totals, scale_prior=0.0)
    assert fit.scale["B"] / fit.scale["A"] == pytest.approx(2, rel=1e-3)
    assert sorted(fit.quality, key=fit.quality.get) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("totals, reason", [
    ({("X", "A"): 60, ("Y", "A"): 40}, "Un seul juré"),
    ({("X", "A"): 60, ("X", "B"): 40}, "Un seul dossier"),
    ({("X", "A"): 60, ("Y", "A"): 50, ("Z", "B"): 40, ("W", "B"): 30}, "sans juré commun"),
])
def test_falls_back_to_raw_means_and_says_why(totals, reason):
    fit = calibration.fit(totals)
    assert reason in fit.fallback
    by_file = {}
    for (f, _j), t in totals.items():
        by_file.setdefault(f, []).append(t)
    assert fit.quality == {f: sum(v) / len(v) for f, v in by_file.items()}
    assert set(fit.bias.values()) == {0.0}


def test_the_ranking_says_which_method_and_why_it_fell_back():
    rows = [scoring.ScoreRow(1, 7, 1, 8), scoring.ScoreRow(2, 7, 1, 4)]
    ranking = scoring.rank(rows, [scoring.Criterion(1, 1.0, 10)], method=scoring.FITTED)
    assert ranking.method == scoring.FITTED and "Un seul juré" in ranking.fallback
    assert [r.score for r in ranking.results] == [80, 40]


def test_to_discuss_is_decided_on_the_calibrated_spread():
    # A severe and a lenient juror agree on the order of every file: raw spreads are all 20, nothing is split.
    totals = {("X", "A"): 80, ("Y", "A"): 70, ("Z", "A"): 60, ("X", "B"): 60, ("Y", "B"): 50, ("Z", "B"): 40}
    rows = [scoring.ScoreRow(f, j, 1, t) for (f, j), t in totals.items()]
    raw = scoring.rank(rows, [scoring.Criterion(1, 1.0, 100)], method=scoring.RAW, discuss_threshold=15)
    assert len(raw.to_discuss) == 3
    fitted = scoring.rank(rows, [scoring.Criterion(1, 1.0, 100)], method=scoring.FITTED, discuss_threshold=15)
    # bias = ±10 * 3/5 = ±6: calibrated spread 20 - 12 = 8 on every file, under the threshold.
    assert fitted.to_discuss == [] and fitted.results[0].calibrated_spread == pytest.approx(8)
    assert {p.juror_id: round(p.fitted_bias, 6) for p in fitted.jurors.values()} == {"A": 6, "B": -6}
