"""Which posts go into which digest, on hand-made rows."""

import datetime

from community.digests import DAILY, IMMEDIATE, WEEKLY, PostRow, SubscriptionRow, is_due, plan

NOW = datetime.datetime(2026, 3, 2, 7, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)
# Space 1 has topics 10 and 11; space 2 has topic 20.
POSTS = [PostRow(1, 10, 1, 100), PostRow(2, 10, 1, 200), PostRow(3, 11, 1, 300), PostRow(4, 20, 2, 100)]


def sub(id, user, *, space=None, topic=None, frequency=DAILY, last_sent=None, last_post=0):
    return SubscriptionRow(id, user, space, topic, frequency, last_sent, last_post)


def ids(digest):
    return [post.id for post in digest.posts]


def test_a_space_digest_holds_its_new_posts_but_not_the_persons_own():
    [digest] = plan([sub(1, 100, space=1)], POSTS, NOW, {DAILY})
    assert ids(digest) == [2, 3] and digest.mailed_up_to == 3


def test_posts_already_mailed_are_not_mailed_again():
    [digest] = plan([sub(1, 100, space=1, last_post=2, last_sent=NOW - DAY)], POSTS, NOW, {DAILY})
    assert ids(digest) == [3]


def test_a_daily_digest_waits_for_its_day_and_a_weekly_one_for_its_week():
    assert not is_due(sub(1, 1, space=1, last_sent=NOW - datetime.timedelta(hours=12)), NOW)
    assert is_due(sub(1, 1, space=1, last_sent=NOW - DAY + datetime.timedelta(minutes=20)), NOW)  # run early
    assert not is_due(sub(1, 1, space=1, frequency=WEEKLY, last_sent=NOW - 3 * DAY), NOW)
    assert is_due(sub(1, 1, space=1, frequency=WEEKLY, last_sent=NOW - 7 * DAY), NOW)
    assert is_due(sub(1, 1, space=1, frequency=IMMEDIATE, last_sent=NOW), NOW)
    assert plan([sub(1, 300, space=1, last_sent=NOW - datetime.timedelta(hours=2))], POSTS, NOW, {DAILY}) == []


def test_a_post_followed_through_the_space_and_its_topic_is_mailed_once_with_the_topic():
    digests = plan([sub(1, 400, space=1), sub(2, 400, topic=10)], POSTS, NOW, {DAILY})
    by_subscription = {digest.subscription.id: ids(digest) for digest in digests}
    assert by_subscription == {2: [1, 2], 1: [3]}


def test_a_topic_subscription_gets_its_topic_only_and_other_frequencies_wait():
    subscriptions = [sub(1, 500, topic=20), sub(2, 500, space=1, frequency=WEEKLY)]
    [digest] = plan(subscriptions, POSTS, NOW, {DAILY})
    assert ids(digest) == [4]


def test_with_only_its_own_posts_a_subscription_moves_on_without_a_mail():
    [digest] = plan([sub(1, 300, topic=11)], POSTS, NOW, {DAILY})
    assert digest.posts == [] and digest.mailed_up_to == 3
