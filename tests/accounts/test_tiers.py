"""Tiers of access (accounts/tiers.py): the rule on hand-made facts, then the facts read for every role."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from accounts.models import Grant, GrantDecision, Membership, MembershipStatus
from accounts.tiers import Facts, Tier, tier_for, tier_from_facts
from tests.accounts.factories import people

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(("local_government", "member", "grant", "expected"), [
    (False, False, False, Tier.PUBLIC),
    (True, False, False, Tier.AGENT),
    (True, True, False, Tier.MEMBER_AGENT),
    (False, False, True, Tier.GRANT),  # a named grant outranks everything, even without a membership
    (True, True, True, Tier.GRANT),
])
def test_the_rule(local_government, member, grant, expected):
    assert tier_from_facts(Facts(local_government, member), grant) == expected


def test_tiers_are_ordered():
    assert Tier.PUBLIC < Tier.AGENT < Tier.MEMBER_AGENT < Tier.GRANT


EXPECTED = {"anonymous": Tier.PUBLIC, "unconfirmed": Tier.PUBLIC, "confirmed": Tier.PUBLIC, "agent": Tier.AGENT,
            "referent": Tier.MEMBER_AGENT, "member_agent": Tier.MEMBER_AGENT, "staff": Tier.PUBLIC}


@pytest.mark.django_db
def test_each_role_has_its_tier(clock):
    from django.contrib.auth.models import AnonymousUser

    roles, nantes, _other = people(clock().year)
    for role, expected in EXPECTED.items():
        user = roles[role] or AnonymousUser()
        if role == "unconfirmed":  # an inactive account is never logged in: whatever it holds, it is anonymous
            user = AnonymousUser()
        assert tier_for(user, nantes) == expected, role


@pytest.mark.django_db
def test_a_membership_of_last_year_is_not_a_member_tier(clock):
    roles, nantes, _other = people(clock().year - 1)
    assert tier_for(roles["member_agent"]) == Tier.AGENT


@pytest.mark.django_db
def test_a_non_local_government_gives_no_tier(clock):
    roles, nantes, _other = people(clock().year)
    nantes.kind = "association"
    nantes.save()
    assert tier_for(roles["member_agent"]) == Tier.PUBLIC


@pytest.mark.django_db
def test_revoking_or_leaving_removes_the_tier_at_once(clock):
    roles, _nantes, _other = people(clock().year)
    Membership.objects.filter(person=roles["member_agent"]).update(status=MembershipStatus.REVOKED)
    assert tier_for(roles["member_agent"]) == Tier.PUBLIC
    Membership.objects.filter(person=roles["agent"]).delete()
    assert tier_for(roles["agent"]) == Tier.PUBLIC


def grant(person, obj, now, **fields):
    return Grant.objects.create(person=person, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                                purpose="Étudier le code", created_at=now, **fields)


@pytest.mark.django_db
def test_a_grant_counts_only_approved_accepted_unexpired_and_unrevoked(clock):
    roles, nantes, other = people(clock().year)
    now, person = clock(), roles["confirmed"]
    approved = {"decision": GrantDecision.APPROVED, "terms_accepted_at": now}
    grant(person, other, now, **approved)
    assert tier_for(person, other) == Tier.GRANT
    assert tier_for(person, nantes) == Tier.PUBLIC  # on that object only
    for fields in ({"decision": GrantDecision.PENDING, "terms_accepted_at": now},
                   {"decision": GrantDecision.APPROVED, "terms_accepted_at": None},
                   {**approved, "expires_at": now - DAY}, {**approved, "revoked_at": now}):
        Grant.objects.all().delete()
        grant(person, other, now, **fields)
        assert tier_for(person, other) == Tier.PUBLIC, fields
    Grant.objects.all().delete()
    grant(person, other, now, **approved, expires_at=now + DAY)
    assert tier_for(person, other) == Tier.GRANT


@pytest.mark.django_db
def test_the_tier_is_read_once_per_request(clock, django_assert_num_queries):
    roles, nantes, other = people(clock().year)
    request = RequestFactory().get("/")
    user = roles["member_agent"]
    ContentType.objects.get_for_model(nantes)  # the content type cache, warm as in any running process
    with django_assert_num_queries(2):  # the memberships, then the grant on `nantes`
        for _ in range(3):
            assert tier_for(user, nantes, request=request) == Tier.MEMBER_AGENT
    with django_assert_num_queries(1):  # one more object: its grant only
        assert tier_for(user, other, request=request) == Tier.MEMBER_AGENT
