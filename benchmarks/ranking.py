"""Benchmark of `jury.progress.round_ranking`: 500 applications × 12 jurors × 6 criteria.

Run with `.venv/bin/python benchmarks/ranking.py`. It builds the data in a
throwaway test database (SQLite in memory, or `test_<name>` on PostgreSQL when
DATABASE_URL names one), times the ranking (best of 3), counts its SQL
queries, prints the figures and destroys the database.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "interconnectes.settings.test"

import django

django.setup()

import datetime  # noqa: E402
import random  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

APPLICATIONS, JURORS, CRITERIA, REPEAT = 500, 12, 6, 3


def build():
    from jury.models import JuryMember, JuryRound, Score
    from jury.services.criteria import freeze_if_open
    from labels.models import Application, ApplicationStatus, EvaluationCriterion, LabelCampaignPage

    now = timezone.now()
    campaign = Page.get_first_root_node().add_child(instance=LabelCampaignPage(
        title="Banc d'essai", slug="banc-essai", year=2026, opens_at=now - datetime.timedelta(days=90),
        closes_at=now - datetime.timedelta(days=30)))
    EvaluationCriterion.objects.bulk_create(
        [EvaluationCriterion(page=campaign, name=f"Critère {n}", weight=n, max_score=10, sort_order=n)
         for n in range(1, CRITERIA + 1)])
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"jure{n}", email=f"jure{n}@example.org") for n in range(JURORS)])
    jurors = JuryMember.objects.bulk_create([JuryMember(campaign=campaign, user=user) for user in users])
    applications = Application.objects.bulk_create(
        [Application(campaign=campaign, status=ApplicationStatus.SUBMITTED, reference=f"BE-{n:04d}",
                     org_name=f"Commune {n}", title=f"Projet {n}") for n in range(APPLICATIONS)],
        batch_size=500)
    jury_round = JuryRound.objects.create(campaign=campaign, number=1, name="Tour 1",
                                          opens_at=now - datetime.timedelta(days=20),
                                          closes_at=now - datetime.timedelta(days=1))
    freeze_if_open(jury_round, now)
    criteria = jury_round.scoring_criteria()
    # Plausible scores: each file has a quality, each juror a severity (some harsh, some lenient), plus noise.
    rng = random.Random(2026)
    quality = {application.pk: rng.uniform(2, 9) for application in applications}
    severity = {juror.pk: rng.uniform(-1.5, 1.5) for juror in jurors}

    def score(application, juror, criterion):
        value = max(0, min(10, round(quality[application.pk] + severity[juror.pk] + rng.gauss(0, 1))))
        return Score(round=jury_round, juror=juror, application=application, criterion=criterion, value=value,
                     comment="" if value else "Insuffisant", updated_at=now)

    Score.objects.bulk_create(
        [score(application, juror, criterion)
         for application in applications for juror in jurors for criterion in criteria],
        batch_size=5000)
    return jury_round


def main():
    from jury.models import Score
    from jury.progress import round_ranking

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        jury_round = build()
        built_in = time.perf_counter() - started
        timings = []
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                result = round_ranking(jury_round)
                timings.append(time.perf_counter() - started)
        ranking = result.ranking
        print(f"database: {connection.vendor}")
        print(f"data: {APPLICATIONS} applications x {JURORS} jurors x {CRITERIA} criteria = "
              f"{Score.objects.count()} scores (built in {built_in:.1f} s)")
        print(f"round_ranking: best of {REPEAT} = {min(timings) * 1000:.0f} ms "
              f"(all: {', '.join(f'{t * 1000:.0f}' for t in timings)} ms), {len(queries.captured_queries)} SQL queries")
        best = ranking.results[0]
        print(f"ranked: {len(ranking.results)} applications, {len(ranking.jurors)} jurors, "
              f"{len(ranking.to_discuss)} à discuter; first: application {best.application_id} "
              f"(normalised mean {best.normalised_mean:.2f}, raw mean {best.mean:.2f})")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
