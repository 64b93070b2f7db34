"""The three ways to be verified as an agent, a référent's management of agents, and their refusals in French."""

import datetime
import html
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import memberships
from accounts.models import Membership, MembershipInvitation, MembershipRole, MembershipStatus, VerificationRequest
from interconnectes.models import EmailDomain, Organisation
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, user_with_permissions

pytestmark = pytest.mark.django_db

SIGNUP = {"first_name": "Camille", "last_name": "Martin", "password1": "cantines et données 2026",
          "password2": "cantines et données 2026"}


def text(response):
    return html.unescape(response.content.decode())


def link_in(message):
    return re.search(r"http://localhost(/\S+)", message.body).group(1)


@pytest.fixture
def nantes(db):
    return organisation("Nantes Métropole", member_year=2026, domain="nantesmetropole.fr")


@pytest.fixture
def referent(nantes):
    person = UserFactory(email="referente@nantesmetropole.fr", username="referente@nantesmetropole.fr")
    member(person, nantes, role=MembershipRole.REFERENT)
    return person


# (a) an address on a declared domain, confirmed by the sign-up link

def test_an_address_on_a_declared_domain_is_verified_by_the_confirmation_link(client, nantes):
    client.post(reverse("accounts:signup"), {**SIGNUP, "email": "Camille.Martin@NantesMetropole.fr"})
    assert not Membership.objects.exists()  # nothing before the address is confirmed
    response = client.get(link_in(mail.outbox[0]), follow=True)
    membership = Membership.objects.get(person__email="camille.martin@nantesmetropole.fr")
    assert (membership.organisation, membership.status, membership.method) == (nantes, "verified", "domain")
    assert "vous en êtes agent vérifié·e" in text(response)


def test_an_address_on_another_domain_is_not_verified(client, nantes):
    client.post(reverse("accounts:signup"), {**SIGNUP, "email": "camille@nantes-metropole.example.org"})
    client.get(link_in(mail.outbox[0]))
    assert not Membership.objects.exists()


def test_a_revoked_agent_stays_revoked_when_confirming_again(nantes, clock):
    person = UserFactory(email="ancien@nantesmetropole.fr")
    member(person, nantes, status=MembershipStatus.REVOKED)
    assert memberships.verify_by_email_domain(person, clock()) is None
    assert Membership.objects.get(person=person).status == MembershipStatus.REVOKED


def test_a_domain_declared_by_two_organisations_is_refused_in_french(nantes):
    other = organisation("Ville de Nantes", kind="commune")
    duplicate = EmailDomain(organisation=other, domain="@NantesMetropole.fr ")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["domain"] == ["Ce domaine est déjà déclaré par une autre organisation."]


@pytest.mark.parametrize(("domain", "message"), [
    ("gmail.com", "messagerie ouverte à tous"),
    ("pas un domaine", "Saisissez un nom de domaine"),
])
def test_webmail_and_malformed_domains_are_refused(nantes, domain, message):
    with pytest.raises(ValidationError) as error:
        EmailDomain(organisation=nantes, domain=domain).full_clean()
    assert message in error.value.message_dict["domain"][0]


# (b) an invitation by the organisation's référent

def invite(client, referent, nantes, email="invite@example.org"):
    client.force_login(referent)
    return client.post(reverse("accounts:organisation", args=[nantes.pk]), {"email": email})


def test_an_invitation_verifies_its_addressee_once(client, referent, nantes, clock):
    response = invite(client, referent, nantes)
    assert response.status_code == 302
    invitation = MembershipInvitation.objects.get()
    assert invitation.token_hash and invitation.expires_at == clock() + datetime.timedelta(days=14)
    link = link_in(mail.outbox[0])
    invited = UserFactory(email="invite@example.org")
    client.force_login(invited)
    assert "vous invite à rejoindre Nantes Métropole" in text(client.get(link))
    client.post(link)
    membership = Membership.objects.get(person=invited)
    assert (membership.status, membership.method, membership.verified_by) == ("verified", "invitation", referent)
    response = client.post(link)
    assert response.status_code == 410
    assert "ne sert qu'une fois" in text(response)


def test_an_expired_invitation_says_so(client, referent, nantes, clock):
    invite(client, referent, nantes)
    link = link_in(mail.outbox[0])
    clock.set(clock() + datetime.timedelta(days=14))
    client.force_login(UserFactory(email="invite@example.org"))
    response = client.post(link)
    assert response.status_code == 410
    assert "a expiré" in text(response)
    assert not Membership.objects.filter(person__email="invite@example.org").exists()


def test_an_invitation_opened_by_another_person_says_so(client, referent, nantes):
    invite(client, referent, nantes)
    link = link_in(mail.outbox[0])
    intruder = UserFactory(email="autre@example.org")
    client.force_login(intruder)
    response = client.post(link)
    assert response.status_code == 410
    assert "une autre adresse" in text(response)
    assert not Membership.objects.filter(person=intruder).exists()
    assert MembershipInvitation.objects.get().accepted_at is None


def test_only_a_verified_referent_reaches_the_organisation_page(client, referent, nantes):
    agent = UserFactory()
    member(agent, nantes)
    client.force_login(agent)
    assert client.get(reverse("accounts:organisation", args=[nantes.pk])).status_code == 404
    assert client.post(reverse("accounts:organisation", args=[nantes.pk]), {"email": "x@example.org"}).status_code \
        == 404
    assert not MembershipInvitation.objects.exists()


def test_a_bad_address_keeps_what_was_typed(client, referent, nantes):
    response = invite(client, referent, nantes, email="pas-une-adresse")
    assert response.status_code == 400
    page = text(response)
    assert 'value="pas-une-adresse"' in page and "Saisissez une adresse de courriel valide" in page
    assert not MembershipInvitation.objects.exists()


def test_invitations_are_throttled_per_referent(client, referent, nantes, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "AGENT_INVITATIONS_PER_ACCOUNT_PER_DAY": 2}
    for index in range(2):
        assert invite(client, referent, nantes, email=f"agent{index}@example.org").status_code == 302
    response = invite(client, referent, nantes, email="agent9@example.org")
    assert response.status_code == 429
    assert "Trop d'invitations" in text(response)
    assert MembershipInvitation.objects.count() == 2


# Revoking and leaving

def test_a_referent_revokes_an_agent_and_access_goes_at_once(client, referent, nantes):
    agent = UserFactory()
    membership = member(agent, nantes)
    client.force_login(referent)
    client.post(reverse("accounts:revoke", args=[membership.pk]))
    membership.refresh_from_db()
    assert (membership.status, membership.verified_by) == (MembershipStatus.REVOKED, referent)


def test_the_last_referent_cannot_revoke_themselves(client, referent, nantes):
    own = Membership.objects.get(person=referent)
    client.force_login(referent)
    response = client.post(reverse("accounts:revoke", args=[own.pk]), follow=True)
    assert "dernière référent·e" in text(response)
    own.refresh_from_db()
    assert own.status == MembershipStatus.VERIFIED


def test_a_referent_cannot_revoke_in_another_organisation(client, referent):
    other = member(UserFactory(), organisation("Toulouse Métropole"))
    client.force_login(referent)
    assert client.post(reverse("accounts:revoke", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == MembershipStatus.VERIFIED


def test_an_agent_leaves_their_organisation(client, nantes):
    agent = UserFactory()
    membership = member(agent, nantes)
    client.force_login(agent)
    client.post(reverse("accounts:leave", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


# (c) a request approved by the association's team

def test_a_request_for_an_organisation_not_on_the_site_is_approved_creating_it(client, admin_client, clock):
    person = UserFactory(email="agent@ploemeur.fr", first_name="Léa")
    client.force_login(person)
    response = client.post(reverse("accounts:request_verification"),
                           {"organisation_name": "Commune de Ploemeur", "job_title": "Chargée de mission"})
    assert response.status_code == 302
    verification = VerificationRequest.objects.get()
    assert admin_client.get(reverse("accounts_verification:index")).status_code == 200
    response = admin_client.post(reverse("accounts_admin_approve", args=[verification.pk]), {"kind": ""})
    assert "choisissez son type pour la créer" in text(response)
    assert not Organisation.objects.filter(name="Commune de Ploemeur").exists()
    admin_client.post(reverse("accounts_admin_approve", args=[verification.pk]), {"kind": "commune"})
    created = Organisation.objects.get(name="Commune de Ploemeur")
    membership = Membership.objects.get(person=person)
    assert (membership.organisation, membership.status, membership.method) == (created, "verified", "staff")
    assert "est vérifié" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == ["agent@ploemeur.fr"]


def test_a_refusal_needs_a_reason_and_sends_it(client, admin_client, nantes):
    person = UserFactory(email="inconnu@example.org")
    client.force_login(person)
    client.post(reverse("accounts:request_verification"), {"organisation": nantes.pk, "job_title": "Stagiaire"})
    verification = VerificationRequest.objects.get()
    response = admin_client.post(reverse("accounts_admin_refuse", args=[verification.pk]), {"reason": ""})
    assert response.status_code == 400
    admin_client.post(reverse("accounts_admin_refuse", args=[verification.pk]),
                      {"reason": "Adresse sans lien avec la métropole."})
    verification.refresh_from_db()
    assert verification.status == "refused"
    assert not Membership.objects.exists()
    assert "Adresse sans lien avec la métropole." in mail.outbox[-1].body


def test_a_request_without_an_organisation_is_refused_next_to_the_field(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:request_verification"), {"job_title": "Agent"})
    assert response.status_code == 400
    assert "saisissez son nom si elle n'y est pas" in text(response)
    assert not VerificationRequest.objects.exists()


def test_verification_requests_are_throttled(client, nantes, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "VERIFICATION_REQUESTS_PER_ACCOUNT_PER_DAY": 1}
    client.force_login(UserFactory())
    data = {"organisation": nantes.pk, "job_title": "Agent"}
    assert client.post(reverse("accounts:request_verification"), data).status_code == 302
    response = client.post(reverse("accounts:request_verification"), data)
    assert response.status_code == 429
    assert VerificationRequest.objects.count() == 1


def test_editors_without_the_permission_cannot_decide(client, nantes, clock):
    editor = user_with_permissions("wagtailadmin.access_admin", is_staff=True)
    verification = VerificationRequest.objects.create(person=UserFactory(), organisation=nantes, job_title="x",
                                                      created_at=clock())
    client.force_login(editor)
    for name in ("accounts_admin_approve", "accounts_admin_refuse"):
        assert client.post(reverse(name, args=[verification.pk]), {"kind": "", "reason": "x"}).status_code in (302, 403)
    assert client.get(reverse("accounts_verification:index")).status_code in (302, 403)
    verification.refresh_from_db()
    assert verification.status == "pending"
    assert not Membership.objects.exists()
