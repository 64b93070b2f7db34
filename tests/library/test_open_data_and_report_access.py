"""Who reaches the library's open data and "signaler une erreur": each role, on a published record of Nantes."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.models import MembershipRole
from interconnectes.models import OrganisationKind
from tests.accounts.factories import member, organisation
from tests.library.factories import ImplementationFactory, grant

pytestmark = pytest.mark.django_db
FAR = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
OPEN_DATA = ("/donnees/bibliotheque-ia/", "/donnees/bibliotheque-ia.csv", "/donnees/bibliotheque-ia.json",
             "/donnees/bibliotheque-ia.schema.json")


@pytest.fixture
def readers(use_case):
    users = get_user_model().objects
    nantes = organisation("Nantes Métropole", kind=OrganisationKind.METROPOLE)
    implementation = ImplementationFactory(use_case=use_case, lead_organisation=nantes)
    plain = users.create_user("lecteur@example.org", "lecteur@example.org")
    other_agent = users.create_user("agent@lyon.example.org", "agent@lyon.example.org")
    member(other_agent, organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    own_agent = users.create_user("agent@nantes.example.org", "agent@nantes.example.org")
    member(own_agent, nantes)
    referent = users.create_user("referente@nantes.example.org", "referente@nantes.example.org")
    member(referent, nantes, role=MembershipRole.REFERENT)
    expert = users.create_user("experte@example.org", "experte@example.org")
    grant(expert, implementation, expires_at=FAR)
    staff = users.create_superuser("equipe@example.org", "equipe@example.org", "x")
    return implementation, {"anonymous": None, "plain account": plain, "agent of another collectivité": other_agent,
                            "agent of the owner": own_agent, "référent of the owner": referent,
                            "grant holder": expert, "staff": staff}


def test_every_role_reads_the_open_data_and_only_signed_in_ones_report_errors(readers):
    implementation, people = readers
    report = f"/signaler-une-erreur/bibliotheque-ia/{implementation.pk}/"
    for role, person in people.items():
        client = Client()
        if person is not None:
            client.force_login(person)
        for url in OPEN_DATA:
            assert client.get(url).status_code == 200, (role, url)
        expected = 302 if person is None else 200
        assert client.get(report).status_code == expected, role
        assert client.get("/admin/snippets/library/errorreport/").status_code == (200 if role == "staff" else 302), \
            role
