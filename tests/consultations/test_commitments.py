"""A référent commits their organisation to the charter, the team verifies or refuses it, a commitment is
withdrawn; refusals in French next to their field, nothing half-saved; the register and the open data."""

import datetime
import json

import pytest
from django.core import mail

from accounts.models import MembershipRole
from consultations.models import CharterStatus, Commitment, CommitmentStatus
from tests.accounts.factories import organisation
from tests.consultations.charter_factories import charter, commitment, located, pdf, programme_page
from tests.labels.factories import UserFactory, user_with_permissions
from tests.library.reviewing import agent

pytestmark = pytest.mark.django_db
COMMIT_URL = "/concertations-ia/engagement/"


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    """The e-mails leave once the transaction is committed; the test's transaction never is."""
    monkeypatch.setattr("consultations.commitments.transaction.on_commit", lambda callback, robust=False: callback())


@pytest.fixture
def tours(db):
    return organisation("Tours Métropole Val de Loire")


@pytest.fixture
def referent(tours):
    return agent("referente@tours.example.org", tours, role=MembershipRole.REFERENT)


@pytest.fixture
def team(db):
    return user_with_permissions("consultations.verify_commitment", email="programme@example.org", is_staff=True)


def form(tours, **changes):
    return {"organisation": tours.pk, "signatory_name": "Claire Dubreuil",
            "signatory_role": "Vice-présidente déléguée au numérique", "signed_on": "10/02/2026",
            "signed_document": pdf(), "scope": "Les services de la métropole et ses habitants.", **changes}


def test_a_referent_commits_and_the_team_verifies_then_the_territory_is_engaged(client, clock, home, tours,
                                                                                  referent, team):
    page = programme_page(home)
    charter()
    client.force_login(referent)
    assert client.get(COMMIT_URL).status_code == 200
    response = client.post(COMMIT_URL, form(tours))
    assert response.status_code == 302
    pending = Commitment.objects.get()
    assert (pending.status, pending.submitted_by, pending.signed_on) == (
        CommitmentStatus.PENDING, referent, datetime.date(2026, 2, 10))
    assert pending.signed_document.name.startswith("concertations/chartes-signees/")
    assert [message.to for message in mail.outbox] == [["programme@example.org"]]
    assert "Tours Métropole Val de Loire" not in client.get(page.url).content.decode()  # pending: not engaged

    client.force_login(team)
    assert "Tours Métropole" in client.get("/concertations-ia/verification/").content.decode()
    response = client.post(f"/concertations-ia/verification/{pending.pk}/", {"decision": "verifier"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (CommitmentStatus.VERIFIED, team)
    assert mail.outbox[-1].to == ["referente@tours.example.org"]
    assert "Engagement vérifié" in mail.outbox[-1].subject
    assert "Tours Métropole Val de Loire" in client.get(page.url).content.decode()
    register = client.get(page.url + "signataires/").content.decode()
    assert "Claire Dubreuil" in register and "En cours" in register


def test_the_team_refuses_with_a_reason_sent_to_the_referent(client, clock, tours, referent, team):
    version = charter()
    pending = commitment(tours, version, status=CommitmentStatus.PENDING, submitted_by=referent)
    client.force_login(team)
    response = client.post(f"/concertations-ia/verification/{pending.pk}/", {"decision": "refuser", "reason": ""})
    assert response.status_code == 400
    assert "Indiquez le motif du refus" in response.content.decode()
    client.post(f"/concertations-ia/verification/{pending.pk}/",
                {"decision": "refuser", "reason": "La délibération ne donne pas délégation à la signataire."})
    pending.refresh_from_db()
    assert pending.status == CommitmentStatus.REFUSED
    assert "délégation" in mail.outbox[-1].body and mail.outbox[-1].to == ["referente@tours.example.org"]
    # Refused: not public, and the référent may commit again.
    assert not Commitment.objects.in_register().exists()
    client.force_login(referent)
    assert client.post(COMMIT_URL, form(tours)).status_code == 302
    assert Commitment.objects.filter(status=CommitmentStatus.PENDING).count() == 1


def test_someone_who_is_not_a_verified_referent_is_refused_in_french(client, clock, tours):
    charter()
    client.force_login(agent("agent@tours.example.org", tours))  # a verified agent, not a référent
    response = client.get(COMMIT_URL)
    assert response.status_code == 403
    assert "référent·e vérifié·e" in response.content.decode()
    assert client.post(COMMIT_URL, form(tours)).status_code == 403
    other = organisation("Bordeaux Métropole")
    client.force_login(agent("referente@bordeaux.example.org", other, role=MembershipRole.REFERENT))
    response = client.post(COMMIT_URL, form(tours))  # a référent, but of another organisation
    assert response.status_code == 400
    assert "Vous n&#x27;êtes pas référent·e vérifié·e de cette organisation" in response.content.decode()
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"signed_on": "10/02/2027"}, "signed_on", "ne peut pas être dans le futur"),
    ({"signed_on": "10/01/2025"}, "signed_on", "ne peut pas précéder l&#x27;adoption de cette version"),
    ({"signed_on": "31/02/2026"}, "signed_on", "Saisissez une date valide"),
    ({"signed_document": pdf("charte.pdf", b"PK\x03\x04 not a pdf")}, "signed_document", "n&#x27;est pas un PDF"),
    ({"signatory_name": ""}, "signatory_name", "Indiquez le nom de la personne"),
])
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(client, clock, tours, referent, changes,
                                                                       field, message):
    charter()
    client.force_login(referent)
    response = client.post(COMMIT_URL, form(tours, **changes))
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert f'id="id_{field}_error"' in content
    assert 'value="Claire Dubreuil"' in content or field == "signatory_name"  # what was typed is kept
    assert not Commitment.objects.exists()
    assert mail.outbox == []


def test_a_withdrawn_version_cannot_be_signed(client, clock, tours, referent):
    charter(status=CharterStatus.WITHDRAWN)
    client.force_login(referent)
    assert "l’engagement n’est pas encore ouvert" in client.get(COMMIT_URL).content.decode()
    response = client.post(COMMIT_URL, form(tours))
    assert response.status_code == 400
    assert "Aucune version de la charte n&#x27;est en vigueur" in response.content.decode()
    assert not Commitment.objects.exists()


def test_a_pending_commitment_blocks_a_second_one(client, clock, tours, referent):
    version = charter()
    commitment(tours, version, status=CommitmentStatus.PENDING)
    client.force_login(referent)
    response = client.post(COMMIT_URL, form(tours))
    assert response.status_code == 400
    assert "attend déjà sa vérification" in response.content.decode()
    assert Commitment.objects.count() == 1


def test_verifying_a_commitment_to_a_new_version_withdraws_the_previous_one(client, clock, tours, referent, team):
    first = charter(1, status=CharterStatus.REPLACED)
    old = commitment(tours, first)
    second = charter(2, adopted_on=datetime.date(2026, 1, 5))
    new = commitment(tours, second, status=CommitmentStatus.PENDING, signed_on=datetime.date(2026, 2, 1))
    client.force_login(team)
    client.post(f"/concertations-ia/verification/{new.pk}/", {"decision": "verifier"})
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, new.status) == (CommitmentStatus.WITHDRAWN, CommitmentStatus.VERIFIED)
    assert "version 2" in old.withdrawal_reason


def test_a_referent_withdraws_with_a_date_and_the_register_keeps_the_past_signatory(client, clock, home, tours,
                                                                                    referent):
    page = programme_page(home)
    current = commitment(tours, charter())
    client.force_login(referent)
    url = f"/concertations-ia/engagements/{current.pk}/retrait/"
    response = client.post(url, {"withdrawn_on": "02/03/2026", "reason": "Nouvelle équipe"})
    assert response.status_code == 400 and "ne peut pas être dans le futur" in response.content.decode()
    response = client.post(url, {"withdrawn_on": "01/01/2025", "reason": "Nouvelle équipe"})
    assert response.status_code == 400 and "ne peut pas précéder la signature" in response.content.decode()
    assert client.post(url, {"withdrawn_on": "20/02/2026", "reason": "Nouvelle équipe municipale"}).status_code == 302
    current.refresh_from_db()
    assert (current.status, current.withdrawn_on, current.withdrawn_by) == (
        CommitmentStatus.WITHDRAWN, datetime.date(2026, 2, 20), referent)
    register = client.get(page.url + "signataires/").content.decode()
    assert "Retiré le 20 février 2026" in register and "Nouvelle équipe municipale" in register
    assert "Tours Métropole Val de Loire" not in client.get(page.url).content.decode()
    assert client.get(url).status_code == 404  # nothing more to withdraw


def test_the_signed_document_is_for_the_referents_and_the_team_only(client, clock, tours, referent, team):
    current = commitment(tours, charter())
    url = f"/concertations-ia/engagements/{current.pk}/charte-signee/"
    assert client.get(url).status_code == 302  # to the log-in page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(agent("agent@tours.example.org", tours))
    assert client.get(url).status_code == 404
    for person in (referent, team):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["Content-Type"] == "application/pdf"


def test_the_verification_pages_are_for_the_team_only(client, clock, tours, referent):
    pending = commitment(tours, charter(), status=CommitmentStatus.PENDING)
    client.force_login(referent)
    assert client.get("/concertations-ia/verification/").status_code == 403
    assert client.post(f"/concertations-ia/verification/{pending.pk}/", {"decision": "verifier"}).status_code == 403
    client.force_login(UserFactory(is_staff=True))  # staff without the permission
    assert client.get("/concertations-ia/verification/").status_code == 403
    pending.refresh_from_db()
    assert pending.status == CommitmentStatus.PENDING


def test_open_data_holds_the_register_only_with_its_schema_and_licence(client, clock, tours):
    version = charter()
    commitment(located(tours, 47.3941, 0.6848), version)
    commitment(organisation("Bordeaux Métropole"), version, status=CommitmentStatus.PENDING)
    commitment(organisation("Ville de Paris"), version, status=CommitmentStatus.REFUSED)
    commitment(organisation("Ville de Rezé"), version, status=CommitmentStatus.WITHDRAWN,
               withdrawn_on=datetime.date(2026, 2, 1), withdrawal_reason="Fin du mandat")
    csv = client.get("/donnees/concertations-ia.csv")
    assert csv["Content-Type"] == "text/csv; charset=utf-8" and 'rel="license"' in csv["Link"]
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("identifiant,organisation,organisation_siren")
    assert len(lines) == 3
    records = json.loads(client.get("/donnees/concertations-ia.json").content)
    assert records["licence"]["name"] == "etalab-2.0"
    rows = {row["organisation"]: row for row in records["records"]}
    assert set(rows) == {"Tours Métropole Val de Loire", "Ville de Rezé"}
    assert (rows["Tours Métropole Val de Loire"]["latitude"], rows["Tours Métropole Val de Loire"]["en_cours"]) == (
        47.3941, True)
    assert (rows["Ville de Rezé"]["en_cours"], rows["Ville de Rezé"]["retire_le"]) == (False, "2026-02-01")
    schema = json.loads(client.get("/donnees/concertations-ia.schema.json").content)
    assert [field["name"] for field in schema["fields"]] == list(rows["Ville de Rezé"])
    assert "Licence Ouverte" in client.get("/donnees/concertations-ia/").content.decode()


def test_my_space_lists_the_referents_commitments_and_the_teams_queue(client, clock, tours, referent, team):
    commitment(tours, charter(), status=CommitmentStatus.PENDING, submitted_by=referent)
    client.force_login(referent)
    content = client.get("/compte/").content.decode()
    assert "Concertations IA : engagement dans la charte" in content
    assert "Tours Métropole Val de Loire — version 1 : En attente de vérification" in content
    client.force_login(team)
    assert "1 engagement à vérifier" in client.get("/compte/").content.decode()
    client.force_login(agent("agent@tours.example.org", tours))
    assert "engagement dans la charte" not in client.get("/compte/").content.decode()


def test_the_commitments_a_person_submitted_are_in_their_personal_data(clock, tours, referent):
    from accounts.gdpr import export_user_data

    commitment(tours, charter(), status=CommitmentStatus.PENDING, submitted_by=referent)
    [exported] = export_user_data(referent)["concertations_engagements"]
    assert datetime.datetime.fromisoformat(exported.pop("deposee_le")) == clock.now
    assert exported == {"organisation": "Tours Métropole Val de Loire",
                        "signataire": "Élue de Tours Métropole Val de Loire", "signee_le": "2025-01-25",
                        "statut": "pending"}
