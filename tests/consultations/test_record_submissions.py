"""Agents declare a consultation, document it after the event, the team reviews it; each publication is a version.

Through the views, as people use them: bad input is refused next to its field
and saves nothing; a record never published appears nowhere public; an update
is published at once (read afterwards) and numbered.
"""

import datetime

import pytest
from django.core import mail
from django.test import Client

from consultations import record_submissions
from consultations.charter_models import CharterStatus
from consultations.commitment_models import CommitmentStatus
from consultations.record_models import Consultation
from reviews.models import Draft, ReviewEvent, Version
from reviews.states import Action, State
from tests.accounts.factories import organisation
from tests.consultations.records import (
    CHECKLIST_ALL,
    agent,
    charter,
    committed,
    form_data,
    lessons,
    published,
    records_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    monkeypatch.setattr("consultations.record_submissions.transaction.on_commit",
                        lambda callback, robust=False: callback())


@pytest.fixture
def version():
    return charter()


@pytest.fixture
def tours(version):
    return committed("Tours Métropole Val de Loire", version)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


DECLARATION = {"title": "Café IA des habitants", "starts_on": "2026-01-10", "ends_on": "2026-01-24",
               "objective": "Débattre des usages de l'IA dans les services.", "publics": ["habitants", "jeunes"]}


def test_an_agent_declares_the_team_publishes_then_the_agent_documents_it_as_version_2(home, clock, tours):
    clock.set(2025, 12, 1, 10, 0)
    lessons_ = lessons()
    person = agent("agent@tours.example.org", tours)
    client, staff = logged_in(person), logged_in(records_staff())
    response = client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": tours.pk})
    draft = Draft.objects.get(content_type=record_submissions.content_type())
    assert response.status_code == 302 and response.url == f"/mes-concertations/brouillon/{draft.pk}/"
    assert draft.data["title"] == "Café IA des habitants" and draft.data["phase"] == "annoncee"
    assert not Consultation.objects.exists()
    assert client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/").status_code == 302
    assert mail.outbox[-1].subject == "Concertation soumise à relecture : Café IA des habitants · " + tours.name
    assert mail.outbox[-1].to == ["concertations@example.org"]

    page = staff.get(f"/mes-concertations/relecture/{draft.pk}/")
    assert "Aucune donnée personnelle de participant" in page.text
    assert page.text.index("Aucune donnée personnelle") < page.text.index("langage clair")
    refused = staff.post(f"/mes-concertations/relecture/{draft.pk}/", {
        "decision": "approve", "checklist": CHECKLIST_ALL[1:]})
    assert refused.status_code == 400 and not Consultation.objects.exists()
    assert staff.post(f"/mes-concertations/relecture/{draft.pk}/", {
        "decision": "approve", "checklist": CHECKLIST_ALL}).status_code == 302
    record = Consultation.objects.get()
    assert record.charter_version_id == tours.charter_commitments.get().charter_version_id
    assert Client().get(record.get_absolute_url()).status_code == 200

    clock.set(2026, 2, 10, 10, 0)  # after the event: documented, published at once as version 2
    response = client.post(f"/mes-concertations/fiche/{record.pk}/documenter/")
    update = Draft.objects.get(object_id=record.pk, state=State.DRAFT)
    article = record.charter_version.articles.order_by("number").first()
    data = form_data(update, phase="restitution", participants="42", synthesis="Les habitants veulent être associés.",
                     licence="etalab-2.0", methods=["cafe-ia"], **{
                         f"answer_{article.pk}": "en-partie", f"comment_{article.pk}": "Restitution à venir.",
                         f"kind_{lessons_[0].pk}": "chiffre",
                         f"evidence_{lessons_[0].pk}": "31 participants sur 42 utilisent déjà une IA."})
    assert client.post(f"/mes-concertations/brouillon/{update.pk}/", data).status_code == 302
    assert client.post(f"/mes-concertations/brouillon/{update.pk}/soumettre/").status_code == 302
    record.refresh_from_db()
    assert record.phase == "restitution" and record.participants == 42
    assert [version.number for version in record_submissions.versions_of(record)] == [2, 1]
    assert Version.objects.get(object_id=record.pk, number=2).checked_at is None  # read afterwards by the team
    assert record.findings.get().lesson == lessons_[0] and record.assessments.get().answer == "en-partie"
    assert ReviewEvent.objects.filter(object_id=record.pk, action=Action.PUBLISH_DIRECTLY).exists()
    public = Client().get(record.get_absolute_url()).text
    assert "31 participants sur 42" in public and "En partie" in public and "Version 2" in public


def test_dates_out_of_order_and_negative_participants_are_refused_next_to_the_field_and_nothing_is_saved(
        home, clock, tours):
    client = logged_in(agent("agent@tours.example.org", tours))
    response = client.post("/mes-concertations/declarer/", {
        **DECLARATION, "organisation": tours.pk, "starts_on": "2026-02-01", "ends_on": "2026-01-01"})
    assert response.status_code == 400 and "La date de fin doit suivre la date de début." in response.text
    assert not Draft.objects.exists()
    client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": tours.pk})
    draft = Draft.objects.get()
    before = dict(draft.data)
    response = client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(
        draft, participants="-3", title="Nouveau titre"))
    assert response.status_code == 400 and "ne peut pas être négatif" in response.text
    assert 'value="Nouveau titre"' in response.text  # what was typed is kept
    draft.refresh_from_db()
    assert draft.data == before


def test_a_phase_the_dates_do_not_allow_is_refused_at_submission(home, clock, tours):
    clock.set(2026, 1, 5, 10, 0)
    client = logged_in(agent("agent@tours.example.org", tours))
    client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": tours.pk})
    draft = Draft.objects.get()
    client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(draft, phase="suivi"))
    response = client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/")
    assert response.status_code == 400 and "indiquez une date de début passée" in response.text
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_free_text_with_an_email_or_a_phone_number_is_saved_with_a_warning_next_to_the_field(home, clock, tours):
    client = logged_in(agent("agent@tours.example.org", tours))
    client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": tours.pk})
    draft = Draft.objects.get()
    response = client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(
        draft, facilitators="Marie Durand, 06 12 34 56 78"))
    assert response.status_code == 200
    assert "semble contenir un numéro de téléphone" in response.text
    draft.refresh_from_db()
    assert draft.data["facilitators"] == "Marie Durand, 06 12 34 56 78"
    staff = logged_in(records_staff())
    client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/")
    assert "semble contenir un numéro de téléphone" in staff.get(f"/mes-concertations/relecture/{draft.pk}/").text


def test_a_self_assessment_on_a_withdrawn_charter_version_is_refused(home, clock):
    withdrawn = charter(number=1, status=CharterStatus.WITHDRAWN)
    territory = committed("Rezé", withdrawn)
    client = logged_in(agent("agent@reze.example.org", territory))
    client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": territory.pk})
    draft = Draft.objects.get()
    article = withdrawn.articles.first()
    client.post(f"/mes-concertations/brouillon/{draft.pk}/", form_data(draft, **{f"answer_{article.pk}": "oui"}))
    response = client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/")
    assert response.status_code == 400 and "Cette version de la charte a été retirée" in response.text
    assert not Consultation.objects.exists()


def test_only_agents_of_a_territory_committed_or_committing_declare(home, clock, version):
    pending = committed("Arras", version, status=CommitmentStatus.PENDING)
    refused = committed("Martigues", version, status=CommitmentStatus.REFUSED)
    assert logged_in(agent("agent@arras.example.org", pending)).get("/mes-concertations/declarer/").status_code == 200
    for person in (agent("agent@martigues.example.org", refused),
                   agent("agent@lyon.example.org", organisation("Ville de Lyon"))):
        response = logged_in(person).get("/mes-concertations/declarer/")
        assert response.status_code == 403 and "engagé" in response.text
    other = logged_in(agent("intrus@arras.example.org", organisation("Ville de Paris")))
    response = other.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": pending.pk})
    assert response.status_code == 403 and not Draft.objects.exists()


def test_a_draft_is_seen_by_its_editors_only_and_never_in_public(home, clock, tours):
    person = agent("agent@tours.example.org", tours)
    logged_in(person).post("/mes-concertations/declarer/", {**DECLARATION, "title": "Secret de brouillon",
                                                            "organisation": tours.pk})
    draft = Draft.objects.get()
    colleague = agent("collegue@tours.example.org", tours)
    assert logged_in(colleague).get(f"/mes-concertations/brouillon/{draft.pk}/").status_code == 404
    assert Client().get(f"/mes-concertations/brouillon/{draft.pk}/").status_code == 302
    assert "Secret de brouillon" not in Client().get("/concertations-ia/concertations/").text
    assert "Secret de brouillon" in logged_in(person).get("/mes-concertations/").text


def test_the_list_filters_by_phase_method_and_public(home, clock, tours):
    person = agent("agent@tours.example.org", tours)
    published(tours, person, title="Atelier des jeunes", methods=["atelier"], publics=["jeunes"])
    published(tours, person, title="Café IA des aînés", methods=["cafe-ia"], publics=["habitants"])
    client = Client()
    assert "Atelier des jeunes" in client.get("/concertations-ia/concertations/?method=atelier").text
    assert "Café IA des aînés" not in client.get("/concertations-ia/concertations/?method=atelier").text
    assert "Atelier des jeunes" not in client.get("/concertations-ia/concertations/?public=habitants").text
    assert "2 concertations" in client.get("/concertations-ia/concertations/?phase=annoncee").text
    assert client.get("/concertations-ia/concertations/?phase=nimporte&page=x").status_code == 200


def test_the_team_asks_for_changes_or_refuses_with_a_reason_and_the_editors_are_told(home, clock, tours):
    person = agent("agent@tours.example.org", tours)
    client = logged_in(person)
    client.post("/mes-concertations/declarer/", {**DECLARATION, "organisation": tours.pk})
    draft = Draft.objects.get()
    client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/")
    staff = logged_in(records_staff())
    response = staff.post(f"/mes-concertations/relecture/{draft.pk}/", {"decision": "refuse", "note": ""})
    assert response.status_code == 400
    staff.post(f"/mes-concertations/relecture/{draft.pk}/", {"decision": "changes", "note": "Précisez les publics."})
    draft.refresh_from_db()
    assert draft.state == State.CHANGES_REQUESTED
    assert mail.outbox[-1].to == ["agent@tours.example.org"] and "Précisez les publics." in mail.outbox[-1].body
    assert "Précisez les publics." in client.get(f"/mes-concertations/brouillon/{draft.pk}/").text


def test_publication_keeps_only_published_library_projects_and_known_lessons(home, clock, tours):
    lessons_ = lessons()
    person = agent("agent@tours.example.org", tours)
    record = published(tours, person, implementations=[999], findings={
        str(lessons_[2].pk): {"kind": "citation", "evidence": "On ne savait pas que c'était déjà là."},
        "9999": {"kind": "citation", "evidence": "perdu"}})
    assert list(record.implementations.all()) == []
    assert [finding.lesson.number for finding in record.findings.all()] == [3]
    assert record.starts_on == datetime.date(2026, 1, 10)
