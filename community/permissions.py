"""Who may read, post in, moderate and follow the community: the one place that decides.

- Readers: verified agents of collectivités that are members of the association this year (`accounts.tiers`,
  read once per request), the association's team, and each space's moderators in their space.
- The team ("staff"): superusers, and staff holding `community.change_post`; they moderate every space.
- A space's moderators: the team, the coordinators of its theme (read from the programme: a change there counts
  at once) and the extra moderators named on the space.
- Posting: any reader, in a topic neither hidden nor locked (moderators still answer in a locked topic).
- Accepting an answer: the topic's author or a moderator. Editing a post: its author, within `EDIT_WINDOW`.
Hidden posts and topics are shown to moderators only (and a hidden post to its author, with the reason).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from accounts.models import Membership, MembershipStatus
from accounts.tiers import Tier, tier_for
from interconnectes.models import LOCAL_GOVERNMENT_KINDS

EDIT_WINDOW = datetime.timedelta(minutes=15)


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_community_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("community.change_post"))


def is_member_agent(user, request=None) -> bool:
    return is_active(user) and tier_for(user, request=request) >= Tier.MEMBER_AGENT


def moderated_space_ids(user, request=None) -> set[int]:
    """The spaces `user` moderates as a coordinator of their theme or a named moderator (the team aside): one
    query, kept on the request."""
    from community.models import Space

    if not is_active(user):
        return set()
    cached = getattr(request, "community_moderated", None)
    if cached is not None and cached[0] == user.pk:
        return cached[1]
    ids = set(Space.objects.filter(Q(moderators=user) | Q(theme__coordinators=user)).values_list("pk", flat=True))
    if request is not None:
        request.community_moderated = (user.pk, ids)
    return ids


def may_moderate(user, space, request=None) -> bool:
    return is_community_staff(user) or space.pk in moderated_space_ids(user, request)


def may_read(user, space, request=None) -> bool:
    return is_active(user) and (is_member_agent(user, request) or may_moderate(user, space, request))


def readable_spaces(user, request=None):
    from community.models import Space

    if is_active(user) and (is_community_staff(user) or is_member_agent(user, request)):
        return Space.objects.all()
    return Space.objects.filter(pk__in=moderated_space_ids(user, request))


def visible_topics(space, moderator: bool):
    topics = space.topics.all()
    return topics if moderator else topics.filter(hidden=False)


def visible_posts(topic, moderator: bool, user=None):
    """Moderators see every post; the others the visible ones, and their own hidden ones with the reason."""
    posts = topic.posts.all()
    if moderator:
        return posts
    return posts.filter(Q(hidden=False) | Q(author=user)) if user is not None and user.pk else \
        posts.filter(hidden=False)


def may_post(topic, moderator: bool) -> bool:
    """A reader (checked before) in a topic open to them: not hidden, not locked, unless they moderate it."""
    return moderator or not (topic.locked or topic.hidden)


def may_accept(user, topic, moderator: bool) -> bool:
    return moderator or (topic.author_id is not None and topic.author_id == user.pk)


def may_edit(user, post, now) -> bool:
    return (post.author_id is not None and post.author_id == user.pk and not post.hidden
            and not post.topic.locked and now - post.created_at <= EDIT_WINDOW)


def may_report(user, post) -> bool:
    return post.author_id != user.pk and not post.hidden


def readers_among(user_ids, space, now) -> set[int]:
    """Which of `user_ids` may read `space` today: whom its posts may be e-mailed to (a revoked agent, or one of
    a collectivité that is no longer a member, gets nothing). Two queries whatever their number."""
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    member_agent = Exists(Membership.objects.filter(
        person=OuterRef("pk"), status=MembershipStatus.VERIFIED, organisation__kind__in=LOCAL_GOVERNMENT_KINDS,
        organisation__member_years__year=now.year))
    moderators = Q(moderated_spaces=space) | (Q(coordinated_themes=space.theme_id) if space.theme_id else Q(pk=None))
    ids = set(users.filter(member_agent | Q(is_superuser=True) | moderators).values_list("pk", flat=True))
    staff = users.filter(is_staff=True).exclude(pk__in=ids)
    return ids | {user.pk for user in staff if user.has_perm("community.change_post")}
