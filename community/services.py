"""The community's writes: topics, posts, moderation, reports, subscriptions, follow-up topics.

Each write checks what the rules say again (a locked topic, a post's edit
window, the quotas) inside its transaction, so a form posted from an old page
cannot get round them; the views have checked who may do it
(`community.permissions`). E-mails are sent by tasks after the write.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community import followups, limits, permissions, tasks, text
from community.models import Post, Profile, Report, Space, Subscription, Topic
from interconnectes.refusals import Refused


def profile_of(user) -> Profile:
    """The person's handle for mentions, made from their name the first time they take part."""
    existing = Profile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    base = slugify(f"{user.first_name} {user.last_name}")[:50].strip("-") or f"membre-{user.pk}"
    handle, number = base, 1
    while Profile.objects.filter(handle=handle).exists():
        number += 1
        handle = f"{base}-{number}"
    return Profile.objects.create(user=user, handle=handle)


def check_quota(quotas, rows, now) -> None:
    message = limits.refusal(quotas, rows.filter(created_at__gt=now - quotas[0].period).count())
    if message:
        raise Refused(message)


def add_post(user, topic, body: str, now) -> Post:
    check_quota(limits.POSTS, Post.objects.filter(author=user), now)
    profile_of(user)
    post = Post.objects.create(topic=topic, author=user, body=body, created_at=now)
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=now)
    return post


def announce(post, handles) -> None:
    tasks.send_post_notifications.enqueue(post.pk, sorted(handles)[:limits.MENTIONS_PER_POST])


def start_topic(user, space, title: str, body: str, now) -> Topic:
    with transaction.atomic():
        topic = Topic.objects.create(space=space, title=title, author=user, created_at=now, last_activity_at=now)
        post = add_post(user, topic, body, now)
    announce(post, text.mentioned_handles(body))
    return topic


def reply(user, topic, body: str, now, *, moderator: bool) -> Post:
    with transaction.atomic():
        topic = Topic.objects.select_for_update().get(pk=topic.pk)
        if not permissions.may_post(topic, moderator):
            raise Refused(_("Ce sujet est verrouillé : il n'accepte plus de réponse."))
        post = add_post(user, topic, body, now)
    announce(post, text.mentioned_handles(body))
    return post


def edit(user, post, body: str, now) -> Post:
    """The author's correction, within the edit window; only the people it newly mentions are told."""
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
        if not permissions.may_edit(user, post, now):
            raise Refused(_("Ce message ne peut plus être modifié (délai de %(minutes)d minutes dépassé, sujet "
                            "verrouillé ou message masqué).") % {
                "minutes": permissions.EDIT_WINDOW.seconds // 60})
        added = text.mentioned_handles(body) - text.mentioned_handles(post.body)
        post.body, post.edited_at = body, now
        post.save(update_fields=["body", "edited_at"])
    if added:
        tasks.send_post_notifications.enqueue(post.pk, sorted(added)[:limits.MENTIONS_PER_POST], subscribers=False)
    return post


def hide(moderator, post, reason: str, now) -> Post:
    if not reason.strip():
        raise Refused(_("Indiquez le motif du masquage."))
    with transaction.atomic():
        post.hidden, post.hidden_by, post.hidden_at, post.hidden_reason = True, moderator, now, reason.strip()
        post.save(update_fields=["hidden", "hidden_by", "hidden_at", "hidden_reason"])
        Report.objects.filter(post=post, handled=False).update(handled=True, handled_by=moderator, handled_at=now)
        Topic.objects.filter(pk=post.topic_id, accepted_post=post).update(accepted_post=None)
    return post


def unhide(post) -> Post:
    post.hidden, post.hidden_by, post.hidden_at, post.hidden_reason = False, None, None, ""
    post.save(update_fields=["hidden", "hidden_by", "hidden_at", "hidden_reason"])
    return post


def moderate_topic(topic, **flags) -> Topic:
    """Set `locked` or `hidden` on a topic (moderators)."""
    for name, value in flags.items():
        setattr(topic, name, value)
    topic.save(update_fields=list(flags))
    return topic


def accept(topic, post) -> Topic:
    """Mark `post` as the topic's accepted answer; accepting it again withdraws it."""
    if post.topic_id != topic.pk or post.hidden:
        raise Refused(_("Seul un message visible de ce sujet peut être la réponse acceptée."))
    topic.accepted_post = None if topic.accepted_post_id == post.pk else post
    topic.save(update_fields=["accepted_post"])
    return topic


def report(user, post, reason: str, now) -> Report:
    with transaction.atomic():
        check_quota(limits.REPORTS, Report.objects.filter(reporter=user), now)
        if Report.objects.filter(post=post, reporter=user, handled=False).exists():
            raise Refused(_("Vous avez déjà signalé ce message : les modérateurs l'examinent."))
        return Report.objects.create(post=post, reporter=user, reason=reason.strip(), created_at=now)


def dismiss_report(moderator, report_row, now) -> Report:
    report_row.handled, report_row.handled_by, report_row.handled_at = True, moderator, now
    report_row.save(update_fields=["handled", "handled_by", "handled_at"])
    return report_row


def subscribe(user, now, frequency: str, *, space=None, topic=None) -> Subscription:
    """Follow a space or a topic from now on (what is already there is not mailed); subscribing again changes the
    frequency only."""
    target = {"space": space} if space is not None else {"topic": topic}
    posts = Post.objects.filter(topic__space=space) if space is not None else Post.objects.filter(topic=topic)
    newest = posts.aggregate(newest=Max("pk"))["newest"] or 0
    try:
        with transaction.atomic():
            subscription, created = Subscription.objects.get_or_create(
                user=user, **target, defaults={"frequency": frequency, "created_at": now, "last_post_id": newest})
    except IntegrityError:  # the same subscription made by a second click at the same instant
        subscription, created = Subscription.objects.get(user=user, **target), False
    if not created and subscription.frequency != frequency:
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
    return subscription


def unsubscribe(subscription) -> None:
    subscription.delete()


def open_followup(sequence, space, now) -> Topic:
    """The topic for questions after `sequence`, opened in its theme's space with a first post of the site's."""
    with transaction.atomic():
        topic, created = Topic.objects.get_or_create(sequence=sequence, defaults={
            "space": space, "title": _("Questions de suivi : %(title)s") % {"title": sequence.title},
            "created_at": now, "last_activity_at": now})
        if created:
            Post.objects.create(topic=topic, created_at=now, automatic=True, body=_(
                "La séquence « %(title)s » est terminée : posez ici vos questions de suivi, partagez ce que vous en "
                "avez fait dans votre collectivité. Les intervenant·es et la coordination du thème y répondent."
            ) % {"title": sequence.title})
    return topic


def open_due_followups(now) -> list[Topic]:
    """Open the follow-up topic of every sequence that has just ended (community.followups): idempotent."""
    from territoirprod.models import Sequence

    spaces = dict(Space.objects.filter(theme__isnull=False).values_list("theme_id", "pk"))
    rows = [followups.SequenceRow(pk, theme_id, ends_at) for pk, theme_id, ends_at in Sequence.objects.filter(
        theme_id__in=list(spaces), ends_at__gte=now - followups.WINDOW, ends_at__lte=now).values_list(
        "pk", "theme_id", "ends_at")]
    with_topic = set(Topic.objects.filter(sequence__in=[row.id for row in rows]).values_list("sequence_id", flat=True))
    due = followups.due(rows, spaces, with_topic, now)
    sequences = Sequence.objects.in_bulk([row.id for row, _space in due])
    space_objects = Space.objects.in_bulk([space for _row, space in due])
    return [open_followup(sequences[row.id], space_objects[space], now) for row, space in due]


