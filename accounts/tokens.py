"""Tokens of the links the site e-mails: the account activation link, and the co-editor invitation link."""

import hashlib
import secrets

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Like the password-reset token, and void once the account is active."""

    key_salt = "labels.tokens.ActivationTokenGenerator"  # unchanged by the move: links already sent still work

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.is_active}{timestamp}{user.email}"


activation_token = ActivationTokenGenerator()


def new_invitation_token() -> tuple[str, str]:
    """(token, digest): the token goes in the e-mailed link only, the database keeps its digest."""
    token = secrets.token_urlsafe(32)
    return token, invitation_digest(token)


def invitation_digest(token: str) -> str:
    """What is stored of an invitation token: whoever reads the database cannot rebuild a link from it."""
    return hashlib.sha256(token.encode()).hexdigest()
