"""A juror's jury record outlives their account: deleting the account (the applicant's "supprimer mon compte" page,
the ORM, Wagtail's user admin) anonymises the juror and keeps their seat, scores, sheets, history and conflict
declarations, so that the ranking and the log of declarations stay as they were."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from jury.models import ConflictDeclaration, JuryMember, Score, ScoreChange, ScoreSheet
from jury.progress import round_ranking
from jury.services import conflicts, reminders
from tests.factories import PersonFactory
from tests.jury.factories import OPEN, save_sheet
from tests.labels.factories import SubmittedApplicationFactory

pytestmark = pytest.mark.django_db
PASSWORD = "un mot de passe solide"  # UserFactory's


@pytest.fixture
def record(round1, jurors, criteria, campaign):
    """Three jurors score two files out of four; the leaving juror (the second seat) declared a conflict on the
    third file."""
    impact, sobriety = criteria
    files = [SubmittedApplicationFactory(campaign=campaign) for _ in range(4)]
    for juror in jurors[:3]:
        for application in files:
            round1.assignments.create(juror=juror, application=application)
    for index, juror in enumerate(jurors[:3]):
        for number, application in enumerate(files[:2]):
            conflicts.declare(juror, application, has_conflict=False, by=juror.user, jury_round=round1, now=OPEN)
            save_sheet(juror, round1, application, {impact: 2 + 3 * index + number, sobriety: 1 + index},
                       {impact: f"Avis {index}-{number}"}, overall=f"Synthèse {index}")
    leaving = jurors[1]
    leaving.person = PersonFactory(name="Dominique Sévère")
    leaving.save()
    conflicts.declare(leaving, files[2], has_conflict=True, reason="Ancien employeur", by=leaving.user,
                      jury_round=round1, now=OPEN)
    return leaving


def snapshot(jury_round):
    """What the jury's record says: the ranking and every row a deletion must leave alone."""
    ranking = round_ranking(jury_round).ranking
    return {
        "ranking": [(entry.application_id, entry.rank, entry.mean, entry.normalised_mean, entry.count)
                    for entry in ranking.results],
        "scores": sorted(Score.objects.values_list("juror_id", "application_id", "criterion_id", "value", "comment")),
        "sheets": sorted(ScoreSheet.objects.values_list("juror_id", "application_id", "overall_comment")),
        "history": sorted(ScoreChange.objects.values_list("juror_id", "application_id", "criterion_id",
                                                          "value_after")),
        "declarations": list(ConflictDeclaration.objects.order_by("pk").values_list(
            "juror_id", "application_id", "has_conflict", "reason", "declared_at")),
        "seats": sorted(JuryMember.objects.values_list("pk", "campaign_id", "role")),
    }


def assert_anonymised(leaving, before, jury_round):
    user_id = leaving.user_id
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert snapshot(jury_round) == before
    leaving.refresh_from_db()
    assert leaving.user_id is None and leaving.person_id is None
    assert str(leaving) == "Juré·e n° 2"
    assert not ConflictDeclaration.objects.filter(declared_by_id=user_id).exists()


def test_the_account_page_anonymises_the_juror_and_keeps_the_record(client, record, round1, clock):
    before = snapshot(round1)
    client.force_login(record.user)
    page = html.unescape(client.get(reverse("accounts:delete_account")).content.decode())
    assert "vos notes et vos déclarations de membre de jury sont conservées" in page
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert_anonymised(record, before, round1)


def test_a_deletion_through_the_orm_anonymises_the_juror(record, round1):
    before = snapshot(round1)
    record.user.delete()
    assert_anonymised(record, before, round1)


def test_a_bulk_deletion_through_the_orm_anonymises_the_juror(record, round1):
    before = snapshot(round1)
    get_user_model().objects.filter(pk=record.user_id).delete()
    assert_anonymised(record, before, round1)


def test_a_deletion_in_the_admin_anonymises_the_juror(client, record, round1, staff):
    before = snapshot(round1)
    client.force_login(staff)
    response = client.post(reverse("wagtailusers_users:delete", args=[record.user_id]))
    assert response.status_code == 302
    assert_anonymised(record, before, round1)


def test_the_jury_pages_show_the_anonymised_juror(client, record, round1, campaign_staff, clock):
    record.user.delete()
    clock.set(OPEN)
    client.force_login(campaign_staff)
    export = client.get(reverse("jury:export", args=[round1.pk, "notes", "csv"])).content.decode("utf-8-sig")
    assert "Juré·e n° 2" in export and "Dominique Sévère" not in export
    ranking = html.unescape(client.get(reverse("jury:ranking", args=[round1.pk]) + "?vue=jures").content.decode())
    assert "Juré·e n° 2" in ranking
    member_edit = client.get(reverse("jury_member:edit", args=[record.pk]))
    assert member_edit.status_code == 200
    mail.outbox.clear()
    assert reminders.send_reminders(round1, by=campaign_staff, now=OPEN) == 3  # each has the fourth file left to score
    assert len(mail.outbox) == 2  # the anonymised juror has no address left


def test_an_anonymised_seat_can_still_be_edited_in_the_admin(client, record, staff):
    record.user.delete()
    client.force_login(staff)
    url = reverse("jury_member:edit", args=[record.pk])
    response = client.post(url, {"campaign": record.campaign_id, "role": "president", "siren": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    record.refresh_from_db()
    assert record.role == "president" and record.user_id is None


def test_an_applicant_without_a_seat_is_told_nothing_about_juries(client, applicant):
    client.force_login(applicant)
    page = html.unescape(client.get(reverse("accounts:delete_account")).content.decode())
    assert "membre de jury" not in page
