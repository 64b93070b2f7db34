"""Aggregation of jury scores: pure functions over plain score rows.

No ORM and no request here: the jury views load rows once, hand them to
these functions and render the result. Every figure is reproducible by hand.

Definitions
-----------
* A juror's **weighted total** for an application is
  ``100 * sum(weight * score / max_score) / sum(weight)`` over the criteria of
  the round; it exists only when the juror scored every criterion (a partial
  score sheet is reported as incomplete and counts for nothing).
* Per application: the number of totals, their **mean**, **median** and
  **spread** (highest minus lowest total).
* **Normalisation** removes each juror's own severity: a juror who scored at
  least ``min_scored`` applications has each total replaced by
  ``global_mean + global_sd * (total - juror_mean) / juror_sd`` (per-juror
  standardisation, brought back to the scale of all totals). Jurors with too
  few files, or who gave the same total everywhere, keep their raw totals.
* **Calibration** (the campaign's choice): ``brut`` ranks on the raw mean,
  ``z-scores`` on the normalised mean above, ``ajuste`` on the quality fitted by
  `jury/calibration.py` (quality per file + bias per juror over the whole
  assignment graph, which survives a juror given the strongest files). The
  result's ``score`` is the value ranked on, ``calibrated_totals`` each juror's
  total once their severity is taken out by the same method.
* Applications whose spread of calibrated totals passes ``discuss_threshold``
  points go to the "à discuter" list: a severe and a lenient juror on the same
  file no longer make it "split".
* The ranking sorts by score, then raw mean, then reference; equal scores and
  raw means share a rank (1, 2, 2, 4).
"""

import operator
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from math import fsum, sqrt
from statistics import fmean, median

from jury import calibration

MIN_SCORED_FOR_NORMALISATION = 5
DISCUSS_THRESHOLD = 25.0
RAW, ZSCORES, FITTED = "brut", "z-scores", "ajuste"


@dataclass(frozen=True)
class Criterion:
    id: int
    weight: float
    max_score: int


@dataclass(frozen=True)
class ScoreRow:
    application_id: int
    juror_id: int
    criterion_id: int
    score: float


@dataclass
class ApplicationResult:
    application_id: int
    totals: dict = field(default_factory=dict)  # juror id -> weighted total
    normalised_totals: dict = field(default_factory=dict)
    count: int = 0
    mean: float | None = None
    median: float | None = None
    spread: float | None = None
    normalised_mean: float | None = None
    rank: int | None = None
    to_discuss: bool = False
    score: float | None = None  # what the ranking sorts on, by the round's calibration method
    calibrated_totals: dict = field(default_factory=dict)  # juror id -> total with their severity taken out
    calibrated_spread: float | None = None


@dataclass
class JurorProfile:
    juror_id: int
    count: int
    mean: float
    sd: float
    normalised: bool
    leniency: float  # juror mean minus the mean of all totals: > 0 lenient, < 0 severe
    fitted_bias: float | None = None  # the fitted model's bias (points; > 0 lenient), None when not fitted
    fitted_scale: float | None = None


@dataclass
class Ranking:
    results: list  # ApplicationResult, best first
    jurors: dict  # juror id -> JurorProfile
    incomplete: list  # (application id, juror id) pairs with a partial score sheet
    to_discuss: list  # ApplicationResult whose spread of calibrated totals passes the threshold
    method: str = ZSCORES  # the calibration the ranking used
    fallback: str | None = None  # why the fitted model fell back to raw means (French), None otherwise

    def by_category(self, categories: dict) -> dict:
        """The ranking split by category (application id -> category), each ranked on its own."""
        groups = defaultdict(list)
        for result in self.results:
            groups[categories.get(result.application_id)].append(result)
        return {category: _ranks(list(results), inplace=False) for category, results in groups.items()}


def weighted_totals(rows, criteria) -> tuple[dict, list]:
    """Weighted totals on 0-100 per (application, juror), and the incomplete score sheets."""
    by_id = {criterion.id: criterion for criterion in criteria}
    weight_sum = sum(criterion.weight for criterion in criteria)
    sheets: defaultdict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    for row in rows:
        if row.criterion_id in by_id:
            sheets[(row.application_id, row.juror_id)][row.criterion_id] = row.score
    totals, incomplete = {}, []
    for key, scores in sheets.items():
        if len(scores) < len(by_id) or weight_sum <= 0:
            incomplete.append(key)
            continue
        weighted = sum(by_id[cid].weight * score / by_id[cid].max_score for cid, score in scores.items())
        totals[key] = 100 * weighted / weight_sum
    return totals, sorted(incomplete)


def sheet_totals(sheets, criteria) -> tuple[dict, list]:
    """`weighted_totals` over score sheets (application id, juror id, the score on each of `criteria` in their
    order or None): one row per sheet, as the database hands them over (`jury.progress.score_sheets`)."""
    weight_sum = sum(criterion.weight for criterion in criteria)
    if weight_sum <= 0:
        return {}, sorted((application, juror) for application, juror, _values in sheets)
    # Each criterion's share of the total, worked out once rather than once per sheet (40,000 in a national round).
    shares = [100 * criterion.weight / criterion.max_score / weight_sum for criterion in criteria]
    totals, incomplete = {}, []
    for application, juror, values in sheets:
        if None in values:
            incomplete.append((application, juror))
        else:
            totals[(application, juror)] = sum(map(operator.mul, shares, values))
    return totals, sorted(incomplete)


def sheet_distribution(sheets, criteria) -> dict:
    """Per criterion, how many times each value of its scale was given on these score sheets (the histograms);
    a value off the scale (a criterion's scale narrowed after scoring) is counted too."""
    distribution = {}
    for position, criterion in enumerate(criteria):
        counts = Counter(values[position] for _application, _juror, values in sheets)
        counts.pop(None, None)
        distribution[criterion.id] = {**dict.fromkeys(range(criterion.max_score + 1), 0), **counts}
    return distribution


def population_sd(values, mean: float) -> float:
    """The population standard deviation of `values` around their `mean`, in floating point: `statistics.pstdev`
    works in exact fractions, a tenth of a second over a national round's 40,000 totals, for the same figure to
    the last digits."""
    values = list(values)
    return sqrt(fsum((value - mean) ** 2 for value in values) / len(values))


def juror_profiles(totals: dict, min_scored: int = MIN_SCORED_FOR_NORMALISATION) -> dict:
    per_juror = defaultdict(list)
    for (_application, juror), total in totals.items():
        per_juror[juror].append(total)
    overall = fmean(totals.values()) if totals else 0.0
    profiles = {}
    for juror, values in per_juror.items():
        mean = fmean(values)
        sd = population_sd(values, mean)
        profiles[juror] = JurorProfile(juror, len(values), mean, sd, len(values) >= min_scored and sd > 0,
                                       mean - overall)
    return profiles


def normalise(totals: dict, profiles: dict) -> dict:
    """Per-juror standardisation brought back to the scale of all totals; raw for the others."""
    if not totals:
        return {}
    global_mean = fmean(totals.values())
    global_sd = population_sd(totals.values(), global_mean)
    normalised = {}
    for key, total in totals.items():  # the totals' own keys, rather than 40,000 new ones in a national round
        profile = profiles[key[1]]
        normalised[key] = global_mean + global_sd * (total - profile.mean) / profile.sd if profile.normalised else total
    return normalised


def rank(rows, criteria, *, min_scored: int = MIN_SCORED_FOR_NORMALISATION,
         discuss_threshold: float = DISCUSS_THRESHOLD, application_ids=(), method: str = ZSCORES,
         summed=None) -> Ranking:
    """The whole ranking of a round. `application_ids` adds applications nobody has scored yet; `method` is the
    calibration ranked on (RAW, ZSCORES or FITTED); `summed`, the (totals, incomplete) of `weighted_totals` when
    the database already added them up (`rows` is then unread)."""
    totals, incomplete = summed if summed is not None else weighted_totals(rows, criteria)
    profiles = juror_profiles(totals, min_scored)
    normalised = normalise(totals, profiles)
    fit = calibration.fit(totals) if method == FITTED else None
    if fit is not None and fit.fallback is None:
        for juror, profile in profiles.items():
            profile.fitted_bias, profile.fitted_scale = fit.bias[juror], fit.scale[juror]
    calibrated = {RAW: totals, ZSCORES: normalised}.get(method, fit.calibrated if fit else totals)
    results = {application: ApplicationResult(application) for application in application_ids}
    for (application, juror), total in totals.items():
        result = results.get(application)
        if result is None:
            result = results[application] = ApplicationResult(application)
        result.totals[juror] = total
        result.normalised_totals[juror] = normalised[(application, juror)]
        result.calibrated_totals[juror] = calibrated[(application, juror)]
    for result in results.values():
        values = list(result.totals.values())
        result.count = len(values)
        if values:
            result.mean = fmean(values)
            result.median = median(values)
            result.spread = max(values) - min(values)
            result.normalised_mean = fmean(result.normalised_totals.values())
            result.calibrated_spread = max(result.calibrated_totals.values()) - min(result.calibrated_totals.values())
            result.score = {RAW: result.mean, ZSCORES: result.normalised_mean}.get(
                method, fit.quality[result.application_id] if fit else result.mean)
            result.to_discuss = result.count > 1 and result.calibrated_spread > discuss_threshold
    ordered = _ranks(list(results.values()), inplace=True)
    return Ranking(ordered, profiles, incomplete, [result for result in ordered if result.to_discuss], method,
                   fit.fallback if fit else None)


def _sort_key(result):
    unscored = result.score is None
    return (unscored, -(result.score or 0), -(result.mean or 0), result.application_id)


def _ranks(results: list, *, inplace: bool) -> list:
    """Sort best first and give competition ranks; with inplace=False, rank copies (category rankings)."""
    results.sort(key=_sort_key)
    ranked, previous = [], None
    previous_rank: int | None = 0
    current_rank: int | None
    for position, result in enumerate(results, start=1):
        if result.score is None:
            current_rank = None
        elif previous is not None and _same_score(previous, result):
            current_rank = previous_rank
        else:
            current_rank = position
        if not inplace:
            result = ApplicationResult(**{**result.__dict__})
        result.rank = current_rank
        ranked.append(result)
        previous, previous_rank = result, current_rank
    return ranked


def _same_score(a, b, tolerance=1e-9):
    return abs(a.score - b.score) < tolerance and abs(a.mean - b.mean) < tolerance

