"""Calibration of jurors' totals that survives uneven assignments: pure Python, no ORM, no numpy.

Why
---
Per-juror standardisation (z-scores) assumes every juror saw a comparable set
of files: a juror who happened to be given the strongest files has a high mean
and gets "corrected" down, as if they were lenient. Fitting the files and the
jurors together over the whole assignment graph (Roos, Rothe and Scheuermann,
AAAI 2011) separates the two: a juror looks lenient only by comparison with the
other jurors on the same files.

Model
-----
With ``m`` the mean of all totals, each total is modelled as::

    total(file, juror) = m + scale(juror) * relative_quality(file) + bias(juror)

fitted by regularised least squares over every (file, juror) total of the
round, by alternating least squares (each step is an exact minimisation of one
block of unknowns, so the loss never increases), each pass followed by the
exact minimum along the two directions that leave every residual unchanged
(a common offset between qualities and biases, a common unit between qualities
and scales): only the priors fix those, and block steps alone crawl along them
(a national round stopped 500 passes short of its minimum; it now takes a few
dozen):

* ``relative_quality(file) = sum_j s_j (y - m - b_j) / sum_j s_j^2``;
* ``bias(juror) = sum_a (y - m - s_j q_a) / (n_j + BIAS_PRIOR)``: the ridge
  penalty ``BIAS_PRIOR * b^2`` shrinks the bias of a juror who scored few files
  towards 0 (with 3 files and a prior of 2, three fifths of the apparent bias
  is kept), and fixes the otherwise free offset between biases and qualities;
* ``scale(juror)``, only for a juror who scored at least ``MIN_FOR_SCALE``
  files (1 for the others), ``(sum_a q_a (y - m - b_j) + SCALE_PRIOR) /
  (sum_a q_a^2 + SCALE_PRIOR)``, pulled towards 1 and kept within [0.25, 4].

The file's **fitted quality** is ``m + relative_quality``; a juror's
**calibrated total** on a file is the fitted quality plus what the model does
not explain of their total (``y - m - scale * relative_quality - bias``): their
own opinion of the file, with their severity and scale taken out and their
disagreement kept as it is (dividing by a small scale would blow it up). Its
spread over the file's jurors decides "à discuter".

Fallback
--------
The fit needs at least two jurors, two files and one connected assignment
graph (every file reachable from every other through shared jurors): otherwise
the offset between two groups of jurors cannot be told from the quality of
their files. Then the qualities are the raw means, biases 0, scales 1, and
``fallback`` says why, in French, for the ranking page.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from django.utils.translation import gettext as _

BIAS_PRIOR = 2.0
SCALE_PRIOR = 2.0
MIN_FOR_SCALE = 5
SCALE_BOUNDS = (0.25, 4.0)
ITERATIONS = 500
TOLERANCE = 1e-10


@dataclass
class Fit:
    quality: dict  # file id -> fitted quality (on the totals' scale)
    bias: dict = field(default_factory=dict)  # juror id -> fitted bias (points; > 0 lenient)
    scale: dict = field(default_factory=dict)  # juror id -> fitted scale (1: the common one)
    calibrated: dict = field(default_factory=dict)  # (file id, juror id) -> calibrated total
    fallback: str | None = None  # why the fit fell back to raw means, in French; None when it was fitted
    iterations: int = 0


def _components(totals) -> int:
    """Number of connected components of the bipartite file-juror graph.

    Every file hangs on the jurors who scored it, so the graph is connected when the jurors are, two jurors being
    linked by a file they both scored: a union-find over the few jurors, fed once per distinct set of a file's
    jurors, rather than over the 40,000 (file, juror) pairs of a national round."""
    jurors_of = defaultdict(set)
    for file_id, juror_id in totals:
        jurors_of[file_id].add(juror_id)
    parent = {juror_id: juror_id for _file_id, juror_id in totals}

    def find(juror_id):
        while parent[juror_id] != juror_id:
            parent[juror_id] = parent[parent[juror_id]]
            juror_id = parent[juror_id]
        return juror_id

    for first, *others in {frozenset(jurors) for jurors in jurors_of.values()}:
        for other in others:
            parent[find(other)] = find(first)
    return len({find(juror_id) for juror_id in parent})


def raw_means(totals: dict, reason: str | None) -> Fit:
    by_file = defaultdict(list)
    for (file_id, _juror), total in totals.items():
        by_file[file_id].append(total)
    jurors = {juror for _file, juror in totals}
    return Fit({file_id: fmean(values) for file_id, values in by_file.items()}, dict.fromkeys(jurors, 0.0),
               dict.fromkeys(jurors, 1.0), dict(totals), reason)


def fallback_reason(totals: dict) -> str | None:
    """Why the model cannot be fitted on these totals (French), or None."""
    files = {file_id for file_id, _juror in totals}
    jurors = {juror for _file, juror in totals}
    if len(jurors) < 2:
        return _("Un seul juré a noté : le classement suit les moyennes brutes.")
    if len(files) < 2:
        return _("Un seul dossier noté : le classement suit les moyennes brutes.")
    if _components(totals) > 1:
        return _("Les jurés se partagent des groupes de dossiers sans juré commun : leur sévérité ne peut être "
                 "comparée, le classement suit les moyennes brutes.")
    return None


def fit(totals: dict, *, bias_prior: float = BIAS_PRIOR, scale_prior: float = SCALE_PRIOR,
        min_for_scale: int = MIN_FOR_SCALE) -> Fit:
    """Fit quality per file, bias (and scale) per juror on `totals` {(file id, juror id): total}."""
    if not totals:
        return Fit({})
    reason = fallback_reason(totals)
    if reason is not None:
        return raw_means(totals, reason)
    mean = fmean(totals.values())
    by_file, by_juror = defaultdict(list), defaultdict(list)
    for (file_id, juror_id), total in totals.items():
        by_file[file_id].append((juror_id, total - mean))
        by_juror[juror_id].append((file_id, total - mean))
    # Unknowns and rows by position rather than by id, each sum over a list: the same arithmetic in the same order
    # as the formulas above, several times faster (a national round runs hundreds of passes over 40,000 totals).
    files, jurors = list(by_file), list(by_juror)
    file_position = {file_id: position for position, file_id in enumerate(files)}
    juror_position = {juror_id: position for position, juror_id in enumerate(jurors)}
    file_rows = [([juror_position[j] for j, _y in rows], [y for _j, y in rows]) for rows in by_file.values()]
    juror_rows = [([file_position[a] for a, _y in rows], [y for _a, y in rows]) for rows in by_juror.values()]
    quality, bias, scale = [0.0] * len(files), [0.0] * len(jurors), [1.0] * len(jurors)
    scaled = [position for position, (_files, ys) in enumerate(juror_rows) if len(ys) >= min_for_scale]
    low, high = SCALE_BOUNDS
    iteration = 0
    for iteration in range(1, ITERATIONS + 1):  # noqa: B007 # reported in the Fit
        change = 0.0
        squares = [value ** 2 for value in scale]
        for position, (js, ys) in enumerate(file_rows):
            value = sum([scale[j] * (y - bias[j]) for j, y in zip(js, ys, strict=True)]) / sum([squares[j] for j in js])
            change, quality[position] = max(change, abs(value - quality[position])), value
        for position, (files_of, ys) in enumerate(juror_rows):
            juror_scale = scale[position]
            value = (sum([y - juror_scale * quality[a] for a, y in zip(files_of, ys, strict=True)])
                     / (len(ys) + bias_prior))
            change, bias[position] = max(change, abs(value - bias[position])), value
        squares = [value ** 2 for value in quality]
        for position in scaled:
            (files_of, ys), juror_bias = juror_rows[position], bias[position]
            value = ((sum([quality[a] * (y - juror_bias) for a, y in zip(files_of, ys, strict=True)]) + scale_prior)
                     / (sum([squares[a] for a in files_of]) + scale_prior))
            value = min(high, max(low, value))
            change, scale[position] = max(change, abs(value - scale[position])), value
        # Every quality up by c and every bias down by scale * c leaves each residual as it is: only the biases'
        # prior changes, and the block steps above follow that direction by a factor n / (n + BIAS_PRIOR) per pass
        # (thousands of passes for a juror with hundreds of files). The prior's exact minimum along it is taken here.
        shift = sum([s * b for s, b in zip(scale, bias, strict=True)]) / sum([s * s for s in scale])
        quality = [value + shift for value in quality]
        bias = [value - s * shift for s, value in zip(scale, bias, strict=True)]
        change = max(change, abs(shift))
        if len(scaled) == len(jurors):
            # Likewise, when every juror has a scale: qualities divided by u and scales multiplied by u leave every
            # residual as it is; only the scales' prior changes, with its minimum at u = sum(s) / sum(s^2).
            factor = sum(scale) / sum([value * value for value in scale])
            if low <= min(scale) * factor and max(scale) * factor <= high:
                scale = [value * factor for value in scale]
                quality = [value / factor for value in quality]
                change = max(change, abs(factor - 1))
        if change < TOLERANCE:
            break
    quality_of = dict(zip(files, quality, strict=True))
    bias_of, scale_of = dict(zip(jurors, bias, strict=True)), dict(zip(jurors, scale, strict=True))
    calibrated = {key: mean + quality_of[key[0]] + (total - mean - scale_of[key[1]] * quality_of[key[0]]
                                                     - bias_of[key[1]])
                  for key, total in totals.items()}
    return Fit({file_id: mean + value for file_id, value in quality_of.items()}, bias_of, scale_of, calibrated, None,
               iteration)
