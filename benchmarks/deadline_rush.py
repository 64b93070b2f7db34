"""Deadline rush on PostgreSQL: 200 applicants save their drafts again and again, then all submit at once.

Run with `DATABASE_URL=postgres://… .venv/bin/python benchmarks/deadline_rush.py` (PostgreSQL only:
row locks are what is measured). It creates a throwaway database on that
server (`bench_rush_<pid>`, dropped afterwards), migrates it, and builds an
open campaign whose deadline is DEADLINE_IN from now, with APPLICANTS accounts
(created directly, each with a complete draft and a session made server-side:
logging 200 people in through the form would only measure password hashing).
It then starts gunicorn on loopback with the production settings (DEBUG off,
a throwaway SECRET_KEY, the project's gunicorn.conf.py) and lets every
applicant, in its own thread and at the same time, save its "projet" step
SAVES times (autosave requests and form posts, alternately) and submit;
one in four double-clicks the submit button (two requests at once).

It prints the server errors (must be 0), the lost drafts (the last summary
each client sent against the database and the submitted version: must be 0),
the submissions per applicant (exactly one version each, counted by a query)
and the receipt e-mails queued (one each). Bounded: about a minute here.
"""

import os
import random
import secrets
import string
import sys
import tempfile
import threading
import time
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

import harness

APPLICANTS, SAVES = 200, 6
DEADLINE_IN = 300  # seconds from the start of the rush


def build(deadline_in):
    """An open campaign closing in `deadline_in` seconds and APPLICANTS applicants with a complete draft."""
    import datetime
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.models import Page, Site

    from interconnectes.models import HomePage, OrganisationKind
    from interconnectes.regions import Region
    from interconnectes.validators import luhn_valid
    from labels.models import Application, CampaignCategory, LabelCampaignPage, LabelIndexPage

    now = timezone.now()
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Accueil", slug="accueil-banc",
                                                                  hero_title="Banc d'essai"))
    Site.objects.update(root_page=home)
    index = home.add_child(instance=LabelIndexPage(title="Les labels", slug="labels"))
    campaign = index.add_child(instance=LabelCampaignPage(
        title="Territoire innovant (banc d'essai)", slug="banc-essai", year=now.year,
        opens_at=now - datetime.timedelta(days=30), closes_at=now + datetime.timedelta(seconds=deadline_in)))
    category = CampaignCategory.objects.create(page=campaign, name="Transition écologique")

    def siren(n):
        base = f"{21350000 + n:08d}"
        return next(base + str(check) for check in range(10) if luhn_valid(base + str(check)))

    password = make_password(secrets.token_urlsafe(16))  # one hash for everyone: nobody logs in with it
    users = get_user_model().objects.bulk_create([
        get_user_model()(username=f"candidat{n}@example.org", email=f"candidat{n}@example.org", password=password,
                         first_name="Camille", last_name=f"Martin{n}") for n in range(APPLICANTS)])
    applications = Application.objects.bulk_create([Application(
        campaign=campaign, owner=user, org_name=f"Commune de Saint-Exemple {n}", org_kind=OrganisationKind.COMMUNE,
        org_region=Region.BRETAGNE, siren=siren(n), population=4200, contact_name="Camille Martin",
        contact_email=user.email, category=category, title=f"Projet {n}", summary="Premier jet.",
        problem="Près de 20 % des repas préparés étaient jetés.", solution="Un modèle prévoit les repas.",
        impact="Gaspillage réduit de 30 % en un an.", budget=45000, funding="Fonds propres.",
        data_protection="Aucune donnée personnelle.", consent_rules=True, consent_data=True,
    ) for n, user in enumerate(users)])
    store = import_module(settings.SESSION_ENGINE).SessionStore
    clients = []
    for user, application in zip(users, applications, strict=True):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        clients.append({"application": application.pk, "category": category.pk, "title": application.title,
                        "session": session.session_key,
                        "csrf": "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))})
    return campaign, clients


class Applicant(threading.Thread):
    """One applicant's browser: its own keep-alive connection, session and CSRF cookies."""

    def __init__(self, port, client, start, double_click):
        super().__init__()
        self.port, self.client, self.start_event, self.double_click = port, client, start, double_click
        self.rng = random.Random(client["application"])
        self.statuses, self.latencies, self.last_summary = Counter(), [], None
        self.unexpected, self.connection_errors = [], []

    def post(self, path, data, headers=None, connection=None):
        connection = connection or self.connection
        body = urlencode({**data, "csrfmiddlewaretoken": self.client["csrf"]})
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Cookie": f"sessionid={self.client['session']}; csrftoken={self.client['csrf']}", **(headers or {})}
        started = time.perf_counter()
        try:
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            response.read()
        except OSError as error:
            self.connection_errors.append(f"{path}: {error!r}")
            connection.close()
            return 0
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status] += 1
        return response.status

    def run(self):
        self.connection = HTTPConnection("127.0.0.1", self.port, timeout=120)
        pk = self.client["application"]
        step = f"/candidatures/{pk}/etape/projet/"
        self.start_event.wait()
        for version in range(1, SAVES + 1):
            summary = f"Résumé, version {version}, de la candidature {pk} ({secrets.token_hex(4)})."
            data = {"category": self.client["category"], "title": self.client["title"], "summary": summary,
                    "problem": "Près de 20 % des repas préparés étaient jetés.",
                    "solution": "Un modèle prévoit les repas.", "partners": ""}
            if version % 2:
                status = self.post(step, data, {"X-Autosave": "1"})
                expected = 200
            else:
                status = self.post(step, {**data, "action": "save"})
                expected = 302
            if status == expected:
                self.last_summary = summary
            elif status:
                self.unexpected.append(f"{step}: {status}")
            time.sleep(self.rng.uniform(0, 0.4))
        submit = f"/candidatures/{pk}/deposer/"
        consent = {"consent_rules": "on", "consent_data": "on"}
        if self.double_click:
            second = HTTPConnection("127.0.0.1", self.port, timeout=120)
            other = threading.Thread(target=self.post, args=(submit, consent), kwargs={"connection": second})
            other.start()
            self.post(submit, consent)
            other.join()
            second.close()
        else:
            self.post(submit, consent)
        self.connection.close()


def main():
    with tempfile.TemporaryDirectory(prefix="bench-rush-") as tmp:
        workdir = Path(tmp)
        with harness.throwaway_database(workdir, "bench_rush", require_postgresql=True) as database_url:
            env = harness.environment(workdir, database_url)
            os.environ.update(env)
            sys.path[:0] = [str(workdir), str(harness.ROOT)]
            import django
            from django.core.management import call_command
            from django.db import connections

            django.setup()
            call_command("migrate", verbosity=0)
            harness.manage(env, "collectstatic", "--noinput")
            campaign, clients = build(DEADLINE_IN)
            connections.close_all()
            rng = random.Random(2026)
            with harness.gunicorn(env, workdir) as port:
                start = threading.Event()
                applicants = [Applicant(port, client, start, double_click=rng.random() < 0.25) for client in clients]
                for applicant in applicants:
                    applicant.start()
                started = time.perf_counter()
                start.set()
                for applicant in applicants:
                    applicant.join()
                elapsed = time.perf_counter() - started
            ok = report(campaign, applicants, elapsed)
            connections.close_all()
            return 0 if ok else 1


def report(campaign, applicants, elapsed) -> bool:
    """Print the figures; True when nothing was lost, duplicated or answered with a server error."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from labels.models import Application, ApplicationStatus

    statuses = sum((applicant.statuses for applicant in applicants), Counter())
    latencies = [latency for applicant in applicants for latency in applicant.latencies]
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    connection_errors = sum(len(applicant.connection_errors) for applicant in applicants)
    rows = {row["pk"]: row for row in Application.objects.filter(campaign=campaign)
            .annotate(versions_count=Count("versions")).values("pk", "summary", "status", "versions_count")}
    versions = {pk: summary for pk, summary in Application.objects.filter(campaign=campaign)
                .values_list("pk", "versions__snapshot__summary")}
    lost = [pk for pk, summary in ((applicant.client["application"], applicant.last_summary)
                                   for applicant in applicants)
            if summary is None or rows[pk]["summary"] != summary or versions[pk] != summary]
    per_applicant = Counter(row["versions_count"] for row in rows.values())
    submitted = sum(1 for row in rows.values() if row["status"] == ApplicationStatus.SUBMITTED)
    references = Application.objects.filter(campaign=campaign).exclude(reference=None).values("reference").distinct()
    receipts = DBTaskResult.objects.filter(task_path__endswith="send_submission_receipt").count()
    doubles = sum(1 for applicant in applicants if applicant.double_click)
    requests = sum(statuses.values())
    print(f"database: postgresql; {len(applicants)} applicants x ({SAVES} saves + submit), {doubles} double clicks; "
          f"deadline {DEADLINE_IN} s after the start")
    print(f"rush: {requests} requests in {elapsed:.1f} s ({requests / elapsed:.1f} req/s), "
          f"p50 {harness.percentile(latencies, 0.5) * 1000:.0f} ms, "
          f"p99 {harness.percentile(latencies, 0.99) * 1000:.0f} ms")
    print(f"answers: {dict(sorted(statuses.items()))}")
    print(f"server errors: {server_errors} (connection errors: {connection_errors})")
    print(f"lost drafts: {len(lost)}")
    print(f"submissions per applicant (versions: applicants): {dict(sorted(per_applicant.items()))}; "
          f"submitted: {submitted}; distinct references: {references.count()}; receipt e-mails queued: {receipts}")
    for problem in [p for applicant in applicants for p in applicant.unexpected + applicant.connection_errors][:10]:
        print(f"  {problem}")
    ok = (server_errors == 0 and connection_errors == 0 and not lost and per_applicant == {1: len(applicants)}
          and submitted == len(applicants) and references.count() == len(applicants) and receipts == len(applicants))
    print("OK" if ok else "ÉCHEC")
    return ok


if __name__ == "__main__":
    sys.exit(main())
