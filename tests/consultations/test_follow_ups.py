"""What came of a consultation: follow-up commitments and progress entries by the territory's agents, published at
once and logged; reminders at 3 and 12 months, each sent once; the Atom feed shows only what is published."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from consultations import record_submissions
from consultations.followup_models import FollowUp, FollowUpReminder, ProgressEntry
from reviews.models import Draft, ReviewEvent
from tests.accounts.factories import organisation
from tests.consultations.records import agent, charter, committed, form_data, published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    monkeypatch.setattr("consultations.record_submissions.transaction.on_commit",
                        lambda callback, robust=False: callback())


@pytest.fixture
def tours():
    return committed("Tours Métropole Val de Loire", charter())


@pytest.fixture
def person(tours):
    return agent("agent@tours.example.org", tours)


@pytest.fixture
def record(home, clock, tours, person):
    return published(tours, person)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_agent_adds_a_commitment_and_progress_shown_at_once_as_a_timeline(record, person, clock):
    client = logged_in(person)
    url = f"/mes-concertations/fiche/{record.pk}/suivi/"
    response = client.post(url, {"new-text": "Créer un comité citoyen de l'IA", "new-owner": "Direction du numérique",
                                 "new-status": "engage", "new-reason": ""})
    assert response.status_code == 302
    item = FollowUp.objects.get()
    clock.set(2026, 4, 12, 10, 0)
    for day, text in (("2026-04-10", "Première réunion du comité."), ("2026-06-02", "Charte du comité adoptée.")):
        assert client.post(url, {"progress-follow_up": item.pk, "progress-on": day,
                                 "progress-text": text}).status_code == 302
    page = Client().get(record.get_absolute_url()).text
    assert "Créer un comité citoyen de l&#x27;IA" in page and "Engagé" in page
    assert page.index("Charte du comité adoptée.") < page.index("Première réunion du comité.")  # newest first
    notes = list(ReviewEvent.objects.filter(object_id=record.pk).values_list("note", flat=True))
    assert any("Engagement de suivi" in note for note in notes) and any("Avancement" in note for note in notes)


def test_an_abandoned_commitment_needs_its_reason_and_nothing_is_saved_without_it(record, person):
    client = logged_in(person)
    url = f"/mes-concertations/fiche/{record.pk}/suivi/"
    response = client.post(url, {"new-text": "Ouvrir les données", "new-owner": "Service données",
                                 "new-status": "abandonne", "new-reason": ""})
    assert response.status_code == 400 and "Dites pourquoi cet engagement est abandonné" in response.text
    assert 'Ouvrir les données' in response.text and not FollowUp.objects.exists()
    client.post(url, {"new-text": "Ouvrir les données", "new-owner": "Service données", "new-status": "etude",
                      "new-reason": ""})
    item = FollowUp.objects.get()
    client.post(f"/mes-concertations/engagement/{item.pk}/statut/", {f"status-{item.pk}-status": "abandonne",
                                                                     f"status-{item.pk}-reason": ""})
    item.refresh_from_db()
    assert item.status == "etude"
    client.post(f"/mes-concertations/engagement/{item.pk}/statut/", {f"status-{item.pk}-status": "abandonne",
                                                                     f"status-{item.pk}-reason": "Pas de budget."})
    item.refresh_from_db()
    assert (item.status, item.reason) == ("abandonne", "Pas de budget.")


def test_only_the_territorys_agents_write_its_follow_up(record):
    url = f"/mes-concertations/fiche/{record.pk}/suivi/"
    outsider = agent("agent@lyon.example.org", organisation("Ville de Lyon"))
    assert logged_in(outsider).get(url).status_code == 404
    assert logged_in(outsider).post(url, {"new-text": "x", "new-owner": "y", "new-status": "etude"}).status_code == 404
    assert Client().get(url).status_code == 302
    assert not FollowUp.objects.exists()


def test_reminders_go_to_the_territorys_agents_at_3_and_12_months_each_once(record, person, clock):
    # The record ended on 10 January 2026 (tests/consultations/records.py).
    mail.outbox.clear()  # the publication's own e-mails
    clock.set(2026, 4, 9, 8, 0)
    call_command("remind_consultation_follow_ups")
    assert not mail.outbox
    clock.set(2026, 4, 10, 8, 0)
    call_command("remind_consultation_follow_ups")
    call_command("remind_consultation_follow_ups")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["agent@tours.example.org"]
    assert "il y a 3 mois" in mail.outbox[0].body
    assert f"/mes-concertations/fiche/{record.pk}/suivi/" in mail.outbox[0].body
    clock.set(2027, 1, 10, 8, 0)
    call_command("remind_consultation_follow_ups")
    call_command("remind_consultation_follow_ups")
    assert len(mail.outbox) == 2 and "il y a 12 mois" in mail.outbox[1].body
    assert sorted(FollowUpReminder.objects.values_list("months", flat=True)) == [3, 12]


def test_the_feed_lists_published_versions_and_progress_never_a_draft(record, person, clock):
    item = FollowUp.objects.create(consultation=record, text="Former les agents", owner="DRH", status="engage",
                                   created_at=clock())
    ProgressEntry.objects.create(follow_up=item, on=datetime.date(2026, 3, 1), text="Deux sessions tenues.",
                                 created_at=clock())
    client = logged_in(person)
    client.post(f"/mes-concertations/fiche/{record.pk}/documenter/")
    draft = Draft.objects.get(object_id=record.pk, state="brouillon")
    client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(draft, synthesis="SECRET-DE-BROUILLON",
                                                                        title="Titre pas encore publié"))
    feed = Client().get(f"/concertations-ia/concertations/{record.slug}/flux.atom")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "Version 1 publiée" in text and "Deux sessions tenues." in text and "Former les agents" in text
    assert "SECRET-DE-BROUILLON" not in text and "Titre pas encore publié" not in text
    assert "SECRET-DE-BROUILLON" not in Client().get(record.get_absolute_url()).text
    page = Client().get(record.get_absolute_url()).text
    assert 'rel="alternate" type="application/atom+xml"' in page and f"{record.slug}/flux.atom" in page
    # Published, the update becomes version 2 and the feed names what changed, not the text of a draft.
    draft.refresh_from_db()
    client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(draft, synthesis="", title="Nouveau titre"))
    record_submissions.submit(draft.pk, person, clock())
    text = Client().get(f"/concertations-ia/concertations/{record.slug}/flux.atom").content.decode()
    assert "Version 2 publiée" in text and "Champs mis à jour : titre." in text


def test_an_unknown_or_unpublished_consultation_has_no_feed(home, clock, tours, person):
    record_submissions.declare(person, tours, {"title": "Jamais publiée", "objective": "x", "publics": [],
                                               "starts_on": None, "ends_on": None}, clock())
    assert Client().get("/concertations-ia/concertations/jamais-publiee/flux.atom").status_code == 404
    assert Client().get("/concertations-ia/concertations/jamais-publiee/").status_code == 404
