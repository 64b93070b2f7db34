"""Personal data across the site: one export of everything a person has, one deletion of the account everywhere.

The account itself is the accounts app's; what each other app holds about the
person is its own to export and to delete or anonymise. Each app answers two
hooks (registered in its `wagtail_hooks.py`), so that this module never
imports the apps built on accounts:

- `accounts_personal_data(user) -> dict | None`: the app's part of "mes données";
- `accounts_before_account_deletion(user, now)`: remove or anonymise the app's
  records of the person, in the deletion's transaction, before the user row goes.
"""

import logging

from django.db import transaction
from wagtail import hooks

from accounts import tasks
from accounts.models import Grant, Membership, MembershipInvitation, VerificationRequest
from interconnectes import clock

logger = logging.getLogger("accounts.gdpr")


def account_data(user) -> dict:
    return {
        "identifiant": user.get_username(), "email": user.email, "prenom": user.first_name,
        "nom": user.last_name, "inscription": user.date_joined.isoformat(),
        "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
    }


def membership_data(user) -> list[dict]:
    return [{"organisation": m.organisation.name, "role": m.get_role_display(), "statut": m.get_status_display(),
             "verifiee_le": m.verified_at.isoformat() if m.verified_at else None,
             "methode": m.get_method_display()}
            for m in Membership.objects.filter(person=user).select_related("organisation").order_by("pk")]


def request_data(user) -> dict:
    return {
        "demandes_de_verification": [
            {"organisation": r.organisation.name if r.organisation else r.organisation_name, "fonction": r.job_title,
             "precisions": r.message, "statut": r.get_status_display(), "motif_du_refus": r.refusal_reason,
             "le": r.created_at.isoformat()}
            for r in VerificationRequest.objects.filter(person=user).select_related("organisation").order_by("pk")],
        "invitations_envoyees": [
            {"organisation": i.organisation.name, "adresse": i.email, "le": i.created_at.isoformat(),
             "acceptee": i.accepted_at is not None}
            for i in MembershipInvitation.objects.filter(invited_by=user).select_related("organisation")
            .order_by("pk")],
        "acces_nominatifs": [
            {"objet": f"{g.content_type.app_label}.{g.content_type.model} n° {g.object_id}", "motif": g.purpose,
             "decision": g.get_decision_display(), "expire_le": g.expires_at.isoformat() if g.expires_at else None,
             "revoque_le": g.revoked_at.isoformat() if g.revoked_at else None}
            for g in Grant.objects.filter(person=user).select_related("content_type").order_by("pk")],
    }


def export_user_data(user) -> dict:
    """Everything the site holds about `user`, by app: the account, the memberships and requests, then each app's
    part (one JSON file)."""
    data = {"compte": account_data(user), "rattachements": membership_data(user), **request_data(user)}
    for hook in hooks.get_hooks("accounts_personal_data"):
        data.update(hook(user) or {})
    return data


def delete_account(user, now=None) -> None:
    """Every app removes or anonymises what it holds of the person, then the account goes (memberships with it),
    and the address is told so."""
    now = now or clock.now()
    with transaction.atomic():
        for hook in hooks.get_hooks("accounts_before_account_deletion"):
            hook(user, now)
        if user.email:  # invitations still waiting for this address; memberships, requests and grants go with it
            MembershipInvitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
        logger.info("accounts: compte %s supprimé", user.pk)
        email, first_name = user.email, user.first_name
        user.delete()
    if email:  # the last message to the address: what went and what stays, so that nobody learns it by surprise
        tasks.send_account_deleted.enqueue(email, first_name)
