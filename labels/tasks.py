"""Background work (e-mails) through Django tasks: immediate in dev and tests, database worker in production.

Arguments are ids and strings only (they are stored as JSON by the database backend), and a link that grants
something is made when the e-mail is sent, not stored with the task: a task row outlives its e-mail (it is
pruned after LOGS_RETENTION_DAYS, labels/retention.py).
"""

from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from labels import emails
from labels.tokens import activation_token


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
def send_signup_verification(user_id: int, base_url: str) -> None:
    """The activation link is made when the e-mail is sent: the stored task holds no token."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return  # activated or deleted meanwhile
    path = reverse("labels:activate", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                            activation_token.make_token(user)])
    emails.send("signup_verification", [user.email], {"first_name": user.first_name,
                                                      "activation_url": f"{base_url}{path}"})


@task()
def send_existing_account_notice(email: str, login_url: str, reset_url: str) -> None:
    emails.send("existing_account", [email], {"login_url": login_url, "reset_url": reset_url})


@task()
def send_reopened_notice(application_id: int, application_url: str) -> None:
    from labels.models import Application

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    if application.owner and application.owner.email:
        emails.send("reopened", [application.owner.email], {"application": application, "url": application_url})


@task()
def send_coeditor_invitation(coeditor_id: int, base_url: str, valid_days: int) -> None:
    """The invitation's single-use link is made here, when the e-mail is sent, and only its digest is kept."""
    from labels.models import CoEditor
    from labels.tokens import new_invitation_token

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


@task()
def send_password_reset(email: str, protocol: str, domain: str) -> None:
    """E-mail a reset link to each active account of `email` that has a password; to nobody if there is none.

    The accounts are looked up here, not in the request: asking for a known
    address and for an unknown one costs the request the same (one task).
    """
    from django.contrib.auth.forms import PasswordResetForm
    from django.contrib.auth.tokens import default_token_generator

    for user in PasswordResetForm().get_users(email):
        path = reverse("labels:password_reset_confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                               default_token_generator.make_token(user)])
        emails.send("password_reset", [user.email], {"reset_url": f"{protocol}://{domain}{path}"})
