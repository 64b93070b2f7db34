"""Who may watch which replay: the one place that decides, for the page, the video, the captions, the slides, the
listing, the events' pages and the search.

- Staff (superusers, and staff holding `replays.change_replay`) see every replay, shown or not.
- Nobody else sees a replay before it is shown (`Replay.objects.shown()`: captions and the speakers' consent).
- A public replay is for everyone; a members' one for verified agents of a collectivité that is a member this
  year (`accounts.tiers`: `MEMBER_AGENT` or above); a replay kept for its share links for nobody by address.
- A share link opens its replay to whoever holds it, until it expires or is revoked (`rules.share_link_opens`).

Reading the reader's tier costs one query per request, kept on it (`accounts.tiers.tier_for`).
"""

from accounts.tiers import Tier, tier_for
from replays.models import Replay, ReplayShareLink, Visibility
from territoirprod.permissions import active_enrolments, enrolment_covers_q


def is_replay_staff(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("replays.change_replay"))


def is_member_reader(user, request=None) -> bool:
    """A verified agent of a member collectivité; with `request`, read once for the whole request."""
    return tier_for(user, request=request) >= Tier.MEMBER_AGENT


def audiences(user, request=None) -> list[str]:
    """The visibilities the reader may watch by address."""
    if is_member_reader(user, request):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


def visible_replays(user, request=None):
    """The replays the reader may open from the listing, an event's page or the search."""
    if is_replay_staff(user):
        return Replay.objects.all()
    return Replay.objects.shown().filter(visibility__in=audiences(user, request))


def may_watch(user, replay, request=None) -> bool:
    if is_replay_staff(user):
        return True
    return replay.is_shown and replay.visibility in audiences(user, request)


def refusal(user, replay) -> str:
    """Why a reader may not watch `replay`: "login" (anonymous: to the login page), "members" (a French
    explanation), or "hidden" (a 404: the replay is not shown, or only by link)."""
    if not replay.is_shown or replay.visibility == Visibility.LINK:
        return "hidden"
    return "login" if not user.is_authenticated else "members"


def open_share_link(token: str, now) -> ReplayShareLink | None:
    """The share link of `token` if it still opens a shown replay, else None (the views answer 404)."""
    link = ReplayShareLink.objects.select_related("replay").filter(token=token).first()
    if link is None or not link.opens(now) or not link.replay.is_shown:
        return None
    return link


def may_record_attendance(user, replay, request=None) -> bool:
    """Watching a sequence's replay to its end counts as attending it for a member enrolled in its theme."""
    if replay.sequence is None or not replay.video or not is_member_reader(user, request):
        return False
    return may_watch(user, replay, request) and \
        active_enrolments(user).filter(enrolment_covers_q(replay.sequence.theme)).exists()


def search_tier(replay) -> Tier:
    """From which tier the site search finds a replay that pages may name: everyone for a public one, member
    agents for a members' one (the search filters on it, `sitesearch.query.visible`)."""
    return Tier.PUBLIC if replay.visibility == Visibility.PUBLIC else Tier.MEMBER_AGENT
