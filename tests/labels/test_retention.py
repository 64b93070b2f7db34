"""The daily purge of personal data (`manage.py purge_personal_data`): laureates' contact details after the retention
period, inactive accounts (warned, then deleted), login logs and finished task rows after a few days."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from accounts import retention, tasks
from accounts.models import InactivityWarning
from accounts.retention import AccountStep
from jury.models import JuryMember, Score
from labels.models import Application, ApplicationStatus, CoEditor, EventKind
from tests.jury.factories import OPEN, JuryMemberFactory, JuryRoundFactory, frozen
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, UserFactory, paris

pytestmark = pytest.mark.django_db
NOW = paris(2026, 3, 1, 10, 0).astimezone(datetime.UTC)  # in UTC, so that adding days crosses no DST change
DAY = datetime.timedelta(days=1)


def purge(clock, when=None):
    if when is not None:
        clock.set(when)
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


# --- The rules ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("last_seen", "warned_at", "expected"), [
    (NOW - 365 * DAY, None, AccountStep.KEEP),
    (NOW - 729 * DAY, None, AccountStep.KEEP),
    (NOW - 730 * DAY, None, AccountStep.WARN),
    (NOW - 900 * DAY, NOW - 29 * DAY, AccountStep.KEEP),  # warned: 30 days to come back
    (NOW - 900 * DAY, NOW - 30 * DAY, AccountStep.DELETE),
    (NOW - 10 * DAY, NOW - 40 * DAY, AccountStep.FORGET_WARNING),  # came back after the warning
])
def test_account_step(last_seen, warned_at, expected):
    assert retention.account_step(last_seen, warned_at, NOW) == expected


# --- Laureates ----------------------------------------------------------------------------------------------------

def test_old_laureates_lose_their_contact_details_and_keep_their_public_record(label_index, clock, settings):
    settings.LABELS_RETENTION_YEARS = 3
    old = LabelCampaignPageFactory(parent=label_index, year=2021, opens_at=paris(2021, 1, 1),
                                   closes_at=paris(2021, 3, 1))
    recent = LabelCampaignPageFactory(parent=label_index, year=2024, opens_at=paris(2024, 1, 1),
                                      closes_at=paris(2024, 3, 1))
    laureate = ApplicationFactory(campaign=old, status=ApplicationStatus.LAUREATE, reference="TI-2021-0001",
                                  contact_phone="06 12 34 56 78", summary="Un résumé public.",
                                  published_citation="Une citation du jury.")
    CoEditor.objects.create(application=laureate, email="collegue@example.org")
    mention = ApplicationFactory(campaign=old, status=ApplicationStatus.MENTION, reference="TI-2021-0002")
    recent_laureate = ApplicationFactory(campaign=recent, status=ApplicationStatus.LAUREATE, reference="TI-2024-0001")
    public = ("org_name", "title", "summary", "published_citation", "reference", "status", "category_id")
    before = {name: getattr(laureate, name) for name in public}
    output = purge(clock)
    assert "2 lauréat(s) ou mention(s) anonymisé(s)" in output
    for application in (laureate, mention):
        application.refresh_from_db()
        assert application.anonymised and application.owner is None
        assert (application.contact_name, application.contact_email, application.contact_phone) == ("", "", "")
        assert not application.coeditors.exists()
    assert {name: getattr(laureate, name) for name in public} == before
    recent_laureate.refresh_from_db()
    assert not recent_laureate.anonymised and recent_laureate.contact_email
    assert "0 lauréat(s) ou mention(s) anonymisé(s)" in purge(clock)
    assert laureate.events.filter(kind=EventKind.ANONYMISED).count() == 1


# --- Inactive accounts --------------------------------------------------------------------------------------------

def inactive(days, **fields):
    return UserFactory(last_login=NOW - days * DAY, date_joined=NOW - 2000 * DAY, **fields)


def test_inactive_accounts_are_warned_then_deleted_as_the_account_page_deletes(clock, campaign, criteria):
    sleeper = inactive(800)
    never_logged_in = UserFactory(last_login=None, date_joined=NOW - 800 * DAY)
    active = inactive(100)
    team = inactive(800, is_staff=True)
    draft = ApplicationFactory(campaign=campaign, owner=sleeper)
    juror = JuryMemberFactory(campaign=campaign, user=inactive(800))
    jury_round = JuryRoundFactory(campaign=campaign)
    scored = ApplicationFactory(campaign=campaign, status=ApplicationStatus.SUBMITTED, reference="TI-2026-0001")
    Score.objects.create(round=jury_round, juror=juror, application=scored, criterion=frozen(jury_round, criteria[0]),
                         value=7, updated_at=OPEN)
    mail.outbox.clear()

    output = purge(clock, NOW)
    assert "3 compte(s) inactif(s) prévenu(s), 0 supprimé(s)" in output
    warned = {message.to[0] for message in mail.outbox}
    assert warned == {sleeper.email, never_logged_in.email, juror.user.email}
    assert "31 mars 2026" in mail.outbox[0].body and "http://localhost/compte/connexion/" in mail.outbox[0].body
    mail.outbox.clear()
    assert "0 compte(s) inactif(s) prévenu(s), 0 supprimé(s)" in purge(clock, NOW + 29 * DAY)
    assert mail.outbox == []

    output = purge(clock, NOW + 30 * DAY)
    assert "0 compte(s) inactif(s) prévenu(s), 3 supprimé(s)" in output
    users = get_user_model().objects
    assert not users.filter(pk__in=[sleeper.pk, never_logged_in.pk, juror.user_id]).exists()
    assert users.filter(pk__in=[active.pk, team.pk]).count() == 2
    assert not Application.objects.filter(pk=draft.pk).exists()  # a draft goes with the account, as on its page
    juror = JuryMember.objects.get(pk=juror.pk)  # point 4: the jury's record stays, anonymised
    assert juror.user_id is None and str(juror) == "Juré·e n° 1"
    assert Score.objects.filter(juror=juror, value=7).exists()


def test_a_login_after_the_warning_keeps_the_account(clock, client):
    sleeper = inactive(800)
    purge(clock, NOW)
    assert InactivityWarning.objects.filter(user=sleeper).exists()
    clock.set(NOW + 10 * DAY)
    sleeper.last_login = NOW + 10 * DAY  # what a login writes (django.contrib.auth's update_last_login)
    sleeper.save(update_fields=["last_login"])
    assert "0 supprimé(s)" in purge(clock, NOW + 40 * DAY)
    assert get_user_model().objects.filter(pk=sleeper.pk).exists()
    assert not InactivityWarning.objects.filter(user=sleeper).exists()  # warned again after two more years


# --- Logs ---------------------------------------------------------------------------------------------------------

def test_login_logs_and_finished_task_rows_are_pruned_after_a_few_days(clock, settings, applicant):
    settings.LOGS_RETENTION_DAYS = 7
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "ENQUEUE_ON_COMMIT": False}}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        extra = {"get_data": "", "post_data": "", "failures_since_start": 1} if model is AccessAttempt else {}
        for agent in ("old", "recent"):
            model.objects.create(username=applicant.email, ip_address="192.0.2.1", user_agent=agent, http_accept="*",
                                 path_info="/compte/connexion/", **extra)
        model.objects.filter(pk=model.objects.order_by("pk").first().pk).update(attempt_time=NOW - 8 * DAY)
        model.objects.exclude(attempt_time__lt=NOW - 7 * DAY).update(attempt_time=NOW - DAY)
    for _row in range(4):
        tasks.send_password_reset.enqueue(applicant.pk, "http://localhost")
    rows = list(DBTaskResult.objects.order_by("enqueued_at", "id"))
    for row, status, finished in zip(rows, ["SUCCESSFUL", "FAILED", "SUCCESSFUL", "READY"],
                                     [NOW - 8 * DAY, NOW - 8 * DAY, NOW - DAY, None], strict=True):
        DBTaskResult.objects.filter(pk=row.pk).update(status=status, finished_at=finished)
    DBTaskResult.objects.filter(status="READY").update(enqueued_at=NOW - 30 * DAY)  # still to run: kept

    output = purge(clock, NOW)
    assert "3 entrée(s) des journaux de connexion et 2 tâche(s) terminée(s) supprimée(s)" in output
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert list(model.objects.values_list("attempt_time", flat=True)) == [NOW - DAY]
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["READY", "SUCCESSFUL"]


def test_the_privacy_page_states_the_retention_rules(client, settings):
    settings.LOGS_RETENTION_DAYS = 7
    page = client.get(reverse("accounts:privacy")).content.decode()
    assert "Un compte sans connexion depuis deux ans est supprimé" in page
    assert "effacés après 7 jours" in page and "perdent alors leurs coordonnées" in page
