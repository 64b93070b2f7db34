"""The community's background work, through Django tasks: e-mails about a new post, the daily and weekly
digests, and the follow-up topics opened after each Territoir'Prod sequence. Arguments are ids and strings."""

from django_tasks import task

from interconnectes import clock


@task()
def send_post_notifications(post_id: int, handles: list[str], subscribers: bool = True) -> None:
    """The members a post mentions (once: an edit tells only the newly mentioned), then its immediate
    subscribers; nothing for a post hidden meanwhile."""
    from community import digests, mailing

    post = mailing.visible_posts().filter(pk=post_id).first()
    if post is None:
        return
    now = clock.now()
    if handles:
        mailing.send_mentions(post, handles, now)
    if subscribers:
        mailing.deliver(now, {digests.IMMEDIATE}, [post])


@task()
def send_community_digests() -> int:
    """The daily and weekly digests that are due (run it every morning; a second run the same day sends none)."""
    from community import digests, mailing

    return mailing.deliver(clock.now(), {digests.DAILY, digests.WEEKLY})


@task()
def open_followup_topics() -> int:
    from community import services

    return len(services.open_due_followups(clock.now()))
