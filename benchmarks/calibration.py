"""Benchmark of the jury's calibration methods on simulated rounds whose truth is known.

Run with `.venv/bin/python benchmarks/calibration.py [seeds]` (200 seeds by default). No database: it calls the
pure functions of `jury/scoring.py` and `jury/calibration.py` on made-up totals.

Each round has 40 files and 6 jurors, 3 jurors per file. A file has a true quality (uniform on 20-90 out of 100);
a juror a bias (normal, sd 8 points) and a scale (uniform 0.6-1.5); each total is
``quality_mean + scale * (quality - quality_mean) + bias + noise`` (noise sd 5), clipped to 0-100.
Three assignment designs:

* ``équilibré``: each file to 3 jurors drawn at random among the least loaded;
* ``par catégorie``: 4 categories of 10 files; each juror covers 2 neighbouring categories (so the assignment
  graph stays connected through the overlaps), files go to the least loaded jurors of their category;
* ``déséquilibré``: like ``équilibré``, but juror 1 is given the 10 strongest files (and only those).

For raw means, per-juror z-scores (`scoring.normalise`) and the fitted model (`calibration.fit`), it prints the mean
Kendall τ between the estimated and the true order of the files, and the mean overlap of the estimated and true
top 8 (out of 8), over all seeds.
"""

import os
import random
import sys
from itertools import combinations
from pathlib import Path
from statistics import fmean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interconnectes.settings.test")

import django

django.setup()

from jury import calibration, scoring  # noqa: E402

FILES, JURORS, PER_FILE, TOP = 40, 6, 3, 8
CATEGORIES = 4


def kendall_tau(estimated: dict, truth: dict) -> float:
    """Kendall's τ-a between two scorings of the same files: (concordant - discordant) / pairs."""
    concordant = discordant = 0
    for a, b in combinations(truth, 2):
        sign = (estimated[a] - estimated[b]) * (truth[a] - truth[b])
        if sign > 0:
            concordant += 1
        elif sign < 0:
            discordant += 1
    pairs = len(truth) * (len(truth) - 1) / 2
    return (concordant - discordant) / pairs


def top_overlap(estimated: dict, truth: dict, size: int = TOP) -> int:
    best = set(sorted(truth, key=truth.get, reverse=True)[:size])
    chosen = set(sorted(estimated, key=estimated.get, reverse=True)[:size])
    return len(best & chosen)


def least_loaded(rng, candidates, loads, count):
    pool = sorted(candidates, key=lambda juror: (loads[juror], rng.random()))
    chosen = pool[:count]
    for juror in chosen:
        loads[juror] += 1
    return chosen


def assign(design: str, quality: dict, rng) -> list:
    files = list(quality)
    loads = dict.fromkeys(range(JURORS), 0)
    pairs = []
    if design == "déséquilibré":
        strongest = sorted(files, key=quality.get, reverse=True)[:10]
        for file_id in strongest:
            loads[0] += 1
            pairs += [(file_id, 0)] + [(file_id, j) for j in least_loaded(rng, range(1, JURORS), loads, PER_FILE - 1)]
        for file_id in files:
            if file_id not in strongest:
                pairs += [(file_id, j) for j in least_loaded(rng, range(1, JURORS), loads, PER_FILE)]
        return pairs
    if design == "par catégorie":
        size = FILES // CATEGORIES
        # juror j covers categories j % 4 and (j + 1) % 4: every category has 3 jurors, neighbours share one.
        covers = {juror: {juror % CATEGORIES, (juror + 1) % CATEGORIES} for juror in range(JURORS)}
        for position, file_id in enumerate(files):
            category = position // size
            jurors = [juror for juror in range(JURORS) if category in covers[juror]]
            pairs += [(file_id, j) for j in least_loaded(rng, jurors, loads, min(PER_FILE, len(jurors)))]
        return pairs
    for file_id in files:
        pairs += [(file_id, j) for j in least_loaded(rng, range(JURORS), loads, PER_FILE)]
    return pairs


def simulate(design: str, seed: int) -> dict:
    rng = random.Random(seed)
    quality = {file_id: rng.uniform(20, 90) for file_id in range(FILES)}
    centre = fmean(quality.values())
    bias = {juror: rng.gauss(0, 8) for juror in range(JURORS)}
    scale = {juror: rng.uniform(0.6, 1.5) for juror in range(JURORS)}
    totals = {}
    for file_id, juror in assign(design, quality, rng):
        value = centre + scale[juror] * (quality[file_id] - centre) + bias[juror] + rng.gauss(0, 5)
        totals[(file_id, juror)] = min(100.0, max(0.0, value))
    by_file: dict = {}
    for (file_id, _juror), total in totals.items():
        by_file.setdefault(file_id, []).append(total)
    raw = {file_id: fmean(values) for file_id, values in by_file.items()}
    normalised = scoring.normalise(totals, scoring.juror_profiles(totals))
    by_file_z: dict = {}
    for (file_id, _juror), total in normalised.items():
        by_file_z.setdefault(file_id, []).append(total)
    zscores = {file_id: fmean(values) for file_id, values in by_file_z.items()}
    fitted = calibration.fit(totals)
    return {name: (kendall_tau(estimate, quality), top_overlap(estimate, quality))
            for name, estimate in (("moyenne brute", raw), ("z-scores", zscores), ("modèle ajusté", fitted.quality))}


def main(seeds: int = 200) -> None:
    print(f"{FILES} dossiers, {JURORS} jurés, {PER_FILE} jurés par dossier, {seeds} tirages par plan")
    print(f"{'plan':<15} {'méthode':<15} {'tau de Kendall':>15} {'top 8 commun':>13}")
    for design in ("équilibré", "par catégorie", "déséquilibré"):
        results: dict = {}
        for seed in range(seeds):
            for method, (tau, overlap) in simulate(design, seed).items():
                results.setdefault(method, []).append((tau, overlap))
        for method, values in results.items():
            tau = fmean(value[0] for value in values)
            overlap = fmean(value[1] for value in values)
            print(f"{design:<15} {method:<15} {tau:>15.3f} {overlap:>11.2f}/8")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
