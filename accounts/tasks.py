"""The accounts' e-mails, sent through Django tasks (immediate in dev and tests, database worker in production).

Arguments are ids and strings only, and a link that grants something (activation, password reset) is made when
the e-mail is sent, never stored with the task: a task row outlives its e-mail.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from accounts.tokens import activation_token, new_invitation_token
from interconnectes import canonical, emails


def send(template: str, to: list[str], context: dict) -> None:
    emails.send(template, to, context, app="accounts")


@task()
def send_signup_verification(user_id: int, base_url: str) -> None:
    """The activation link is made when the e-mail is sent: the stored task holds no token."""
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return  # activated or deleted meanwhile
    path = reverse("accounts:activate", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                              activation_token.make_token(user)])
    send("signup_verification", [user.email], {"first_name": user.first_name, "activation_url": f"{base_url}{path}"})


@task()
def resend_signup_verification(email: str, base_url: str) -> None:
    """A new confirmation link for the unconfirmed account of `email`, looked up here (none: nothing is sent),
    so that the request costs the same whether or not the address has one."""
    user = get_user_model().objects.filter(email__iexact=email, is_active=False).first()
    if user is not None:
        send_signup_verification.call(user.pk, base_url)


@task()
def send_existing_account_notice(email: str, login_url: str, reset_url: str) -> None:
    send("existing_account", [email], {"login_url": login_url, "reset_url": reset_url})


@task()
def send_password_reset(email: str, base_url: str) -> None:
    """E-mail a reset link to each active account of `email` that has a password; to nobody if there is none.

    The accounts are looked up here, not in the request: asking for a known
    address and for an unknown one costs the request the same (one task).
    """
    for user in PasswordResetForm().get_users(email):
        path = reverse("accounts:password_reset_confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                                 default_token_generator.make_token(user)])
        send("password_reset", [user.email], {"reset_url": base_url + path})


@task()
def send_agent_invitation(invitation_id: int, base_url: str, valid_days: int) -> None:
    """The single-use link is made here, when the e-mail is sent, and only its digest is kept."""
    from accounts.models import MembershipInvitation

    invitation = (MembershipInvitation.objects.select_related("organisation", "invited_by")
                  .filter(pk=invitation_id, accepted_at__isnull=True).first())
    if invitation is None:
        return
    token, invitation.token_hash = new_invitation_token()
    invitation.save(update_fields=["token_hash"])
    inviter = invitation.invited_by
    send("agent_invitation", [invitation.email], {
        "inviter": (inviter.get_full_name() or inviter.email) if inviter else "",
        "organisation": invitation.organisation.name, "valid_days": valid_days,
        "invitation_url": base_url + reverse("accounts:accept_invitation", args=[token]),
    })


@task()
def send_verification_decision(request_id: int) -> None:
    """The team's decision on a verification request, either way, with the reason of a refusal."""
    from accounts.models import RequestStatus, VerificationRequest

    verification = VerificationRequest.objects.select_related("person", "organisation").get(pk=request_id)
    send("verification_decision", [verification.person.email], {
        "first_name": verification.person.first_name, "approved": verification.status == RequestStatus.APPROVED,
        "organisation": verification.organisation.name if verification.organisation else verification.organisation_name,
        "reason": verification.refusal_reason,
        "space_url": canonical.absolute(reverse("accounts:space")),
    })


@task()
def send_application_decision(application_id: int) -> None:
    """The team's decision on a membership application ("adhérer"), either way, with the reason of a refusal."""
    from accounts.models import MembershipApplication, RequestStatus

    application = MembershipApplication.objects.select_related("person").get(pk=application_id)
    send("application_decision", [application.person.email], {
        "first_name": application.person.first_name, "approved": application.status == RequestStatus.APPROVED,
        "organisation": application.organisation_name, "year": application.year,
        "reason": application.refusal_reason,
        "space_url": canonical.absolute(reverse("accounts:space")),
    })


@task()
def send_account_deleted(email: str, first_name: str) -> None:
    """Sent once the account is gone, whether its owner deleted it or the inactivity rule did; the task's row is
    purged with the others (labels/purge.py)."""
    send("account_deleted", [email], {"first_name": first_name})
