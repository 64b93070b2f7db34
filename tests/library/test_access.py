"""Expert access on request, level-1 and level-2 documents with their download log, contacts with consent and the
message relay: the rules, the views with bad input, who reaches what (404 below a document's level, at once when
a grant expires or is revoked), the e-mail quotas."""

import datetime
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.models import EmailRequest, Grant, GrantDecision, MembershipRole
from interconnectes.models import NavigationSettings, OrganisationKind, SiteSettings
from library import access, uploads
from library.access_models import consent_is_current
from library.models import DocumentDownload, Implementation, ImplementationDocument
from library.rules import Status
from library.tiers import Level, visible_contacts, visible_documents
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, user_with_permissions
from tests.library.factories import PDF, ImplementationFactory, contact, document, grant
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
T0 = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FAR = datetime.datetime(2099, 1, 1, tzinfo=UTC)


def zip_bytes(entries=1):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(entries):
            archive.writestr(f"src/module_{n}.py", "print('bonjour')\n")
    return buffer.getvalue()


# --- Rules --------------------------------------------------------------------------------------------------------

def test_consent_counts_once_given_and_until_withdrawn():
    assert not consent_is_current(None, None)
    assert consent_is_current(T0, None)
    assert not consent_is_current(T0, T0 + datetime.timedelta(days=1))
    assert consent_is_current(T0 + datetime.timedelta(days=2), T0 + datetime.timedelta(days=1))  # given again


class Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def test_documents_and_contacts_are_shown_by_level():
    documents = [Row(title="Guide", level=1, pk=1), Row(title="Code", level=2, pk=2)]
    assert [d.title for d in visible_documents(documents, Level.AGENTS, lambda d: f"/d/{d.pk}/")] == ["Guide"]
    assert [d.url for d in visible_documents(documents, Level.EXPERTS, lambda d: f"/d/{d.pk}/")] == ["/d/1/", "/d/2/"]
    assert visible_documents(documents, Level.PUBLIC, str) == []
    consenting = Row(name="Claire", role="Cheffe de projet", email="c@example.org", has_consented=True, pk=1)
    silent = Row(name="Paul", role="DSI", email="p@example.org", has_consented=False, pk=2)
    assert visible_contacts([consenting, silent], Level.PUBLIC, str) == []
    shown, relayed = visible_contacts([consenting, silent], Level.AGENTS, lambda c: f"/ecrire/{c.pk}/")
    assert (shown.name, shown.email) == ("Claire", "c@example.org")
    assert (relayed.name, relayed.email, relayed.role, relayed.write_url) == ("", "", "DSI", "/ecrire/2/")


@pytest.mark.parametrize(("content", "expected"), [(PDF, "application/pdf"), (zip_bytes(), uploads.ZIP)])
def test_a_document_is_recognised_by_its_content(content, expected):
    assert uploads.check(SimpleUploadedFile("nom-trompeur.exe", content)) == expected


@pytest.mark.parametrize(("content", "message"), [
    (b"MZ\x90\x00 un programme", "n'est pas un PDF, ODT, DOCX, PNG, JPEG ou une archive ZIP"),
    (b"", "Ce fichier est vide."),
    (b"%PDF-" + b"0" * (10 * 1024 * 1024), "Ce fichier dépasse 10 Mo."),
    (zip_bytes(1001), "trop d'éléments"),
])
def test_a_document_is_refused_in_french_by_content_and_size(content, message):
    with pytest.raises(ValidationError) as refusal:
        uploads.check(SimpleUploadedFile("code.zip", content))
    assert message in " ".join(refusal.value.messages)


# --- The world ----------------------------------------------------------------------------------------------------

@pytest.fixture
def world(use_case):
    """Nantes' canteen project with a référent; an agent of Lyon; an expert with an account only; the team."""
    users = get_user_model().objects
    nantes = organisation("Nantes Métropole")
    implementation = ImplementationFactory(use_case=use_case, lead_organisation=nantes, status=Status.PRODUCTION,
                                           lessons_worked="Associer les cuisiniers.", model_card="Gradient boosting.")
    referent = users.create_user("referente@nantes.example.org", "referente@nantes.example.org")
    member(referent, nantes, role=MembershipRole.REFERENT)
    other_referent = users.create_user("referent@rennes.example.org", "referent@rennes.example.org")
    member(other_referent, organisation("Rennes Métropole"), role=MembershipRole.REFERENT)
    agent = users.create_user("agent@lyon.example.org", "agent@lyon.example.org", first_name="Léa",
                              last_name="Bernard")
    member(agent, organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    expert = users.create_user("expert@recherche.example.org", "expert@recherche.example.org", first_name="Inès")
    team = user_with_permissions("accounts.change_grant", email="equipe@example.org", is_staff=True)
    return {"implementation": implementation, "referent": referent, "other_referent": other_referent,
            "agent": agent, "expert": expert, "team": team, "plain": UserFactory(),
            "page": use_case.url + implementation.slug + "/"}


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def pending(world, person=None):
    return Grant.objects.create(
        person=person or world["expert"], content_type=ContentType.objects.get_for_model(Implementation),
        object_id=world["implementation"].pk, purpose="Reprendre le modèle pour une thèse sur le gaspillage.",
        terms_accepted_at=T0, created_at=T0)


# --- Requesting expert access -------------------------------------------------------------------------------------

def test_a_reader_below_level_two_is_offered_the_request(world):
    text = client_for(world["agent"]).get(world["page"]).text
    assert reverse("library_access:request_access", args=[world["implementation"].pk]) in text
    assert "Demander un accès expert" in text


def test_a_request_needs_a_purpose_and_the_terms_accepted(world):
    url = reverse("library_access:request_access", args=[world["implementation"].pk])
    assert client_for(None).get(url).status_code == 302  # to the login page
    client = client_for(world["expert"])
    assert "Conditions d'utilisation" in client.get(url).text.replace("&#x27;", "'")
    response = client.post(url, {"purpose": "", "accept_terms": ""})
    assert response.status_code == 400
    text = response.text.replace("&#x27;", "'")
    assert "Dites pourquoi vous demandez cet accès." in text
    assert "Acceptez les conditions d'utilisation pour envoyer la demande." in text
    assert client.post(url, {"purpose": "Pour voir.", "accept_terms": "on"}).status_code == 400
    assert not Grant.objects.exists()


def test_a_request_on_a_project_without_referent_goes_to_the_team(world, use_case):
    alone = ImplementationFactory(use_case=use_case)
    user_with_permissions("accounts.change_grant", email="pas-dans-l-equipe@example.org")
    client_for(world["expert"]).post(reverse("library_access:request_access", args=[alone.pk]), {
        "purpose": "Reprendre le modèle pour une thèse sur le gaspillage.", "accept_terms": "on"})
    assert [message.to for message in mail.outbox] == [["equipe@example.org"]]


def test_a_request_is_sent_to_the_referents_once_at_a_time(world):
    url = reverse("library_access:request_access", args=[world["implementation"].pk])
    client = client_for(world["expert"])
    response = client.post(url, {"purpose": "Reprendre le modèle pour une thèse sur le gaspillage.",
                                 "accept_terms": "on"})
    assert response.status_code == 302 and response["Location"] == world["page"]
    grant_row = Grant.objects.get()
    assert grant_row.decision == GrantDecision.PENDING and grant_row.terms_accepted_at is not None
    assert [message.to for message in mail.outbox] == [["referente@nantes.example.org"]]
    assert reverse("library_access:decide", args=[grant_row.pk]) in mail.outbox[0].body
    again = client.get(url).text
    assert "est en attente" in again and "<form method=\"post\" class=\"application-form\"" not in again
    client.post(url, {"purpose": "Une seconde demande, pour le même projet.", "accept_terms": "on"})
    assert Grant.objects.count() == 1 and len(mail.outbox) == 1


def test_requests_beyond_the_daily_quota_are_refused_in_french(world, settings, use_case):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "ACCESS_REQUESTS_PER_ACCOUNT_PER_DAY": 1}
    other = ImplementationFactory(use_case=use_case)
    client = client_for(world["expert"])
    data = {"purpose": "Reprendre le modèle pour une thèse sur le gaspillage.", "accept_terms": "on"}
    assert client.post(reverse("library_access:request_access", args=[world["implementation"].pk]),
                       data).status_code == 302
    response = client.post(reverse("library_access:request_access", args=[other.pk]), data)
    assert response.status_code == 429
    assert "Vous avez déjà envoyé 1 demandes d&#x27;accès aujourd&#x27;hui" in response.text
    assert Grant.objects.count() == 1


# --- Deciding -----------------------------------------------------------------------------------------------------

def test_only_the_lead_referent_and_the_team_reach_a_request(world):
    url = reverse("library_access:decide", args=[pending(world).pk])
    for role in ("plain", "agent", "expert", "other_referent"):
        assert client_for(world[role]).get(url).status_code == 404, role
    assert client_for(None).get(url).status_code == 302
    for role in ("referent", "team"):
        assert client_for(world[role]).get(url).status_code == 200, role
    assert client_for(world["referent"]).get(reverse("library_access:decide", args=[999999])).status_code == 404


def test_the_referent_approves_for_a_year_by_default_and_the_expert_is_told(world, clock):
    grant_row = pending(world)
    client = client_for(world["referent"])
    url = reverse("library_access:decide", args=[grant_row.pk])
    assert 'value="01/03/2027"' in client.get(url).text  # a year after the clock's 1 March 2026
    response = client.post(url, {"action": "approve", "approve-expires_on": "01/02/2026"})
    assert response.status_code == 400 and "Choisissez une date après aujourd&#x27;hui." in response.text
    response = client.post(url, {"action": "approve", "approve-expires_on": "31/02/2027"})
    assert response.status_code == 400 and "Saisissez une date valide (jj/mm/aaaa)." in response.text
    assert client.post(url, {"action": "approve", "approve-expires_on": "01/03/2027"}).status_code == 302
    grant_row.refresh_from_db()
    assert grant_row.decision == GrantDecision.APPROVED and grant_row.decided_by == world["referent"]
    assert grant_row.expires_at.date() == datetime.date(2027, 3, 1)
    assert mail.outbox[-1].to == ["expert@recherche.example.org"] and "accordé" in mail.outbox[-1].subject
    assert "Gradient boosting." in client_for(world["expert"]).get(world["page"]).text


def test_a_refusal_needs_a_reason_which_the_person_receives(world):
    grant_row = pending(world)
    client = client_for(world["team"])
    url = reverse("library_access:decide", args=[grant_row.pk])
    response = client.post(url, {"action": "refuse", "refuse-reason": ""})
    assert response.status_code == 400 and "Indiquez le motif du refus" in response.text
    assert client.post(url, {"action": "refuse", "refuse-reason": "Projet sans lien avec le vôtre."}).status_code == 302
    grant_row.refresh_from_db()
    assert grant_row.decision == GrantDecision.REFUSED
    assert "Projet sans lien avec le vôtre." in mail.outbox[-1].body


def test_a_revoked_or_expired_grant_stops_working_at_once(world, clock):
    implementation = world["implementation"]
    secret = document(implementation, title="Archive du code", level=2)
    download_url = reverse("library_access:download", args=[secret.pk])
    grant_row = grant(world["expert"], implementation, expires_at=clock.now + datetime.timedelta(hours=1))
    expert = client_for(world["expert"])
    assert expert.get(download_url).status_code == 200
    clock.set(clock.now + datetime.timedelta(hours=2))
    assert expert.get(download_url).status_code == 404
    assert "Gradient boosting." not in expert.get(world["page"]).text
    grant_row.expires_at = FAR
    grant_row.save()
    assert expert.get(download_url).status_code == 200
    response = client_for(world["referent"]).post(reverse("library_access:decide", args=[grant_row.pk]),
                                                  {"action": "revoke"})
    assert response.status_code == 302
    assert expert.get(download_url).status_code == 404
    assert "révoqué" in mail.outbox[-1].subject


# --- Documents ----------------------------------------------------------------------------------------------------

def test_documents_are_served_to_their_level_only_and_every_download_is_logged(world):
    implementation = world["implementation"]
    guide = document(implementation, title="Guide de déploiement", level=1)
    archive = zip_bytes()
    code = document(implementation, title="Archive du code", level=2, content=archive)
    grant(world["expert"], implementation, expires_at=FAR)
    guide_url, code_url = (reverse("library_access:download", args=[d.pk]) for d in (guide, code))
    expected = {None: (404, 404), "plain": (404, 404), "agent": (200, 404), "expert": (200, 200),
                "other_referent": (200, 404)}
    for role, statuses in expected.items():
        client = client_for(world[role] if role else None)
        assert (client.get(guide_url).status_code, client.get(code_url).status_code) == statuses, role
    response = client_for(world["expert"]).get(code_url)
    assert response["Content-Type"] == "application/zip"
    assert 'attachment; filename="archive-du-code.zip"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == archive
    logged = list(DocumentDownload.objects.order_by("pk").values_list("document__title", "person__email"))
    assert logged == [("Guide de déploiement", "agent@lyon.example.org"),
                      ("Guide de déploiement", "expert@recherche.example.org"),
                      ("Archive du code", "expert@recherche.example.org"),
                      ("Guide de déploiement", "referent@rennes.example.org"),
                      ("Archive du code", "expert@recherche.example.org")]
    manage = client_for(world["referent"]).get(reverse("library_access:manage")).text
    assert manage.count("expert@recherche.example.org") >= 2 and "Archive du code" in manage
    assert client_for(world["other_referent"]).get(reverse("library_access:manage")).text.count("Archive") == 0
    for role in ("plain", "agent", "expert"):
        assert client_for(world[role]).get(reverse("library_access:manage")).status_code == 404, role


def test_the_page_lists_each_document_under_its_level(world):
    implementation = world["implementation"]
    document(implementation, title="Guide de déploiement", level=1)
    document(implementation, title="Archive du code", level=2)
    grant(world["expert"], implementation, expires_at=FAR)
    anonymous = client_for(None).get(world["page"]).text
    assert "Guide de déploiement" not in anonymous and "/bibliotheque-ia-acces/documents/" not in anonymous
    agent = client_for(world["agent"]).get(world["page"]).text
    assert "Guide de déploiement" in agent and "Archive du code" not in agent
    expert = client_for(world["expert"]).get(world["page"]).text
    assert "Guide de déploiement" in expert and "Archive du code" in expert


def test_an_editor_uploads_a_document_checked_by_its_content(admin_client, world):
    from tests.library.test_pages import implementation_form

    implementation = world["implementation"]
    base = implementation_form(implementation.use_case, implementation.lead_organisation, slug=implementation.slug,
                               lessons_worked="Associer les cuisiniers.", model_card="Gradient boosting.")
    data = {**base, **nested_form_data({"documents": inline_formset([
        {"title": "Notice", "level": "1", "file": SimpleUploadedFile("notice.pdf", b"MZ pas un PDF")}])})}
    url = f"/admin/snippets/library/implementation/edit/{implementation.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "n&#x27;est pas un PDF, ODT, DOCX, PNG, JPEG ou une archive ZIP" in response.text
    assert not ImplementationDocument.objects.exists()
    data = {**base, **nested_form_data({"documents": inline_formset([
        {"title": "Notice", "level": "1", "file": SimpleUploadedFile("notice.pdf", PDF)}])})}
    assert admin_client.post(url, data).status_code == 302
    assert ImplementationDocument.objects.get().title == "Notice"


# --- Contacts -----------------------------------------------------------------------------------------------------

def test_a_contact_shows_their_address_only_with_consent(world):
    implementation = world["implementation"]
    contact(implementation, consented_at=T0)
    contact(implementation, name="Paul Durand", role="Directeur des systèmes d'information",
            email="paul.durand@nantes.example.org")
    anonymous = client_for(None).get(world["page"]).text
    assert "Claire Martin" not in anonymous and "claire.martin@" not in anonymous and "Paul" not in anonymous
    agent = client_for(world["agent"]).get(world["page"]).text
    assert "Claire Martin" in agent and 'href="mailto:claire.martin@nantes.example.org"' in agent
    assert "Paul Durand" not in agent and "paul.durand@" not in agent
    assert "Écrire à ce contact" in agent


def test_an_agent_writes_to_a_contact_through_the_site(world):
    silent = contact(world["implementation"], name="Paul Durand", role="DSI", email="paul.durand@nantes.example.org")
    url = reverse("library_access:write_to_contact", args=[silent.pk])
    for role in ("plain", "expert"):  # level 0 on this project: no contact at all
        assert client_for(world[role]).get(url).status_code == 404, role
    client = client_for(world["agent"])
    page = client.get(url).text
    assert "paul.durand@" not in page and "Paul Durand" not in page
    response = client.post(url, {"subject": "", "message": ""})
    assert response.status_code == 400 and "Indiquez l&#x27;objet de votre message." in response.text
    assert client.post(url, {"subject": "Vos cantines", "message": "Comment avez-vous associé les cuisiniers ?"}
                       ).status_code == 302
    relayed, copy = mail.outbox
    assert relayed.to == ["paul.durand@nantes.example.org"] and relayed.reply_to == ["agent@lyon.example.org"]
    assert "Léa Bernard (Ville de Lyon)" in relayed.body and "Comment avez-vous associé" in relayed.body
    assert copy.to == ["agent@lyon.example.org"] and "Comment avez-vous associé" in copy.body
    assert "paul.durand" not in copy.body and "paul.durand" not in copy.alternatives[0][0]


def test_messages_beyond_the_quota_are_refused_next_to_the_form(world, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "CONTACT_MESSAGES_PER_ACCOUNT_PER_DAY": 1}
    silent = contact(world["implementation"])
    url = reverse("library_access:write_to_contact", args=[silent.pk])
    client = client_for(world["agent"])
    data = {"subject": "Vos cantines", "message": "Une question."}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 429
    assert "Vous avez déjà écrit 1 messages aujourd&#x27;hui par le site" in response.text
    assert len(mail.outbox) == 2 and EmailRequest.objects.count() == 1


def test_a_contact_withdraws_consent_from_the_link_of_a_message(world):
    consenting = contact(world["implementation"], consented_at=T0)
    client_for(world["agent"]).post(reverse("library_access:write_to_contact", args=[consenting.pk]),
                                    {"subject": "Bonjour", "message": "Une question."})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/contacts/accord/" in line).split(" : ")[-1]
    path = link.split("localhost", 1)[-1]
    assert client_for(None).get(path).status_code == 200
    assert client_for(None).post(path).status_code == 200
    consenting.refresh_from_db()
    assert not consenting.has_consented
    agent = client_for(world["agent"]).get(world["page"]).text
    assert "claire.martin@" not in agent and "Écrire à ce contact" in agent
    assert client_for(None).get("/bibliotheque-ia-acces/contacts/accord/faux-jeton/").status_code == 404


# --- Mon espace and the budget ------------------------------------------------------------------------------------

def test_my_space_shows_requests_and_the_owners_link(world):
    pending(world)
    assert "en attente" in client_for(world["expert"]).get(reverse("accounts:space")).text
    referent = client_for(world["referent"]).get(reverse("accounts:space")).text
    assert reverse("library_access:manage") in referent and "1 demande à examiner" in referent
    assert reverse("library_access:manage") not in client_for(world["agent"]).get(reverse("accounts:space")).text


def test_the_page_with_documents_and_contacts_stays_within_budget(world):
    implementation = world["implementation"]
    SiteSettings.for_site(implementation.use_case.get_site())  # created once by editors in real life
    NavigationSettings.for_site(implementation.use_case.get_site())
    for n in range(30):
        document(implementation, title=f"Document {n}", level=1 + n % 2)
        contact(implementation, name=f"Contact {n}", consented_at=T0 if n % 2 else None)
    grant(world["expert"], implementation, expires_at=FAR)
    for role in ("agent", "expert"):
        assert within_budget(page_queries(client_for(world[role]), world["page"])), role


def test_access_rules_on_plain_values(world):
    implementation = world["implementation"]
    assert access.may_decide(world["referent"], implementation) and access.may_decide(world["team"], implementation)
    assert not access.may_decide(world["other_referent"], implementation)
    assert not access.may_decide(user_with_permissions("accounts.change_grant"), implementation)  # not staff
    assert access.may_request_access(world["agent"], implementation)
    grant(world["expert"], implementation, expires_at=FAR)
    assert not access.may_request_access(world["expert"], implementation)


def test_the_owners_page_and_the_forms_run_a_fixed_number_of_queries(world):
    implementation = world["implementation"]
    SiteSettings.for_site(implementation.use_case.get_site())
    NavigationSettings.for_site(implementation.use_case.get_site())
    code = document(implementation, title="Archive du code", level=2)
    silent = contact(implementation)
    urls = [reverse("library_access:manage"), reverse("library_access:decide", args=[pending(world).pk]),
            reverse("library_access:request_access", args=[implementation.pk]),
            reverse("library_access:write_to_contact", args=[silent.pk])]
    counts = {}
    for size in (2, 40):
        for _n in range(size):
            person = UserFactory()
            grant(person, implementation, expires_at=FAR)
            DocumentDownload.objects.create(document=code, person=person, at=T0)
        for url in urls:
            counts.setdefault(url, []).append(page_queries(client_for(world["referent"]), url))
    for url, (small, large) in counts.items():
        assert small == large and within_budget(small), (url, small, large)


def test_downloads_are_in_the_persons_data_and_lose_their_name_with_the_account(world):
    from accounts import gdpr

    code = document(world["implementation"], title="Archive du code", level=2)
    DocumentDownload.objects.create(document=code, person=world["expert"], at=T0)
    data = gdpr.export_user_data(world["expert"])
    assert data["bibliotheque_telechargements"] == [
        {"document": "Archive du code", "projet": str(world["implementation"]), "le": T0.isoformat()}]
    gdpr.delete_account(world["expert"], T0)
    assert DocumentDownload.objects.get().person is None
