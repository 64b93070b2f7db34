"""Tiers of access, in one place: what a person may see of an object is decided by their tier on it.

    PUBLIC < AGENT (verified agent of a collectivité) < MEMBER_AGENT (verified
    agent of a collectivité that is a member this year) < GRANT (a named,
    approved, unexpired, unrevoked grant on that very object)

`tier_from_facts` is the rule, on plain facts. `tier_for(user, obj, request=…)`
gathers the facts: the person's verified memberships in one query, kept on
the request for the rest of it, then their grant on `obj` (one query per
object, kept too). Only verified memberships count, so a revocation or a
departure takes effect on the next request. Staff have no tier of their own:
what the association's team may do is each app's permission, not a tier.
"""

import enum
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from accounts.models import Grant, GrantDecision, Membership, MembershipStatus
from interconnectes import clock
from interconnectes.models import LOCAL_GOVERNMENT_KINDS, MemberYear


class Tier(enum.IntEnum):
    PUBLIC = 0
    AGENT = 1
    MEMBER_AGENT = 2
    GRANT = 3


@dataclass(frozen=True)
class Facts:
    agent_of_local_government: bool
    agent_of_member: bool


NO_FACTS = Facts(False, False)


def tier_from_facts(facts: Facts, has_grant: bool) -> Tier:
    if has_grant:
        return Tier.GRANT
    if facts.agent_of_member:
        return Tier.MEMBER_AGENT
    if facts.agent_of_local_government:
        return Tier.AGENT
    return Tier.PUBLIC


def membership_facts(user, now) -> Facts:
    if not user.is_authenticated:
        return NO_FACTS
    rows = (Membership.objects.filter(person=user, status=MembershipStatus.VERIFIED,
                                      organisation__kind__in=LOCAL_GOVERNMENT_KINDS)
            .annotate(member=Exists(MemberYear.objects.filter(organisation=OuterRef("organisation"), year=now.year)))
            .values_list("member", flat=True))
    members = list(rows)
    return Facts(agent_of_local_government=bool(members), agent_of_member=any(members))


def active_grant_exists(user, obj, now) -> bool:
    if not user.is_authenticated or obj is None:
        return False
    return (Grant.objects.filter(person=user, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                                 decision=GrantDecision.APPROVED, terms_accepted_at__isnull=False,
                                 revoked_at__isnull=True)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now)).exists())


class RequestTiers:
    """What one request learnt about its user: their membership facts, and their grants object by object."""

    def __init__(self, user, now):
        self.user, self.now = user, now
        self.facts = membership_facts(user, now)
        self.grants: dict = {}

    def tier(self, obj) -> Tier:
        key = (type(obj), getattr(obj, "pk", None))
        if key not in self.grants:
            self.grants[key] = active_grant_exists(self.user, obj, self.now)
        return tier_from_facts(self.facts, self.grants[key])


def tier_for(user, obj=None, *, request=None) -> Tier:
    """The tier of `user` on `obj` (None: their tier on nothing in particular); cached on `request` when given."""
    if request is None:
        return RequestTiers(user, clock.now()).tier(obj)
    cached = getattr(request, "account_tiers", None)
    if cached is None or cached.user != user:
        cached = request.account_tiers = RequestTiers(user, clock.now())
    return cached.tier(obj)
