"""The members' pages run a constant number of queries, within the site's budgets, whatever the number of
memberships, agents, invitations, requests and applications."""

import pytest
from django.urls import reverse

from accounts.models import MembershipInvitation, VerificationRequest
from tests.accounts.factories import member, organisation
from tests.labels.factories import ApplicationFactory, UserFactory
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db


def grow(person, nantes, campaign, clock, size):
    """`size` more of everything the pages list."""
    for index in range(size):
        member(UserFactory(), nantes)
        member(person, organisation(f"Commune n° {index} de {person.pk}-{size}"))
        MembershipInvitation.objects.create(organisation=nantes, email=f"invite{index}-{size}@example.org",
                                            created_at=clock(), expires_at=clock().replace(year=2027))
        VerificationRequest.objects.create(person=person, organisation_name=f"Commune inconnue {index}-{size}",
                                           job_title="Agent", created_at=clock())
        ApplicationFactory(campaign=campaign, owner=person)


@pytest.mark.parametrize("page", ["space", "organisation"])
def test_members_pages_cost_the_same_with_little_and_much(client, campaign, clock, page):
    person = UserFactory()
    nantes = organisation("Nantes Métropole", member_year=2026)
    member(person, nantes, role="referent")
    client.force_login(person)
    url = reverse("accounts:space") if page == "space" else reverse("accounts:organisation", args=[nantes.pk])
    grow(person, nantes, campaign, clock, 1)
    client.get(url)  # the session's first request (its content types, its savepoints) is not the page's cost
    small = page_queries(client, url)
    grow(person, nantes, campaign, clock, 15)
    large = page_queries(client, url)
    assert small == large, (small, large)
    assert within_budget(large), large
