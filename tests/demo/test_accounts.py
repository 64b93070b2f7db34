"""The demo's members' side: member collectivités, Nantes Métropole's référent and agents, a verified agent of a
non-member commune, a request waiting for the team, a revoked agent; the command prints their accounts."""

import html

import pytest
from django.urls import reverse

from accounts.demo import ACCOUNTS, AGENTS, NON_MEMBER_AGENT, PENDING, REFERENT, REVOKED
from accounts.models import Membership, VerificationRequest
from accounts.tiers import Tier, tier_for
from interconnectes import clock
from interconnectes.models import Organisation

pytestmark = pytest.mark.django_db


def statuses(email):
    return list(Membership.objects.filter(person__email=email).values_list("organisation__name", "role", "status"))


def test_the_demo_has_every_kind_of_member():
    year = clock.now().year
    members = set(Organisation.objects.members_in(year).values_list("name", flat=True))
    assert {"Nantes Métropole", "Toulouse Métropole", "Ville de Nancy"} <= members
    assert "Commune de Plouguerneau" not in members
    assert statuses(REFERENT[1]) == [("Nantes Métropole", "referent", "verified")]
    assert [statuses(email) for _label, email, _password in AGENTS] == [[("Nantes Métropole", "agent", "verified")]] * 2
    assert statuses(NON_MEMBER_AGENT[1]) == [("Commune de Plouguerneau", "agent", "verified")]
    assert statuses(REVOKED[1]) == [("Nantes Métropole", "agent", "revoked")]
    assert VerificationRequest.objects.filter(person__email=PENDING[1], status="pending").exists()


def test_the_demo_accounts_have_their_tiers():
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert tier_for(users.get(email=AGENTS[0][1])) == Tier.MEMBER_AGENT
    assert tier_for(users.get(email=NON_MEMBER_AGENT[1])) == Tier.AGENT
    assert tier_for(users.get(email=REVOKED[1])) == Tier.PUBLIC


def test_the_referent_logs_in_and_manages_the_agents(client):
    _label, email, password = REFERENT
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    assert response["Location"] == reverse("accounts:space")
    nantes = Organisation.objects.get(name="Nantes Métropole")
    page = html.unescape(client.get(reverse("accounts:organisation", args=[nantes.pk])).content.decode())
    assert AGENTS[0][1] in page and AGENTS[1][1] in page
    assert REVOKED[1] not in page


def test_the_command_prints_the_new_accounts(demo_output):
    for _label, email, password in ACCOUNTS:
        assert email in demo_output and password in demo_output
