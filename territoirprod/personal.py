"""What a programme page shows the person reading it: whether they may enrol, their enrolment, the visio links
open to them, whether they may enrol agents (on a page of its own: `views.enrol_agents`). Read outside the page's
cached fragments, in one query for a signed-in reader, none for an anonymous one: a page at this depth of the
tree already spends most of the query budget finding itself."""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Subquery

from accounts.models import MembershipRole
from territoirprod import permissions, rules
from territoirprod.models.participation import Enrolment


@dataclass(frozen=True)
class EnrolmentRef:
    pk: int
    theme_id: int | None


@dataclass
class Personal:
    signed_in: bool = False
    member_agent: bool = False
    referent: bool = False
    enrolment: EnrolmentRef | None = None  # the active enrolment covering the page (the theme's before the edition's)
    open_links: list = field(default_factory=list)  # (number, starts_at, visio_url) of the links that show now

    @property
    def login_needed(self) -> bool:
        return not self.signed_in


def for_page(request, edition, theme, now, windows=list) -> Personal:
    """`theme` None: the edition's page. `windows()`: (number, starts_at, ends_at, visio_url) of the theme's
    sequences, which the page keeps in the cache; asked only of the enrolled."""
    user = request.user
    if not permissions.is_active(user):
        return Personal()
    covering = (Enrolment.objects.active().filter(user=OuterRef("person")).filter(
        permissions.page_covers_q(edition, theme)).order_by(F("theme_id").desc(nulls_last=True)))
    rows = list(permissions.member_memberships(now.year).filter(person=user).annotate(
        enrolment_id=Subquery(covering.values("pk")[:1]), enrolment_theme_id=Subquery(covering.values("theme_id")[:1]),
    ).values_list("role", "enrolment_id", "enrolment_theme_id"))
    personal = Personal(signed_in=True, member_agent=bool(rows),
                        referent=any(role == MembershipRole.REFERENT for role, _pk, _theme in rows))
    enrolled = next((EnrolmentRef(pk, theme_id) for _role, pk, theme_id in rows if pk is not None), None)
    personal.enrolment = enrolled
    if enrolled is not None:
        personal.open_links = [(number, starts_at, url) for number, starts_at, ends_at, url in windows()
                               if url and rules.visio_link_visible(True, starts_at, ends_at, now)]
    return personal
