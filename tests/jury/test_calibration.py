"""The fitted calibration (`jury/calibration.py`) on hand-computed examples, its fallbacks, and the ranking and
"à discuter" it drives."""

import dataclasses
import random

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


def loss(totals, fit):
    """What the fit minimises (the module's docstring), on the totals' scale."""
    mean = sum(totals.values()) / len(totals)
    residuals = sum((total - mean - fit.scale[juror] * (fit.quality[file_id] - mean) - fit.bias[juror]) ** 2
                    for (file_id, juror), total in totals.items())
    return (residuals + calibration.BIAS_PRIOR * sum(value ** 2 for value in fit.bias.values())
            + calibration.SCALE_PRIOR * sum((value - 1) ** 2 for value in fit.scale.values()))


@pytest.mark.parametrize("files, jurors, per_file", [(40, 6, 3), (300, 12, 3), (200, 20, 20)])
def test_the_fit_converges_on_national_rounds_well_before_its_cap(files, jurors, per_file):
    # Every juror has many files: the biases' and the scales' priors are all that fix the common offset and the
    # common unit, a direction block steps alone follow over thousands of passes, stopping at the cap short of it.
    draw = random.Random(files)
    leniency = [draw.gauss(0, 8) for _ in range(jurors)]
    spread = [draw.uniform(0.7, 1.4) for _ in range(jurors)]
    totals = {}
    for file_id in range(files):
        quality = draw.gauss(60, 12)
        for juror in draw.sample(range(jurors), per_file):
            totals[(file_id, juror)] = 60 + spread[juror] * (quality - 60) + leniency[juror] + draw.gauss(0, 5)
    fit = calibration.fit(totals)
    assert fit.fallback is None
    assert fit.iterations < 100
    # At the minimum, no shift of every quality up and every bias down lowers the biases' prior.
    assert sum(fit.scale[j] * fit.bias[j] for j in fit.bias) == pytest.approx(0, abs=1e-6)
    # And no nudge of a quality, a bias or a scale lowers the loss: the fit stopped at the minimum.
    best = loss(totals, fit)
    for part in ("quality", "bias", "scale"):
        for key in list(getattr(fit, part))[:5]:
            for step in (-0.01, 0.01):
                values = {**getattr(fit, part), key: getattr(fit, part)[key] + step}
                assert loss(totals, dataclasses.replace(fit, **{part: values})) >= best - 1e-9


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
    # A and B share X, C and D share Z: two groups, though each file but one has two jurors.
    ({("X", "A"): 60, ("X", "B"): 55, ("Y", "B"): 50, ("Z", "C"): 40, ("Z", "D"): 35, ("W", "D"): 30},
     "sans juré commun"),
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


def test_jurors_linked_through_a_chain_of_shared_files_are_fitted_together():
    """A and C never scored the same file, but B shares X with A and Y with C: one group, fitted."""
    totals = {("X", "A"): 60, ("X", "B"): 55, ("Y", "B"): 50, ("Y", "C"): 45, ("Z", "C"): 40, ("Z", "A"): 62}
    assert calibration.fit(totals).fallback is None
    assert calibration.fit({key: total for key, total in totals.items() if key != ("Z", "A")}).fallback is None
