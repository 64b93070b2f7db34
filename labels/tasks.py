"""Background work (e-mails) through Django tasks: immediate in dev and tests, database worker in production.

Arguments are ids and strings only (they are stored as JSON by the database backend), and a link that grants
something is made when the e-mail is sent, not stored with the task: a task row outlives its e-mail (it is
pruned after LOGS_RETENTION_DAYS, labels/retention.py).
"""

from django.urls import reverse
from django_tasks import task

from interconnectes import emails


@task()
def send_submission_receipt(application_id: int, version_number: int, receipt_url: str) -> None:
    from labels.models import Application
    from labels.snapshot import display_rows

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    version = application.versions.get(number=version_number)
    recipients = sorted({address for address in [application.owner.email if application.owner else "",
                                                 application.contact_email] if address})
    emails.send("submission_receipt", recipients, {
        "application": application, "version": version, "rows": display_rows(version.snapshot),
        "receipt_url": receipt_url,
    })




@task()
def send_reopened_notice(application_id: int, application_url: str) -> None:
    from labels.models import Application

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    if application.owner and application.owner.email:
        emails.send("reopened", [application.owner.email], {"application": application, "url": application_url})


@task()
def send_withdrawal_notice(application_id: int) -> None:
    """A written trace of a withdrawal, to the owner and the contact address (a co-editor may have withdrawn)."""
    from labels.models import Application

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    recipients = sorted({address for address in [application.owner.email if application.owner else "",
                                                 application.contact_email] if address})
    if recipients:
        emails.send("withdrawn", recipients, {"application": application})


@task()
def send_coeditor_invitation(coeditor_id: int, base_url: str, valid_days: int) -> None:
    """The invitation's single-use link is made here, when the e-mail is sent, and only its digest is kept."""
    from accounts.tokens import new_invitation_token
    from labels.models import CoEditor

    coeditor = (CoEditor.objects.select_related("application__campaign", "invited_by")
                .filter(pk=coeditor_id, user__isnull=True).first())
    if coeditor is None:
        return  # accepted or withdrawn meanwhile
    token, coeditor.token_hash = new_invitation_token()
    coeditor.save(update_fields=["token_hash"])
    application, inviter = coeditor.application, coeditor.invited_by
    emails.send("coeditor_invitation", [coeditor.email], {
        "inviter": inviter.get_full_name() or inviter.email if inviter else "",
        "inviter_email": inviter.email if inviter else "",
        "title": application.title or str(application.campaign),
        "invitation_url": base_url + reverse("labels:accept_invitation", args=[token]),
        "valid_days": valid_days,
    })
