"""Demo accounts of the members' side: Nantes Métropole (a member, as every territory engaged in the AI
consultations) declares its agents' e-mail domain and has a référent, two verified agents and a revoked one;
a commune that is not a member has a verified agent; someone waits for the team to verify them.

Addresses are on example.org subdomains; the organisations' member years come from `interconnectes.demo`.
"""

from django.contrib.auth import get_user_model

from accounts import memberships
from accounts.models import Membership, MembershipRole, MembershipStatus, VerificationMethod, VerificationRequest
from interconnectes import clock
from interconnectes.models import EmailDomain, Organisation, OrganisationKind
from interconnectes.regions import Region

NANTES_DOMAIN = "nantes-metropole.example.org"
REFERENT = ("Référente de Nantes Métropole", f"referente@{NANTES_DOMAIN}", "interconnectes-referente")
AGENTS = [("Agent de Nantes Métropole", f"agent{n}@{NANTES_DOMAIN}", "interconnectes-agent") for n in (1, 2)]
NON_MEMBER_AGENT = ("Agent d'une commune non adhérente", "agent@plouguerneau.example.org", "interconnectes-agent")
PENDING = ("Demande de vérification en attente", "demande@example.org", "interconnectes-demande")
REVOKED = ("Agent révoqué", f"ancien.agent@{NANTES_DOMAIN}", "interconnectes-agent")
ACCOUNTS = [REFERENT, *AGENTS, NON_MEMBER_AGENT, PENDING, REVOKED]
NAMES = {REFERENT[1]: ("Sophie", "Le Goff"), AGENTS[0][1]: ("Karim", "Benali"), AGENTS[1][1]: ("Élodie", "Moreau"),
         NON_MEMBER_AGENT[1]: ("Yann", "Kerbrat"), PENDING[1]: ("Léa", "Martin"), REVOKED[1]: ("Paul", "Girard")}


def account(entry):
    _label, email, password = entry
    users = get_user_model().objects
    first_name, last_name = NAMES[email]
    return users.filter(username=email).first() or users.create_user(email, email, password, first_name=first_name,
                                                                       last_name=last_name)


def build(context):
    now = clock.now()
    nantes = Organisation.objects.get(name="Nantes Métropole")
    EmailDomain.objects.get_or_create(domain=NANTES_DOMAIN, defaults={"organisation": nantes})
    plouguerneau, _created = Organisation.objects.get_or_create(
        name="Commune de Plouguerneau", defaults={"kind": OrganisationKind.COMMUNE, "region": Region.BRETAGNE})
    EmailDomain.objects.get_or_create(domain="plouguerneau.example.org", defaults={"organisation": plouguerneau})

    referent = account(REFERENT)
    memberships.verify(referent, nantes, VerificationMethod.STAFF, now, role=MembershipRole.REFERENT)
    for entry in AGENTS:
        memberships.verify(account(entry), nantes, VerificationMethod.EMAIL_DOMAIN, now)
    memberships.verify(account(NON_MEMBER_AGENT), plouguerneau, VerificationMethod.EMAIL_DOMAIN, now)
    Membership.objects.update_or_create(
        person=account(REVOKED), organisation=nantes,
        defaults={"status": MembershipStatus.REVOKED, "method": VerificationMethod.EMAIL_DOMAIN,
                  "verified_by": referent, "verified_at": now})
    VerificationRequest.objects.get_or_create(
        person=account(PENDING), organisation_name="Communauté de communes du Haut-Léon",
        defaults={"job_title": "Chargée de mission transition numérique", "created_at": now,
                  "message": "Notre communauté de communes n'est pas encore sur le site."})
