"""Expert access to an implementation, its documents and its contacts: who may do what, and the actions.

Expert access is an `accounts.Grant` on the implementation (accounts/tiers.py
counts it only approved, with its terms accepted, unexpired and unrevoked:
an expiry or a revocation takes effect on the next request). A person with
an account asks, with a purpose and the terms accepted, one pending request
at a time; a verified référent of the project's lead collectivité, or the
association's team (staff holding `accounts.change_grant`), decides: approved until a date
(a year by default), refused with a reason, or revoked later.

A document is served to readers of its level only; below it, its address is
"not found", so that nobody learns it exists. Each download is logged for the
project's owners. A message to a contact is relayed by e-mail, its address
never shown, within the e-mail quotas of accounts/limits.py.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import email_quota
from accounts.limits import EmailKind
from accounts.models import Grant, GrantDecision, Membership, MembershipRole, MembershipStatus
from accounts.tiers import Tier, tier_for
from interconnectes.refusals import Refused
from library import permissions
from library.access_models import Contact, DocumentDownload, ImplementationDocument
from library.tiers import Level, level_for_tier

DEFAULT_DURATION = datetime.timedelta(days=365)
CONSENT_SALT = "library.contact-consent"


# --- Who may do what ----------------------------------------------------------------------------------------------

def reader_level(user, implementation, request=None) -> Level:
    return level_for_tier(tier_for(user, implementation, request=request))


def implementation_grants(implementation_ids=None):
    grants = Grant.objects.filter(content_type=ContentType.objects.get_for_model(implementation_model()))
    return grants if implementation_ids is None else grants.filter(object_id__in=implementation_ids)


def implementation_model():
    from library.models import Implementation

    return Implementation


def pending_request(user, implementation) -> Grant | None:
    if not user.is_authenticated:
        return None
    return implementation_grants([implementation.pk]).filter(person=user, decision=GrantDecision.PENDING).first()


def may_request_access(user, implementation, request=None) -> bool:
    """Anyone with an account who does not hold an expert access to the project yet."""
    return user.is_authenticated and tier_for(user, implementation, request=request) < Tier.GRANT


def may_decide(user, implementation) -> bool:
    """The association's team, or a verified référent of the project's lead collectivité."""
    return (permissions.is_access_team(user)
            or implementation.lead_organisation_id in permissions.referent_organisation_ids(user))


def decidable_implementations(user):
    """The implementations whose access `user` decides (all of them for the team), as a queryset."""
    implementations = implementation_model().objects.all()
    if permissions.is_access_team(user):
        return implementations
    return implementations.filter(lead_organisation_id__in=permissions.verified_memberships(user).filter(
        role=MembershipRole.REFERENT).values("organisation_id"))


def may_download(user, document, request=None) -> bool:
    return reader_level(user, document.implementation, request) >= document.level


def may_write(user, contact, request=None) -> bool:
    """Who reads the project's level 1 (verified agents, its experts) may write to its contacts through the site."""
    return reader_level(user, contact.implementation, request) >= Level.AGENTS


# --- Expert access ------------------------------------------------------------------------------------------------

def request_access(user, implementation, purpose: str, now) -> Grant:
    """Record the request (terms accepted now) and count the e-mail to the deciders; Refused in French."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).exists()  # one request at a time
        if not may_request_access(user, implementation):
            raise Refused(_("Vous avez déjà un accès expert à ce projet."))
        if pending_request(user, implementation) is not None:
            raise Refused(_("Vous avez déjà une demande en attente pour ce projet : le ou la référente de la "
                            "collectivité vous répondra par e-mail."))
        email_quota.reserve(EmailKind.EXPERT_ACCESS_REQUEST, now, account=user)
        return Grant.objects.create(person=user, content_type=ContentType.objects.get_for_model(implementation),
                                    object_id=implementation.pk, purpose=purpose.strip(), terms_accepted_at=now,
                                    decision=GrantDecision.PENDING, created_at=now)


def grant_for_decision(grant_id: int, *, for_update: bool = False) -> Grant:
    grants = implementation_grants().select_related("person")
    return (grants.select_for_update() if for_update else grants).get(pk=grant_id)


def approve(grant_id: int, decider, expires_at, now) -> Grant:
    if expires_at <= now:
        raise Refused(_("La date de fin de l'accès doit être dans le futur."))
    with transaction.atomic():
        grant = grant_for_decision(grant_id, for_update=True)
        if grant.decision != GrantDecision.PENDING:
            raise Refused(_("Cette demande a déjà été traitée."))
        grant.decision, grant.decided_by, grant.decided_at, grant.expires_at = (
            GrantDecision.APPROVED, decider, now, expires_at)
        grant.save(update_fields=["decision", "decided_by", "decided_at", "expires_at"])
    return grant


def refuse(grant_id: int, decider, now) -> Grant:
    with transaction.atomic():
        grant = grant_for_decision(grant_id, for_update=True)
        if grant.decision != GrantDecision.PENDING:
            raise Refused(_("Cette demande a déjà été traitée."))
        grant.decision, grant.decided_by, grant.decided_at = GrantDecision.REFUSED, decider, now
        grant.save(update_fields=["decision", "decided_by", "decided_at"])
    return grant


def revoke(grant_id: int, decider, now) -> Grant:
    with transaction.atomic():
        grant = grant_for_decision(grant_id, for_update=True)
        if grant.decision != GrantDecision.APPROVED or grant.revoked_at is not None:
            raise Refused(_("Seul un accès accordé et en cours peut être révoqué."))
        grant.revoked_at = now
        grant.save(update_fields=["revoked_at"])
    return grant


def grant_state(grant: Grant, now) -> str:
    """In French, for the lists: pending, refused, active until…, expired, revoked."""
    if grant.decision == GrantDecision.PENDING:
        return _("en attente")
    if grant.decision == GrantDecision.REFUSED:
        return _("refusée")
    if grant.revoked_at is not None:
        return _("révoqué")
    if grant.expires_at is not None and grant.expires_at <= now:
        return _("expiré")
    return _("accordé")


def is_active(grant: Grant, now) -> bool:
    return (grant.decision == GrantDecision.APPROVED and grant.revoked_at is None
            and (grant.expires_at is None or grant.expires_at > now))


def default_expiry(now) -> datetime.date:
    return (now + DEFAULT_DURATION).date()


# --- Documents ----------------------------------------------------------------------------------------------------

def log_download(document: ImplementationDocument, user, now) -> DocumentDownload:
    return DocumentDownload.objects.create(document=document, person=user if user.is_authenticated else None, at=now)


def downloads_for(implementations, limit: int = 200):
    return (DocumentDownload.objects.filter(document__implementation__in=implementations)
            .select_related("document__implementation__use_case", "document__implementation__lead_organisation",
                            "person")[:limit])


# --- Contacts -----------------------------------------------------------------------------------------------------

def relay_message(user, contact: Contact, now) -> None:
    """Count the message against the sender's and the contact's quotas (QuotaReached, in French, when used up)."""
    email_quota.reserve(EmailKind.CONTACT_MESSAGE, now, account=user, recipient=contact.email)


def sender_organisations(user) -> list[str]:
    return list(Membership.objects.filter(person=user, status=MembershipStatus.VERIFIED)
                .order_by("organisation__name").values_list("organisation__name", flat=True))


def consent_token(contact: Contact) -> str:
    return signing.dumps(contact.pk, salt=CONSENT_SALT)


def contact_from_token(token: str) -> Contact | None:
    try:
        pk = signing.loads(token, salt=CONSENT_SALT)
    except signing.BadSignature:
        return None
    return Contact.objects.filter(pk=pk).select_related("implementation__use_case").first()


def withdraw_consent(contact: Contact, now) -> None:
    if contact.has_consented:
        contact.consent_revoked_at = now
        contact.save(update_fields=["consent_revoked_at"])  # moves the pages' content version

