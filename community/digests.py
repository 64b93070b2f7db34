"""Which posts go into which e-mail, for which subscription, at a given time: plain rules on plain rows.

A subscription follows a space (every topic in it) or one topic. It remembers
the newest post already mailed (`last_post_id`; when it was made, the newest
one there), so each post is mailed once by each subscription, however late or
early the worker runs. A person's own posts are never mailed to them. In one
run, a post followed through two subscriptions of the same person (the space
and one of its topics) goes into one e-mail only.
"""

import datetime
from dataclasses import dataclass, field

IMMEDIATE, DAILY, WEEKLY = "immediate", "daily", "weekly"
PERIODS = {DAILY: datetime.timedelta(days=1), WEEKLY: datetime.timedelta(days=7)}
# A worker started each morning a little earlier than the day before still sends the day's digest.
SLACK = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class PostRow:
    id: int
    topic_id: int
    space_id: int
    author_id: int | None


@dataclass(frozen=True)
class SubscriptionRow:
    id: int
    user_id: int
    space_id: int | None
    topic_id: int | None
    frequency: str
    last_sent_at: datetime.datetime | None
    last_post_id: int


@dataclass
class Digest:
    subscription: SubscriptionRow
    posts: list[PostRow] = field(default_factory=list)
    mailed_up_to: int = 0  # the newest post the subscription has now seen, mailed or not (its person's own)


def covers(subscription: SubscriptionRow, post: PostRow) -> bool:
    if subscription.topic_id is not None:
        return post.topic_id == subscription.topic_id
    return post.space_id == subscription.space_id


def is_due(subscription: SubscriptionRow, now: datetime.datetime) -> bool:
    """Immediate subscriptions always; a digest once its period has passed since the last one."""
    if subscription.frequency == IMMEDIATE or subscription.last_sent_at is None:
        return True
    return now - subscription.last_sent_at >= PERIODS[subscription.frequency] - SLACK


def new_posts(subscription: SubscriptionRow, posts: list[PostRow]) -> list[PostRow]:
    """The posts of its target not mailed by it yet, in order."""
    return sorted((post for post in posts if covers(subscription, post) and post.id > subscription.last_post_id),
                  key=lambda post: post.id)


def plan(subscriptions: list[SubscriptionRow], posts: list[PostRow], now: datetime.datetime,
         frequencies: set[str]) -> list[Digest]:
    """The digests to send now: one per due subscription of `frequencies` with something new for its person.

    A topic's subscription comes before its space's, so that a post followed both ways is mailed with the topic.
    Subscriptions with nothing new for their person still move `mailed_up_to` past their own posts.
    """
    due = sorted((subscription for subscription in subscriptions
                  if subscription.frequency in frequencies and is_due(subscription, now)),
                 key=lambda subscription: (subscription.user_id, subscription.topic_id is None, subscription.id))
    digests, mailed = [], set()
    for subscription in due:
        fresh = new_posts(subscription, posts)
        digest = Digest(subscription, mailed_up_to=max((post.id for post in fresh),
                                                       default=subscription.last_post_id))
        for post in fresh:
            key = (subscription.user_id, post.id)
            if post.author_id != subscription.user_id and key not in mailed:
                mailed.add(key)
                digest.posts.append(post)
        digests.append(digest)
    return digests
