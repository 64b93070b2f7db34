"""Accounts in every state the access rules tell apart, and their memberships."""

from accounts.models import Membership, MembershipRole, MembershipStatus, VerificationMethod
from interconnectes.models import EmailDomain, MemberYear
from tests.factories import OrganisationFactory
from tests.labels.factories import UserFactory, user_with_permissions

PASSWORD = "un mot de passe solide"


def organisation(name, *, member_year=None, domain=None, kind="metropole"):
    org = OrganisationFactory(name=name, kind=kind)
    if member_year:
        MemberYear.objects.create(organisation=org, year=member_year)
    if domain:
        EmailDomain.objects.create(organisation=org, domain=domain)
    return org


def member(person, org, *, role=MembershipRole.AGENT, status=MembershipStatus.VERIFIED,
           method=VerificationMethod.STAFF):
    return Membership.objects.create(person=person, organisation=org, role=role, status=status, method=method)


def people(member_year):
    """One account per role of the access matrix, with the organisations they belong to."""
    non_member = organisation("Commune de Trégunc", kind="commune")
    nantes = organisation("Nantes Métropole", member_year=member_year, domain="nantesmetropole.fr")
    roles = {
        "anonymous": None,
        "unconfirmed": UserFactory(email="inactive@example.org", username="inactive@example.org", is_active=False),
        "confirmed": UserFactory(email="camille@example.org", username="camille@example.org"),
        "agent": UserFactory(email="agent@tregunc.fr", username="agent@tregunc.fr"),
        "referent": UserFactory(email="referente@nantesmetropole.fr", username="referente@nantesmetropole.fr"),
        "member_agent": UserFactory(email="agent@nantesmetropole.fr", username="agent@nantesmetropole.fr"),
        "staff": user_with_permissions("wagtailadmin.access_admin", "accounts.change_verificationrequest",
                                       "accounts.change_membershipapplication",
                                       email="equipe-comptes@example.org", is_staff=True),
    }
    member(roles["agent"], non_member)
    member(roles["referent"], nantes, role=MembershipRole.REFERENT)
    member(roles["member_agent"], nantes)
    return roles, nantes, non_member
