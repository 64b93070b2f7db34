"""Agents draft and submit records, the team reviews them, each publication is a version with a public history.

Through the views, as people use them: bad input is refused next to its
field and saves nothing; a record never published appears nowhere public;
an update is a draft while the published record stays live; the public
history shows level-0 differences only.
"""

import datetime

import pytest
from django.core import mail
from django.test import Client

from accounts.models import Membership, MembershipRole, MembershipStatus
from interconnectes.models import MemberYear
from library import submissions
from library.models import Implementation
from library.rules import Status
from reviews.models import Draft, ReviewEvent, Version
from reviews.states import Action, State
from sitesearch import indexing
from tests.accounts.factories import organisation
from tests.library.factories import ImplementationFactory
from tests.library.reviewing import CHECKLIST_ALL, agent, form_data, library_staff

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    """The e-mails are enqueued once the transaction commits: here, at once (tasks run immediately in tests)."""
    monkeypatch.setattr("library.submissions.transaction.on_commit", lambda callback, robust=False: callback())


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lyon():
    return organisation("Ville de Lyon", kind="commune", member_year=NOW.year)


@pytest.fixture
def source(use_case):
    return ImplementationFactory(
        use_case=use_case, lead_organisation=organisation("Nantes Métropole"), purpose="Commander le bon nombre.",
        usage="Les cuisiniers chaque lundi.", contact_email="data@nantes.example.org", lessons_worked="secret-n1",
        technical_documentation="secret-n2", status=Status.PRODUCTION)


def test_reprendre_ce_projet_starts_from_its_public_and_agent_fields_and_credits_it(use_case, source, lyon):
    client = logged_in(agent("agent@lyon.example.org", lyon))
    page = client.get(f"/projets-ia/nouveau/?reprendre={source.pk}")
    assert page.status_code == 200 and "Vous reprenez le projet de Nantes Métropole" in page.text
    response = client.post(f"/projets-ia/nouveau/?reprendre={source.pk}",
                           {"use_case": use_case.pk, "organisation": lyon.pk})
    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/projets-ia/brouillon/{draft.pk}/"
    assert draft.data["purpose"] == "Commander le bon nombre." and draft.data["lessons_worked"] == "secret-n1"
    # Not what belongs to Nantes (its contact, status, dates), nor level 2 (an agent does not read it).
    assert draft.data["contact_email"] == "" and draft.data["status"] == Status.IDEA
    assert draft.data["started_on"] is None and draft.data["technical_documentation"] == ""
    assert draft.context == {"use_case": use_case.pk, "derived_from": source.pk}
    assert "Reprend le projet de Nantes Métropole" in client.get(f"/projets-ia/brouillon/{draft.pk}/").text


def test_only_verified_agents_start_a_record_and_one_per_collectivite(use_case, source, lyon):
    plain = logged_in(agent("autre@example.org", organisation("Ailleurs")))
    Membership.objects.filter(person__email="autre@example.org").update(status=MembershipStatus.PENDING)
    assert plain.get("/projets-ia/nouveau/").status_code == 403
    nantes_agent = logged_in(agent("agent@nantes.example.org", source.lead_organisation))
    response = nantes_agent.post("/projets-ia/nouveau/", {"use_case": use_case.pk,
                                                         "organisation": source.lead_organisation.pk})
    assert response.status_code == 400
    assert "Votre collectivité a déjà une fiche sur ce cas d&#x27;usage" in response.text
    assert not Draft.objects.exists()
    other_org = logged_in(agent("agent2@lyon.example.org", lyon))
    response = other_org.post("/projets-ia/nouveau/", {"use_case": use_case.pk,
                                                       "organisation": source.lead_organisation.pk})
    assert response.status_code == 400 and not Draft.objects.exists()  # not one of their collectivités


def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(use_case, lyon):
    person = agent("agent@lyon.example.org", lyon)
    draft = submissions.start_new(person, use_case, lyon, NOW)
    client = logged_in(person)
    response = client.post(f"/projets-ia/brouillon/{draft.pk}/", form_data(
        draft, purpose="Prévoir les repas", status=Status.STOPPED, started_on="2024-05-01", ended_on="2023-01-01",
        code_url="pas une adresse"))
    assert response.status_code == 400
    assert "Indiquez pourquoi le projet a été arrêté" in response.text
    assert "La date de fin précède la date de début." in response.text
    assert "Saisissez une URL valide." in response.text
    draft.refresh_from_db()
    assert draft.revision == 0 and draft.data["purpose"] == ""


def test_a_submission_is_reviewed_changed_on_request_then_published_with_its_first_version(use_case, lyon):
    person = agent("agent@lyon.example.org", lyon)
    staff = library_staff()
    draft = submissions.start_new(person, use_case, lyon, NOW)
    client = logged_in(person)
    assert client.post(f"/projets-ia/brouillon/{draft.pk}/", form_data(
        draft, purpose="Prévoir les repas de Lyon", licence="MIT")).status_code == 302
    mail.outbox.clear()
    assert client.post(f"/projets-ia/brouillon/{draft.pk}/soumettre/").status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED and [message.to for message in mail.outbox] == [[staff.email]]
    assert use_case.url + "ville-de-lyon/" not in Client().get(use_case.url).text
    # Saving is refused while the team reads it.
    client.post(f"/projets-ia/brouillon/{draft.pk}/", form_data(draft, purpose="Autre chose"))
    draft.refresh_from_db()
    assert draft.data["purpose"] == "Prévoir les repas de Lyon"

    team = logged_in(staff)
    assert "Ville de Lyon" in team.get("/projets-ia/relecture/").text
    assert "Prévoir les repas de Lyon" in team.get(f"/projets-ia/relecture/{draft.pk}/").text
    refused = team.post(f"/projets-ia/relecture/{draft.pk}/", {"decision": "approve",
                                                             "checklist": CHECKLIST_ALL[:3]})
    assert refused.status_code == 400 and "Cochez chaque point de la liste" in refused.text
    assert not Implementation.objects.filter(lead_organisation=lyon).exists()
    mail.outbox.clear()
    assert team.post(f"/projets-ia/relecture/{draft.pk}/", {
        "decision": "changes", "comment_usage": "Dites qui s'en sert, et quand."}).status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.CHANGES_REQUESTED and draft.comments == {"usage": "Dites qui s'en sert, et quand."}
    assert [message.to for message in mail.outbox] == [[person.email]]
    assert "Modifications demandées" in mail.outbox[0].subject
    page = client.get(f"/projets-ia/brouillon/{draft.pk}/").text
    assert "Dites qui s&#x27;en sert, et quand." in page

    client.post(f"/projets-ia/brouillon/{draft.pk}/", form_data(draft, usage="La cuisine centrale, chaque lundi."))
    client.post(f"/projets-ia/brouillon/{draft.pk}/soumettre/")
    mail.outbox.clear()
    assert team.post(f"/projets-ia/relecture/{draft.pk}/", {"decision": "approve", "checklist": CHECKLIST_ALL,
                                                            "note": "Merci"}).status_code == 302
    record = Implementation.objects.get(lead_organisation=lyon)
    assert record.first_published_at is not None and record.usage == "La cuisine centrale, chaque lundi."
    assert list(Version.objects.values_list("number", "object_id", "checked_at")) == [
        (1, record.pk, record.first_published_at)]
    assert "Fiche publiée" in mail.outbox[0].subject
    public = Client().get(use_case.url + "ville-de-lyon/")
    assert public.status_code == 200 and "La cuisine centrale, chaque lundi." in public.text
    assert "Version 1" in Client().get(use_case.url + "ville-de-lyon/historique/").text
    assert list(ReviewEvent.objects.filter(draft=draft).values_list("action", flat=True)) == [
        Action.CREATE, Action.SUBMIT, Action.REQUEST_CHANGES, Action.SUBMIT, Action.APPROVE]


def test_a_refusal_needs_its_reason_and_tells_the_editors(use_case, lyon):
    person = agent("agent@lyon.example.org", lyon)
    draft = submissions.start_new(person, use_case, lyon, NOW)
    draft.data["purpose"] = "Prévoir"
    draft.save()
    submissions.submit(draft.pk, person, NOW)
    team = logged_in(library_staff())
    response = team.post(f"/projets-ia/relecture/{draft.pk}/", {"decision": "refuse", "note": " "})
    assert response.status_code == 400 and "Indiquez la raison du refus" in response.text
    mail.outbox.clear()
    team.post(f"/projets-ia/relecture/{draft.pk}/", {"decision": "refuse", "note": "Hors du champ de l'IA."})
    draft.refresh_from_db()
    assert draft.state == State.REFUSED and "Hors du champ de l'IA." in mail.outbox[0].body
    assert not Implementation.objects.filter(lead_organisation=lyon).exists()


def test_a_record_never_published_is_nowhere_public(library, use_case):
    ImplementationFactory(use_case=use_case, lead_organisation=organisation("Commune cachée", kind="commune"),
                          purpose="finalite-jamais-publiee", first_published_at=None)
    indexing.rebuild()
    client = Client()
    for url in (library.url, use_case.url, use_case.url + "comparaison/", "/sitemap.xml"):
        text = client.get(url).text
        assert "finalite-jamais-publiee" not in text and "commune-cachee" not in text, url
    found = client.get("/recherche/?q=finalite-jamais-publiee").text
    assert "0 résultats" in found and "commune-cachee" not in found
    assert client.get(use_case.url + "commune-cachee/").status_code == 404
    assert client.get(use_case.url + "commune-cachee/historique/").status_code == 404


def test_an_update_stays_a_draft_then_is_published_directly_and_its_history_shows_level_0_only(use_case, source):
    person = agent("agent@nantes.example.org", source.lead_organisation)
    client = logged_in(person)
    url = use_case.url + "nantes-metropole/"
    for number, (purpose, lessons) in enumerate([("Finalité v1", "lecon-n1-v1"), ("Finalité v2", "lecon-n1-v2")],
                                                 start=2):
        response = client.post(f"/projets-ia/fiche/{source.pk}/modifier/")
        draft = Draft.objects.get(object_id=source.pk, state=State.DRAFT)
        assert response["Location"] == f"/projets-ia/brouillon/{draft.pk}/"
        client.post(f"/projets-ia/brouillon/{draft.pk}/", form_data(draft, purpose=purpose, lessons_worked=lessons))
        assert purpose not in Client().get(url).text  # the published record stays live meanwhile
        client.post(f"/projets-ia/brouillon/{draft.pk}/soumettre/")
        assert purpose in Client().get(url).text
        assert Version.objects.get(number=number).checked_at is None  # to read afterwards
    # Version 1 is the record as it was public before versions were kept: the first update shows its changes.
    assert Version.objects.get(number=1).snapshot["purpose"] == "Commander le bon nombre."
    history = Client().get(url + "historique/").text
    assert "Version 3" in history and "Finalité v1" in history and "Finalité v2" in history
    assert "Commander le bon nombre." in history
    for secret in ("lecon-n1-v1", "lecon-n1-v2", "secret-n1", "secret-n2"):
        assert secret not in history
    team = logged_in(library_staff())
    queue = team.get("/projets-ia/relecture/").text
    assert "Version 3" in queue
    team.post(f"/projets-ia/relecture/version/{Version.objects.get(number=3).pk}/relue/")
    assert Version.objects.get(number=3).checked_at is not None


def test_losing_the_membership_of_the_association_keeps_the_record_and_editing_losing_verification_ends_it(
        use_case, source):
    MemberYear.objects.create(organisation=source.lead_organisation, year=NOW.year - 1)
    person = agent("agent@nantes.example.org", source.lead_organisation)
    client = logged_in(person)
    assert client.post(f"/projets-ia/fiche/{source.pk}/modifier/").status_code == 302
    draft = Draft.objects.get()
    assert Client().get(use_case.url + "nantes-metropole/").status_code == 200
    assert client.get(f"/projets-ia/brouillon/{draft.pk}/").status_code == 200
    Membership.objects.filter(person=person).update(status=MembershipStatus.REVOKED)
    assert client.get(f"/projets-ia/brouillon/{draft.pk}/").status_code == 404
    assert client.post(f"/projets-ia/fiche/{source.pk}/modifier/").status_code == 404
    assert client.post(f"/projets-ia/brouillon/{draft.pk}/soumettre/").status_code == 404
    assert Client().get(use_case.url + "nantes-metropole/").status_code == 200


def test_a_withdrawn_record_leaves_the_lists_says_why_and_keeps_its_lessons_for_agents(use_case, source, lyon):
    team = logged_in(library_staff())
    response = team.post(f"/projets-ia/fiche/{source.pk}/retirer/", {"reason": ""})
    assert response.status_code == 400 and "Indiquez pourquoi la fiche est retirée" in response.text
    assert team.post(f"/projets-ia/fiche/{source.pk}/retirer/", {"reason": "Projet abandonné en 2025."}) \
        .status_code == 302
    assert "nantes-metropole/" not in Client().get(use_case.url).text
    page = Client().get(use_case.url + "nantes-metropole/").text
    assert "Projet abandonné en 2025." in page and "secret-n1" not in page
    reader = logged_in(agent("agent@lyon.example.org", lyon))
    assert "secret-n1" in reader.get(use_case.url + "nantes-metropole/").text


def test_a_referent_invites_a_verified_colleague_only(use_case, lyon):
    referent = agent("referente@lyon.example.org", lyon, role=MembershipRole.REFERENT)
    colleague = agent("collegue@lyon.example.org", lyon)
    outsider = agent("agent@ailleurs.example.org", organisation("Ailleurs"))
    creator = agent("agent@lyon.example.org", lyon)
    draft = submissions.start_new(creator, use_case, lyon, NOW)
    client = logged_in(referent)
    response = client.post(f"/projets-ia/brouillon/{draft.pk}/inviter/", {"invite-person": outsider.pk})
    assert response.status_code == 400 and "Sélectionnez un choix valide" in response.text
    mail.outbox.clear()
    assert client.post(f"/projets-ia/brouillon/{draft.pk}/inviter/",
                       {"invite-person": colleague.pk}).status_code == 302
    assert list(draft.editors.all()) == [colleague] and mail.outbox[0].to == [colleague.email]
    assert logged_in(colleague).get(f"/projets-ia/brouillon/{draft.pk}/").status_code == 200
    assert logged_in(outsider).get(f"/projets-ia/brouillon/{draft.pk}/").status_code == 404


def test_autosave_answers_without_a_page_and_a_conflict_is_shown_next_to_the_field(use_case, lyon):
    first, second = agent("a@lyon.example.org", lyon), agent("b@lyon.example.org", lyon)
    draft = submissions.start_new(first, use_case, lyon, NOW)
    draft.editors.add(second)
    loaded = form_data(draft)
    response = logged_in(first).post(f"/projets-ia/brouillon/{draft.pk}/", dict(loaded, purpose="Version A"),
                                     HTTP_X_AUTOSAVE="1")
    assert response.status_code == 204
    clash = logged_in(second).post(f"/projets-ia/brouillon/{draft.pk}/", dict(loaded, purpose="Version B",
                                                                           usage="Usage B"))
    assert clash.status_code == 409 and "Sa version : « Version A »" in clash.text
    draft.refresh_from_db()
    assert draft.data["purpose"] == "Version A" and draft.data["usage"] == ""


def test_my_space_lists_the_agents_drafts_and_records_and_nothing_for_others(use_case, source, lyon):
    person = agent("agent@nantes.example.org", source.lead_organisation)
    draft = submissions.start_update(person, source, NOW)
    space = logged_in(person).get("/compte/").text
    assert "Mes projets d&#x27;IA" in space and f"/projets-ia/brouillon/{draft.pk}/" in space
    assert f"/projets-ia/fiche/{source.pk}/modifier/" in space
    other = logged_in(agent("agent@lyon.example.org", lyon)).get("/compte/").text
    assert f"/projets-ia/brouillon/{draft.pk}/" not in other
