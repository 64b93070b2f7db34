"""What a programme page shows the person reading it: their enrolment, the visio links open to them, the agents
a référent may enrol. Read outside the page's cached fragments; nothing is asked of an anonymous reader."""

from dataclasses import dataclass, field

from django.db.models import F

from territoirprod import permissions, rules
from territoirprod.models.participation import Enrolment


@dataclass
class Personal:
    member_agent: bool = False
    enrolment: Enrolment | None = None  # the active enrolment covering the page (the theme's or the edition's)
    open_links: list = field(default_factory=list)  # the sequences whose visio link shows now
    agents: list = field(default_factory=list)  # (account, enrolled?) for a référent
    login_needed: bool = True


def for_page(request, edition, theme, now, sequences=()) -> Personal:
    """`theme` None: the edition page (only a whole-edition enrolment covers it)."""
    user = request.user
    if not permissions.is_active(user):
        return Personal()
    enrolments = permissions.active_enrolments(user)
    # The theme's own enrolment rather than the edition's, on both databases (their nulls sort differently).
    enrolment = (enrolments.filter(permissions.page_covers_q(edition, theme))
                 .order_by(F("theme_id").asc(nulls_first=True)).last())
    member_agent = permissions.is_member_agent(user, request=request)
    personal = Personal(member_agent=member_agent, enrolment=enrolment, login_needed=False)
    if enrolment is not None and member_agent:
        personal.open_links = [sequence for sequence in sequences if sequence.visio_url
                               and rules.visio_link_visible(True, sequence.starts_at, sequence.ends_at, now)]
    if permissions.referent_organisation_ids(user, now.year):
        enrolled = set(Enrolment.objects.active().filter(permissions.page_covers_q(edition, theme))
                       .values_list("user_id", flat=True))
        personal.agents = [(agent, agent.pk in enrolled) for agent in permissions.enrollable_agents(user, now.year)
                           if agent.pk != user.pk]
    return personal
