"""Keeping the library alive: "signaler une erreur" (bad input, quota, e-mails to owners and staff, due date), the
review reminders, and the link checker against a local HTTP server (never the internet)."""

import datetime
import http.server
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accounts.models import EmailRequest, MembershipRole
from library import owners, upkeep
from library.models import ErrorReport, Implementation, LinkCheck
from tests.accounts.factories import member
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, data_source

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def owned(use_case):
    """Nantes's record, with a référent and an agent of Nantes, a pending agent, and a staff member."""
    users = get_user_model().objects
    nantes = OrganisationFactory(name="Nantes Métropole")
    implementation = ImplementationFactory(use_case=use_case, lead_organisation=nantes)
    member(users.create_user("agent@nantes.example.org", "agent@nantes.example.org"), nantes)
    member(users.create_user("referente@nantes.example.org", "referente@nantes.example.org"), nantes,
           role=MembershipRole.REFERENT)
    member(users.create_user("attente@nantes.example.org", "attente@nantes.example.org"), nantes, status="pending")
    users.create_superuser("equipe@example.org", "equipe@example.org", "x")
    return implementation


def reader():
    return get_user_model().objects.create_user("lecteur@example.org", "lecteur@example.org")


def test_owners_are_the_verified_agents_referents_first(owned):
    assert owners.owner_addresses(owned.lead_organisation_id) == ["referente@nantes.example.org",
                                                                   "agent@nantes.example.org"]
    assert owners.staff_addresses() == ["equipe@example.org"]


# --- "Signaler une erreur" ------------------------------------------------------------------------------------------

def report_url(implementation):
    return f"/signaler-une-erreur/bibliotheque-ia/{implementation.pk}/"


def test_an_anonymous_reader_is_asked_to_sign_in(client, owned):
    response = client.get(report_url(owned))
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    page = client.get(owned.use_case.url + "nantes-metropole/").text
    assert f'href="/compte/connexion/?next={report_url(owned)}"' in page
    assert "Se connecter pour signaler une erreur" in page


def test_a_signed_in_reader_reports_an_error_to_owners_and_staff(client, owned):
    client.force_login(reader())
    page = client.get(owned.use_case.url + "nantes-metropole/").text
    assert f'href="{report_url(owned)}"' in page
    assert client.get(report_url(owned)).status_code == 200
    response = client.post(report_url(owned), {"message": "Le projet est arrêté depuis 2025."}, follow=True)
    assert response.redirect_chain[-1][0] == owned.use_case.url + "nantes-metropole/"
    assert "votre signalement est transmis" in response.text
    report = ErrorReport.objects.get()
    assert report.implementation == owned and report.message == "Le projet est arrêté depuis 2025."
    assert report.due_on == timezone.localdate(report.created_at) + datetime.timedelta(days=15) and report.is_open
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["agent@nantes.example.org", "equipe@example.org", "referente@nantes.example.org"]
    owners_mail = next(message for message in mail.outbox if "agent@nantes.example.org" in message.to)
    assert "Le projet est arrêté depuis 2025." in owners_mail.body
    assert "http://localhost/bibliotheque-ia/cantines/nantes-metropole/" in owners_mail.body
    staff_mail = next(message for message in mail.outbox if message.to == ["equipe@example.org"])
    assert f"/admin/snippets/library/errorreport/edit/{report.pk}/" in staff_mail.body


@pytest.mark.parametrize(("message", "error"), [
    ("", "Décrivez l&#x27;erreur"), ("   ", "Décrivez l&#x27;erreur"),
    ("x" * 2001, "Le message dépasse 2 000 caractères"),
])
def test_a_bad_report_is_answered_next_to_the_field_and_nothing_is_kept(client, owned, message, error):
    client.force_login(reader())
    response = client.post(report_url(owned), {"message": message})
    assert response.status_code == 400
    assert error in response.text and 'id="id_message_error"' in response.text
    assert not ErrorReport.objects.exists() and mail.outbox == [] and not EmailRequest.objects.exists()


@override_settings(LABELS_LIMITS={"LIBRARY_ERROR_REPORTS_PER_ACCOUNT_PER_DAY": 2})
def test_reports_are_held_to_the_accounts_daily_quota(client, owned):
    client.force_login(reader())
    for _n in range(2):
        assert client.post(report_url(owned), {"message": "Faux."}).status_code == 302
    response = client.post(report_url(owned), {"message": "Encore faux."})
    assert response.status_code == 429
    assert "Vous avez déjà signalé 2 erreurs aujourd&#x27;hui" in response.text
    assert ErrorReport.objects.count() == 2


def test_an_unknown_or_unpublished_record_cannot_be_reported(client, owned):
    client.force_login(reader())
    assert client.get("/signaler-une-erreur/bibliotheque-ia/999999/").status_code == 404
    owned.use_case.unpublish()
    assert client.post(report_url(owned), {"message": "Faux."}).status_code == 404
    assert not ErrorReport.objects.exists()


def test_staff_see_open_reports_with_their_due_dates(admin_client, owned):
    upkeep.report_error(owned, None, "Le contact a changé.", NOW)
    text = admin_client.get("/admin/snippets/library/errorreport/").text
    assert "Erreur signalée le 2 mars 2026" in text and "17 mars 2026" in text


# --- Review reminders -----------------------------------------------------------------------------------------------

def test_owners_are_reminded_once_when_the_review_date_comes(owned):
    Implementation.objects.filter(pk=owned.pk).update(review_due_on=datetime.date(2026, 3, 1))
    fresh = ImplementationFactory(use_case=owned.use_case, lead_organisation=OrganisationFactory(name="Brest"))
    assert fresh.review_due_on > datetime.date(2026, 3, 2)
    assert len(upkeep.remind_reviews(datetime.date(2026, 3, 2))) == 1
    assert sorted(mail.outbox[0].to) == ["agent@nantes.example.org", "referente@nantes.example.org"]
    assert "devait être revue le 1 mars 2026" in mail.outbox[0].body
    assert upkeep.remind_reviews(datetime.date(2026, 3, 3)) == []  # once per date
    assert len(mail.outbox) == 1


def test_the_reminder_command_runs_on_todays_date(owned, monkeypatch):
    Implementation.objects.filter(pk=owned.pk).update(review_due_on=datetime.date(2026, 3, 1))
    monkeypatch.setattr("interconnectes.clock.now", lambda: NOW)
    call_command("remind_library_reviews")
    assert len(mail.outbox) == 1 and Implementation.objects.get(pk=owned.pk).review_reminded_on == NOW.date()


# --- The link checker ---------------------------------------------------------------------------------------------

class Handler(http.server.BaseHTTPRequestHandler):
    """/ok answers 200, /gone 404, /head-refused refuses HEAD but answers GET, /moved redirects elsewhere."""

    def answer(self):
        code = {"/ok": 200, "/gone": 404, "/moved": 301}.get(self.path, 200 if self.command == "GET" else 405)
        self.send_response(code)
        if code == 301:
            self.send_header("Location", "http://10.0.0.1/interne")
        self.end_headers()

    do_HEAD = answer
    do_GET = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_reads_status_codes_and_follows_no_redirect(local_server):
    def fetch(path):
        return upkeep.fetch(local_server + path, timeout=5, allow_private=True)

    assert fetch("/ok").status_code == 200
    assert fetch("/gone").status_code == 404
    assert fetch("/head-refused").status_code == 200  # HEAD refused, GET answered
    assert fetch("/moved").status_code == 301  # not followed to the internal address


def test_fetch_refuses_internal_addresses_unless_told():
    answer = upkeep.fetch("http://127.0.0.1:9/", timeout=1)
    assert answer.status_code is None and answer.error == "Adresse non publique ou introuvable"
    assert upkeep.fetch("ftp://example.org/x", timeout=1).error == "Adresse invalide"


def test_the_checker_records_answers_and_tells_owners_of_newly_broken_links_once(owned, local_server):
    owned.code_url = local_server + "/ok"
    owned.open_data_url = local_server + "/gone"
    owned.save()
    data_source(owned, url=local_server + "/gone")  # the same link twice is checked once

    def fetcher(url):
        return upkeep.fetch(url, timeout=5, allow_private=True)

    lines = upkeep.check_links(NOW, fetcher=fetcher)
    assert len(lines) == 1 and "/gone (404)" in lines[0]
    checks = {check.url.rsplit("/", 1)[1]: check for check in LinkCheck.objects.all()}
    assert set(checks) == {"ok", "gone"} and checks["gone"].is_broken and not checks["ok"].is_broken
    assert len(mail.outbox) == 1 and local_server + "/gone" in mail.outbox[0].body
    assert sorted(mail.outbox[0].to) == ["agent@nantes.example.org", "referente@nantes.example.org"]

    upkeep.check_links(NOW + datetime.timedelta(days=1), fetcher=fetcher)
    assert len(mail.outbox) == 1  # still broken: not reported again
    owned.open_data_url = ""
    owned.save()
    Implementation.objects.filter(pk=owned.pk).update(open_data_url="")
    owned.data_sources.all().delete()
    upkeep.check_links(NOW + datetime.timedelta(days=2), fetcher=fetcher)
    assert list(LinkCheck.objects.values_list("url", flat=True)) == [local_server + "/ok"]  # gone links forgotten


def test_the_command_checks_with_the_real_fetcher_only_when_run(owned, monkeypatch):
    asked = []
    monkeypatch.setattr(upkeep, "fetch", lambda url: asked.append(url) or upkeep.Answer(None, "délai dépassé"))
    owned.code_url = "https://code.example.org/nantes"
    owned.save()
    call_command("check_library_links")
    assert asked == ["https://code.example.org/nantes"]
    assert LinkCheck.objects.get().error == "délai dépassé"
