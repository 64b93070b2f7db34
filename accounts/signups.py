"""Sign-up: one answer, after the same work, whether or not the address already has an account.

Neither the page nor its time tells whether an address is known: a new
address costs a password hash (the account's) and a task (the confirmation
e-mail); a known one costs a password hash too (thrown away) and a task (a
notice to the account's owner). The same address signing up twice at the same
instant gets that notice rather than a server error. Sign-ups count against
the limits of accounts/limits.py, per network address and per e-mail address,
known or not.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction

from accounts import email_quota, tasks
from accounts.limits import EmailKind


@dataclass(frozen=True)
class Links:
    """The links the e-mails carry: built by the view, which knows the site's address."""

    base_url: str  # the site's address: the task makes the confirmation link when it sends it
    login: str
    password_reset: str


def sign_up(data: dict, now, client_ip: str, links: Links) -> None:
    """Create the (inactive) account and e-mail its confirmation link, or notify the owner of the existing one.

    Raises email_quota.QuotaReached when a sign-up limit is reached.
    """
    email_quota.reserve(EmailKind.SIGNUP, now, recipient=data["email"], client_ip=client_ip)
    users = get_user_model().objects
    user = None
    if users.filter(email__iexact=data["email"]).exists() or users.filter(username__iexact=data["email"]).exists():
        make_password(data["password1"])  # the hash a new account costs, so that both answers take as long
    else:
        user = create_inactive_account(data)
    if user is None:
        tasks.send_existing_account_notice.enqueue(data["email"], links.login, links.password_reset)
    else:
        tasks.send_signup_verification.enqueue(user.pk, links.base_url)


def create_inactive_account(data: dict):
    """The new account, or None when another request created one with this address in the meantime."""
    try:
        with transaction.atomic():
            return get_user_model().objects.create_user(
                data["email"], data["email"], data["password1"], first_name=data["first_name"],
                last_name=data["last_name"], is_active=False)
    except IntegrityError:
        return None
