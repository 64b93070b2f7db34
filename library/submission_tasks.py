"""The library's e-mails, through Django tasks: ids only as arguments, links on the site's public address."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails


def send(template: str, to: list[str], context: dict) -> None:
    if to:
        emails.send(template, to, context, app="library")


def draft_title(draft) -> str:
    from library.models import UseCasePage

    use_case = UseCasePage.objects.filter(pk=draft.context.get("use_case")).first()
    return f"{use_case.title if use_case else ''} · {draft.organisation.name}"


@task()
def notify_staff(draft_id: int) -> None:
    """A draft submitted for review, or an update published directly (to read afterwards)."""
    from library.permissions import staff_addresses
    from reviews.models import Draft
    from reviews.states import State

    draft = Draft.objects.select_related("organisation").get(pk=draft_id)
    send("submitted", staff_addresses(), {
        "title": draft_title(draft), "published": draft.state == State.PUBLISHED,
        "queue_url": canonical.absolute(reverse("library:review_queue")),
    })


@task()
def notify_editors(draft_id: int, action: str) -> None:
    """The team's decision (changes requested, published, refused), to the draft's creator and co-editors."""
    from reviews.models import Draft

    draft = Draft.objects.select_related("organisation", "created_by").get(pk=draft_id)
    people = [draft.created_by, *draft.editors.all()]
    send("decision", sorted({person.email for person in people if person is not None and person.email}), {
        "title": draft_title(draft), "action": action, "reason": draft.reason, "comments": bool(draft.comments),
        "draft_url": canonical.absolute(reverse("library:draft", args=[draft.pk])),
        "projects_url": canonical.absolute(reverse("library:projects")),
    })


@task()
def notify_coeditor(draft_id: int, invitee_id: int, inviter_id: int) -> None:
    from reviews.models import Draft

    users = get_user_model().objects
    draft = Draft.objects.select_related("organisation").get(pk=draft_id)
    invitee, inviter = users.get(pk=invitee_id), users.filter(pk=inviter_id).first()
    send("coeditor", [invitee.email], {
        "title": draft_title(draft), "inviter": (inviter.get_full_name() or inviter.email) if inviter else "",
        "draft_url": canonical.absolute(reverse("library:draft", args=[draft.pk])),
    })
