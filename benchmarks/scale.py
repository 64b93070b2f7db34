"""Pages at the demo's size, at 10× and at 100×: queries, render time and HTML size, side by side.

Run with `.venv/bin/python benchmarks/scale.py [FACTOR…]` (default: 1 10 100). It builds the demo
content once (`migrate` and `load_demo_content` in `var/bench/demo.sqlite3`), copies it into one
throwaway SQLite file per factor under `var/bench/` and grows each copy: people, Journées experts with
their programmes (one speaker in every new one), manifestos, laureates of the published campaign, and
the demo's jury round grown to 20 × FACTOR files scored by 20 jurors on every criterion (each file a
quality, each juror a severity, plus noise, as in `ranking.py`: scores cycling through the scale with
no file better than another keep the fitted calibration searching for hundreds of passes, which no real
round asks of it). Then, in one process per data set, it requests each page type through Django's test
client as an anonymous reader (campaign staff for the jury's pages) with the whole-page cache off, and
prints a Markdown table: the queries of a cold request, the median time of a cold render (every cache
emptied), of a render from warm fragments, and the HTML size. Times are the process's CPU time: SQLite
runs inside it, so the database's work counts, while other work sharing the machine does not. The process puts
what it loaded out of the garbage collector's reach before measuring, as the app server's workers do. For the
ranking, "warm" is a later click once the ranking is cached. Compare the columns of one run.
"""

import datetime
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "var" / "bench"
DEMO = BENCH / "demo.sqlite3"
RENDERS = 5


def setup_django(database: Path):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "interconnectes.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()


def build_demo():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)


def grow(factor: int):
    """Multiply the demo's content by `factor` with bulk writes (pages through treebeard, one by one)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from events.models import JourneeExpertPage, ParticipantRole, ProgrammeSession, SessionParticipant, TourPage
    from interconnectes.models import Person
    from jury.models import Assignment, JuryMember, JuryRound, Score
    from labels.models import Application, ApplicationStatus
    from manifestes.models import ManifestoIndexPage, ManifestoKind, ManifestoPage

    extra = factor - 1
    if extra <= 0:
        return
    people = Person.objects.bulk_create([Person(name=f"Personne {n}", slug=f"personne-{factor}-{n}")
                                         for n in range(46 * extra)])
    star = people[0]
    agenda = TourPage.objects.live().order_by("pk").first().get_parent()
    start = datetime.date(2010, 1, 5)
    for n in range(15 * extra):
        if n % 10 == 0:  # a season of ten stops, as the real tours have
            tour = agenda.add_child(instance=TourPage(title=f"Saison {n // 10}", slug=f"saison-{n // 10}",
                                                      intro="Une saison."))
        stop = tour.add_child(instance=JourneeExpertPage(
            title=f"Journée {n}", slug=f"journee-{n}", start_date=start + datetime.timedelta(days=2 * n),
            start_time=datetime.time(9), end_time=datetime.time(17), city="Tours", intro="Une journée."))
        sessions = ProgrammeSession.objects.bulk_create([ProgrammeSession(
            page=stop, day=stop.start_date, start_time=datetime.time(9 + k % 8), end_time=datetime.time(10 + k % 8),
            kind="table-ronde", title=f"Session {k}", sort_order=k) for k in range(10)])
        SessionParticipant.objects.bulk_create(
            [SessionParticipant(session=sessions[0], person=star, role=ParticipantRole.SPEAKER, sort_order=0)]
            + [SessionParticipant(session=session, person=people[(n * 10 + k) % len(people)],
                                  role=ParticipantRole.SPEAKER, sort_order=1) for k, session in enumerate(sessions)])
    index = ManifestoIndexPage.objects.live().first()
    for n in range(5 * extra):
        index.add_child(instance=ManifestoPage(title=f"Manifeste {n}", slug=f"manifeste-{n}", intro="Un texte.",
                                               kind=ManifestoKind.MANIFESTO,
                                               adoption_date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n)))
    round1 = JuryRound.objects.filter(number=1).select_related("campaign").first()
    laureate = Application.objects.filter(status=ApplicationStatus.LAUREATE).first()
    Application.objects.bulk_create([Application(
        campaign_id=laureate.campaign_id, status=ApplicationStatus.LAUREATE, org_name=f"Commune {n}",
        org_region=laureate.org_region, category_id=laureate.category_id, title=f"Projet {n}",
        published_citation="Le jury salue le projet.") for n in range(100 * extra)])
    users = get_user_model().objects.bulk_create([get_user_model()(username=f"jure-{factor}-{n}",
                                                                   email=f"jure-{factor}-{n}@example.org")
                                                  for n in range(14)])
    JuryMember.objects.bulk_create([JuryMember(campaign=round1.campaign, user=user, display_name=f"Juré {n}")
                                    for n, user in enumerate(users)])
    jurors = list(JuryMember.objects.filter(campaign=round1.campaign))
    files = Application.objects.bulk_create([Application(
        campaign=round1.campaign, status=ApplicationStatus.SUBMITTED, org_name=f"Ville {n}",
        reference=f"TI-2025-{9000 + n:05d}", title=f"Dossier {n}", category_id=laureate.category_id)
        for n in range(20 * factor)])
    criteria = list(round1.frozen_criteria.all())
    now = timezone.now()
    draw = random.Random(factor)
    quality = [draw.uniform(0.2, 0.9) for _file in files]
    severity = [draw.gauss(0, 0.08) for _juror in jurors]

    def value(f, j, top):
        return max(0, min(top, round(top * (quality[f] + severity[j] + draw.gauss(0, 0.1)))))

    Assignment.objects.bulk_create([Assignment(round=round1, juror=juror, application=file)
                                    for file in files for juror in jurors], batch_size=5000)
    Score.objects.bulk_create([Score(round=round1, juror=juror, application=file, criterion=criterion,
                                     value=value(f, j, criterion.max_score), updated_at=now)
                               for f, file in enumerate(files) for j, juror in enumerate(jurors)
                               for criterion in criteria], batch_size=5000)


def logged(queries, execute, sql, params, many, context):
    """A database execute wrapper that notes each query in `queries`."""
    queries.append(sql)
    return execute(sql, params, many, context)


def measure() -> list:
    """[(page, queries, cold ms, warm ms, KB)] for this process's data set."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from events.models import EventIndexPage, JourneeExpertPage, TourPage
    from interconnectes.models import Person
    from jury.models import JuryRound
    from labels.models import LabelIndexPage
    from manifestes.models import ManifestoIndexPage, ManifestoPage

    agenda = EventIndexPage.objects.live().first()
    speaker = Person.objects.annotate(count=Count("participations")).order_by("-count", "pk").first()
    jury_round = JuryRound.objects.filter(number=1).first()
    public = {
        "accueil": "/",
        "agenda": agenda.url,
        "agenda, page 2 des passés": agenda.url + "?page=2",
        "tournée": TourPage.objects.live().order_by("pk").first().url,
        "Journée expert (Tours 2025)": JourneeExpertPage.objects.get(slug="tours-2025").url,
        "intervenant·e le plus présent": f"{agenda.url}intervenants/{speaker.slug}/",
        "manifestes": ManifestoIndexPage.objects.live().first().url,
        "un manifeste": ManifestoPage.objects.live().order_by("-adoption_date").first().url,
        "lauréats": LabelIndexPage.objects.live().first().url + "laureats/",
        "recherche": "/recherche/?q=numérique",
        "sitemap.xml": "/sitemap.xml",
    }
    staff = {
        "jury : classement": reverse("jury:ranking", args=[jury_round.pk]),
        "jury : suivi": reverse("jury:progress", args=[jury_round.pk]),
    }
    rows = []
    anonymous, team = Client(), Client()
    team.force_login(get_user_model().objects.get(username="equipe@example.org"))
    for audience, pages in ((anonymous, public), (team, staff)):
        for name, url in pages.items():
            cache.clear()
            queries: list = []
            with connection.execute_wrapper(partial(logged, queries)):
                response = audience.get(url)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
            cold, warm = [], []
            for _ in range(RENDERS):
                cache.clear()
                started = time.process_time()
                audience.get(url)
                cold.append(time.process_time() - started)
            audience.get(url)
            for _ in range(RENDERS):
                started = time.process_time()
                audience.get(url)
                warm.append(time.process_time() - started)
            rows.append((name, len(queries), statistics.median(cold) * 1000, statistics.median(warm) * 1000,
                         size / 1024))
    return rows


def child(database: str, factor: int):
    setup_django(Path(database))
    if factor == 0:
        build_demo()
        return
    if not Path(database + ".grown").exists():
        from django.db import transaction

        with transaction.atomic():  # all or nothing: a failed run leaves the copy as it was
            grow(factor)
        Path(database + ".grown").write_text("1")
    gc.freeze()  # as an app server's worker does once it has loaded the site (gunicorn.conf.py)
    print(json.dumps(measure()))


def main():
    factors = [int(arg) for arg in sys.argv[1:]] or [1, 10, 100]
    BENCH.mkdir(parents=True, exist_ok=True)
    if not DEMO.exists():
        print("Construction du contenu de démonstration…", file=sys.stderr)
        subprocess.run([sys.executable, __file__, "--child", str(DEMO), "0"], check=True)
    results = {}
    for factor in factors:
        database = BENCH / f"scale-{factor}.sqlite3"
        if not database.exists():
            shutil.copy(DEMO, database)
        print(f"Données ×{factor}…", file=sys.stderr)
        output = subprocess.run([sys.executable, __file__, "--child", str(database), str(factor)], check=True,
                                stdout=subprocess.PIPE, text=True).stdout
        results[factor] = json.loads(output.strip().splitlines()[-1])
    header = " | ".join(f"×{factor} : requêtes, froid ms CPU, chaud ms CPU, Ko" for factor in factors)
    print(f"| page | {header} |")
    print("|---" * (len(factors) + 1) + "|")
    for position, (name, *_figures) in enumerate(results[factors[0]]):
        cells = " | ".join("{1}, {2:.0f}, {3:.0f}, {4:.0f}".format(*results[factor][position]) for factor in factors)
        print(f"| {name} | {cells} |")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
