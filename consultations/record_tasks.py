"""The consultation records' e-mails, through Django tasks: ids only as arguments, links on the site's public
address."""

from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails


def send(template: str, to: list[str], context: dict) -> None:
    if to:
        emails.send(template, to, context, app="consultations")


def draft_title(draft) -> str:
    return f"{draft.data.get('title') or ''} · {draft.organisation.name}"


@task()
def notify_staff(draft_id: int) -> None:
    """A record submitted for review, or an update published directly (to read afterwards)."""
    from consultations.permissions import records_staff_addresses
    from reviews.models import Draft
    from reviews.states import State

    draft = Draft.objects.select_related("organisation").get(pk=draft_id)
    send("submitted", records_staff_addresses(), {
        "title": draft_title(draft), "published": draft.state == State.PUBLISHED,
        "queue_url": canonical.absolute(reverse("consultation_records:review_queue"))})


@task()
def notify_editors(draft_id: int, action: str) -> None:
    """The team's decision, to the draft's creator and co-editors."""
    from reviews.models import Draft

    draft = Draft.objects.select_related("organisation", "created_by").get(pk=draft_id)
    people = [draft.created_by, *draft.editors.all()]
    send("decision", sorted({person.email for person in people if person is not None and person.email}), {
        "title": draft_title(draft), "action": action, "reason": draft.reason,
        "draft_url": canonical.absolute(reverse("consultation_records:draft", args=[draft.pk]))})


@task()
def send_follow_up_reminder(consultation_id: int, months: int) -> None:
    """Ask the territory's agents what came of the consultation, `months` after its end."""
    from consultations.record_models import Consultation
    from library.owners import owner_addresses

    consultation = Consultation.objects.select_related("organisation").filter(pk=consultation_id).first()
    if consultation is not None:
        send("follow_up_reminder", owner_addresses(consultation.organisation_id), {
            "title": consultation.title, "months": months, "ends_on": consultation.ends_on,
            "follow_up_url": canonical.absolute(reverse("consultation_records:follow_up",
                                                        args=[consultation.pk]))})


