"""Readers of every kind the replays' permissions tell apart, in a programme whose collectivité is a member."""

from dataclasses import dataclass

import pytest
from django.test import Client

from accounts.models import MembershipStatus
from tests.accounts.factories import member, organisation
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory
from tests.labels.factories import UserFactory, paris, user_with_permissions
from tests.replays.factories import ReplayFactory, programme_theme, sequence_of

NOW = paris(2026, 3, 1, 10, 0)  # the `clock` fixture's frozen instant


@dataclass
class Readers:
    member_agent: object  # verified agent of a member collectivité
    unverified: object  # pending membership of the same collectivité
    revoked: object  # revoked from it
    non_member: object  # verified agent of a collectivité that is not a member
    signed_in: object  # an account, no membership
    staff: object  # holds replays.change_replay


@pytest.fixture
def readers(db):
    nantes = organisation("Nantes Métropole", member_year=NOW.year)
    tregunc = organisation("Commune de Trégunc", kind="commune")
    people = Readers(*(UserFactory() for _ in range(5)),
                     staff=user_with_permissions("wagtailadmin.access_admin", "replays.change_replay",
                                                 "replays.add_replay", is_staff=True))
    member(people.member_agent, nantes)
    member(people.unverified, nantes, status=MembershipStatus.PENDING)
    member(people.revoked, nantes, status=MembershipStatus.REVOKED)
    member(people.non_member, tregunc)
    return people


@pytest.fixture
def theme(home):
    return programme_theme(home)


@pytest.fixture
def sequence(theme):
    return sequence_of(theme)


@pytest.fixture
def members_replay(sequence, clock):
    return ReplayFactory(sequence=sequence, title="L'IA au guichet", slug="ia-au-guichet")


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def stop(home):
    """A Journée expert of June 2025, in a tour of the agenda."""
    agenda = EventIndexPageFactory(parent=home)
    return JourneeExpertPageFactory(parent=TourPageFactory(parent=agenda), title="L'IA au service des territoires")
