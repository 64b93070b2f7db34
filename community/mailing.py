"""The community's e-mails: a post to the members it mentions, and posts to subscribers (immediately, or in
daily and weekly digests, as `community.digests` plans them).

Every e-mail goes only to people who may still read the space (a revoked
agent, or one whose collectivité is no longer a member, gets nothing), and
carries a one-click unsubscribe link signed for its subscription.
"""

from collections import defaultdict

from django.core import signing
from django.db.models import Min, Q
from django.urls import reverse
from django.utils.translation import gettext

from community import digests, permissions
from community.models import Post, Profile, Subscription
from interconnectes import canonical, emails

UNSUBSCRIBE_SALT = "community.unsubscribe"
EXCERPT = 600


def unsubscribe_token(subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def subscription_from_token(token: str):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Subscription.objects.select_related("space", "topic").filter(pk=pk).first()


def post_url(post) -> str:
    return canonical.absolute(reverse("community:post", args=[post.pk]))


def entry(post) -> dict:
    body = post.body if len(post.body) <= EXCERPT else post.body[:EXCERPT - 1] + "…"
    return {"topic": post.topic.title, "space": post.topic.space.title, "author": author_name(post),
            "created_at": post.created_at, "body": body, "url": post_url(post)}


def author_name(post) -> str:
    if post.author is None:
        return "Territoir'Prod" if post.automatic else gettext("un membre (compte supprimé)")
    return post.author.get_full_name() or str(post.author.community_profile)


def send_mentions(post, handles, now) -> int:
    profiles = Profile.objects.filter(handle__in=handles).exclude(user_id=post.author_id).select_related("user")
    readers = permissions.readers_among([profile.user_id for profile in profiles], post.topic.space, now)
    sent = 0
    for profile in profiles:
        if profile.user_id in readers and profile.user.email:
            emails.send("mention", [profile.user.email], {"post": entry(post), "first_name": profile.user.first_name},
                        app="community")
            sent += 1
    return sent


def visible_posts():
    return Post.objects.filter(hidden=False, topic__hidden=False).select_related(
        "topic__space", "author__community_profile")


def deliver(now, frequencies: set[str], posts=None) -> int:
    """Send what the due subscriptions of `frequencies` have to send (`posts`: only these, for a new post), and
    record how far each got. Returns the number of e-mails sent."""
    subscriptions = Subscription.objects.filter(frequency__in=frequencies).select_related("user", "topic")
    if posts is None:
        oldest = subscriptions.aggregate(oldest=Min("last_post_id"))["oldest"]
        posts = list(visible_posts().filter(pk__gt=oldest)) if oldest is not None else []
    if not posts:
        return 0
    subscriptions = list(subscriptions.filter(Q(space__in={post.topic.space_id for post in posts})
                                              | Q(topic__in={post.topic_id for post in posts})))
    rows = [digests.SubscriptionRow(s.pk, s.user_id, s.space_id, s.topic_id, s.frequency, s.last_sent_at,
                                    s.last_post_id) for s in subscriptions]
    by_id = {post.pk: post for post in posts}
    plan = digests.plan(rows, [digests.PostRow(post.pk, post.topic_id, post.topic.space_id, post.author_id)
                               for post in posts], now, frequencies)
    readers = readers_by_space(plan, subscriptions, by_id, now)
    subscription_by_id = {subscription.pk: subscription for subscription in subscriptions}
    sent = 0
    for digest in plan:
        subscription = subscription_by_id[digest.subscription.id]
        chosen = [by_id[row.id] for row in digest.posts
                  if subscription.user_id in readers[by_id[row.id].topic.space_id]]
        if chosen and subscription.user.email:
            send_digest(subscription, chosen)
            sent += 1
        Subscription.objects.filter(pk=subscription.pk).update(
            last_post_id=digest.mailed_up_to, last_sent_at=now if chosen else subscription.last_sent_at)
    return sent


def readers_by_space(plan, subscriptions, by_id, now) -> dict[int, set[int]]:
    users_by_space: dict[int, set[int]] = defaultdict(set)
    spaces = {}
    subscribers = {subscription.pk: subscription.user_id for subscription in subscriptions}
    for digest in plan:
        for row in digest.posts:
            space = by_id[row.id].topic.space
            spaces[space.pk] = space
            users_by_space[space.pk].add(subscribers[digest.subscription.id])
    return defaultdict(set, {pk: permissions.readers_among(users, spaces[pk], now)
                             for pk, users in users_by_space.items()})


def send_digest(subscription, posts) -> None:
    target = subscription.topic.title if subscription.topic_id else subscription.space.title
    emails.send("digest" if subscription.frequency != digests.IMMEDIATE else "new_post", [subscription.user.email], {
        "first_name": subscription.user.first_name, "target": target, "posts": [entry(post) for post in posts],
        "frequency": subscription.get_frequency_display(), "count": len(posts),
        "unsubscribe_url": canonical.absolute(reverse("community:unsubscribe", args=[unsubscribe_token(subscription)])),
    }, app="community")
