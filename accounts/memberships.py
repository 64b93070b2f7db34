"""Who is an agent of which organisation, and how they became one: the writes of memberships.

Three ways to be verified (each sets `Membership.method`, who and when):
an address on one of the organisation's declared domains, confirmed by the
sign-up link; a référent's invitation (single use, 14 days); a request the
association's team approves in the admin. A référent revokes agents, never
leaving the organisation without one; anyone can leave. Every check of
access reads verified memberships only, so a revocation counts at once.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import email_quota, tasks, tokens
from accounts.limits import EmailKind
from accounts.models import (
    Membership,
    MembershipApplication,
    MembershipInvitation,
    MembershipRole,
    MembershipStatus,
    RequestStatus,
    VerificationMethod,
    VerificationRequest,
)
from interconnectes.models import EmailDomain, MemberYear, Organisation
from interconnectes.refusals import Refused
from interconnectes.validators import email_domain

INVITATION_VALIDITY = datetime.timedelta(days=14)


def verify(person, organisation, method, now, *, by=None, role=MembershipRole.AGENT) -> Membership:
    """Make `person` a verified member of `organisation` (a référent stays one; a new role only raises)."""
    membership, _created = Membership.objects.get_or_create(person=person, organisation=organisation)
    membership.status, membership.method, membership.verified_by, membership.verified_at = (
        MembershipStatus.VERIFIED, method, by, now)
    if role == MembershipRole.REFERENT:
        membership.role = role
    membership.save()
    return membership


def verify_by_email_domain(user, now) -> Membership | None:
    """Once `user` confirmed their address: an agent of the organisation that declared its domain, if any.

    A membership a référent revoked stays revoked: confirming an address again does not undo it.
    """
    declared = EmailDomain.objects.filter(domain=email_domain(user.email)).select_related("organisation").first()
    if declared is None:
        return None
    if Membership.objects.filter(person=user, organisation=declared.organisation,
                                 status=MembershipStatus.REVOKED).exists():
        return None
    return verify(user, declared.organisation, VerificationMethod.EMAIL_DOMAIN, now)


def referent_membership(user, organisation_id) -> Membership | None:
    return (Membership.objects.filter(person=user, organisation_id=organisation_id, role=MembershipRole.REFERENT,
                                      status=MembershipStatus.VERIFIED).select_related("organisation").first())


def invite(referent, organisation, email, now, base_url: str) -> MembershipInvitation:
    """A référent invites `email` as an agent; the task that sends the e-mail makes the link."""
    email = email.strip().lower()
    if referent_membership(referent, organisation.pk) is None:
        raise Refused(_("Seul·e un·e référent·e vérifié·e de l'organisation peut inviter ses agents."))
    if Membership.objects.filter(organisation=organisation, person__email__iexact=email,
                                 status=MembershipStatus.VERIFIED).exists():
        raise Refused(_("Cette personne est déjà un agent vérifié de l'organisation."))
    with transaction.atomic():
        email_quota.reserve(EmailKind.AGENT_INVITATION, now, account=referent, recipient=email)
        invitation = MembershipInvitation.objects.create(organisation=organisation, email=email, invited_by=referent,
                                                         created_at=now, expires_at=now + INVITATION_VALIDITY)
    tasks.send_agent_invitation.enqueue(invitation.pk, base_url, INVITATION_VALIDITY.days)
    return invitation


def check_invitation(invitation, user, now) -> None:
    """Raise Refused, in French, unless `user` may accept `invitation` (None: no invitation has this link)."""
    if invitation is None:
        raise Refused(_("Cette invitation n'existe pas : vérifiez que le lien est complet, ou demandez-en une "
                        "nouvelle à votre référent·e."))
    if invitation.accepted_at is not None:
        raise Refused(_("Cette invitation a déjà servi : un lien d'invitation ne sert qu'une fois."))
    if now >= invitation.expires_at:
        raise Refused(_("Cette invitation a expiré (elle valait 14 jours) : demandez-en une nouvelle à votre "
                        "référent·e."))
    if user.email.strip().lower() != invitation.email.lower():
        raise Refused(_("Cette invitation a été envoyée à une autre adresse que celle de votre compte : "
                        "connectez-vous avec le compte de l'adresse invitée."))


def invitation_by_token(token, *, for_update=False) -> MembershipInvitation | None:
    invitations = MembershipInvitation.objects.select_related("organisation", "invited_by")
    if for_update:
        invitations = invitations.select_for_update(of=("self",))
    return invitations.filter(token_hash=tokens.invitation_digest(token)).first()


def accept_invitation(token, user, now) -> Membership:
    with transaction.atomic():
        invitation = invitation_by_token(token, for_update=True)
        check_invitation(invitation, user, now)
        invitation.accepted_at, invitation.accepted_by = now, user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        return verify(user, invitation.organisation, VerificationMethod.INVITATION, now, by=invitation.invited_by)


def revoke(referent, membership_id, now) -> Membership:
    """A référent revokes a member of their organisation; the last référent cannot revoke themselves."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership_id).first()
        if membership is None or referent_membership(referent, membership.organisation_id) is None:
            raise Refused(_("Ce rattachement n'existe pas, ou vous n'en êtes pas référent·e."))
        referents = Membership.objects.filter(organisation_id=membership.organisation_id,
                                              role=MembershipRole.REFERENT, status=MembershipStatus.VERIFIED)
        if membership.role == MembershipRole.REFERENT and referents.count() <= 1:
            raise Refused(_("Vous êtes le ou la dernière référent·e de l'organisation : désignez-en un·e autre "
                            "avant de vous retirer."))
        membership.status, membership.verified_by, membership.verified_at = MembershipStatus.REVOKED, referent, now
        membership.save(update_fields=["status", "verified_by", "verified_at"])
        return membership


def leave(person, membership_id) -> None:
    """A person leaves an organisation: the membership goes, and with it any access it gave."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership_id, person=person).first()
        if membership is None:
            raise Refused(_("Ce rattachement n'existe pas."))
        referents = Membership.objects.filter(organisation_id=membership.organisation_id,
                                              role=MembershipRole.REFERENT, status=MembershipStatus.VERIFIED)
        if membership.role == MembershipRole.REFERENT and referents.count() <= 1 and \
                Membership.objects.filter(organisation_id=membership.organisation_id,
                                          status=MembershipStatus.VERIFIED).count() > 1:
            raise Refused(_("Vous êtes le ou la dernière référent·e de l'organisation : désignez-en un·e autre "
                            "avant de la quitter."))
        membership.delete()


def request_verification(person, data: dict, now) -> VerificationRequest:
    """Ask the team to recognise `person` as an agent of an organisation (chosen, or named when not listed)."""
    organisation, name = data.get("organisation"), data.get("organisation_name", "").strip()
    if organisation is None and not name:
        raise Refused(_("Choisissez votre organisation dans la liste, ou saisissez son nom si elle n'y est pas."))
    with transaction.atomic():
        email_quota.reserve(EmailKind.VERIFICATION_REQUEST, now, account=person)
        return VerificationRequest.objects.create(
            person=person, organisation=organisation, organisation_name="" if organisation else name,
            job_title=data["job_title"], message=data.get("message", ""), created_at=now)


def pending_for_decision(model, request_id):
    """The request, locked until the transaction ends so that two staff members cannot both decide it; refused
    when it was already decided. Call inside `transaction.atomic()`."""
    request = model.objects.select_for_update().get(pk=request_id)
    if request.status != RequestStatus.PENDING:
        raise Refused(_("Cette demande a déjà été traitée."))
    return request


def record_refusal(model, request_id, staff, reason: str, now):
    """Refuse a pending request with the reason the person will read (required)."""
    if not reason.strip():
        raise Refused(_("Indiquez le motif du refus : il est envoyé à la personne."))
    with transaction.atomic():
        request = pending_for_decision(model, request_id)
        request.status, request.refusal_reason = RequestStatus.REFUSED, reason.strip()
        request.decided_by, request.decided_at = staff, now
        request.save()
    return request


def approve_request(request_id, staff, now, *, create_as_kind="") -> VerificationRequest:
    """Staff approve: the person becomes a verified agent; an organisation not on the site yet is created."""
    with transaction.atomic():
        verification = pending_for_decision(VerificationRequest, request_id)
        if verification.organisation is None:
            if not create_as_kind:
                raise Refused(_("Cette organisation n'existe pas encore : choisissez son type pour la créer."))
            if Organisation.objects.filter(name__iexact=verification.organisation_name).exists():
                raise Refused(_("Une organisation porte déjà ce nom : rattachez la demande à celle-ci."))
            verification.organisation = Organisation.objects.create(name=verification.organisation_name,
                                                                    kind=create_as_kind)
        verify(verification.person, verification.organisation, VerificationMethod.STAFF, now, by=staff)
        verification.status, verification.decided_by, verification.decided_at = RequestStatus.APPROVED, staff, now
        verification.save()
    tasks.send_verification_decision.enqueue(verification.pk)
    return verification


def refuse_request(request_id, staff, reason: str, now) -> VerificationRequest:
    verification = record_refusal(VerificationRequest, request_id, staff, reason, now)
    tasks.send_verification_decision.enqueue(verification.pk)
    return verification


class FieldRefused(Refused):
    """A refusal about one field of the form: the view puts the message next to it."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


def apply_for_membership(person, data: dict, now) -> MembershipApplication:
    """"Adhérer" for a collectivité, this year; refused when its SIREN is already a member's for the year."""
    year = now.year
    if Organisation.objects.members_in(year).filter(siren=data["siren"]).exists():
        raise FieldRefused("siren", _("Cette collectivité est déjà adhérente en %(year)d : demandez à son "
                                      "référent·e de vous inviter.") % {"year": year})
    if MembershipApplication.objects.filter(siren=data["siren"], year=year, status=RequestStatus.PENDING).exists():
        raise FieldRefused("siren", _("Une demande d'adhésion de cette collectivité est déjà en cours d'examen."))
    with transaction.atomic():
        email_quota.reserve(EmailKind.MEMBERSHIP_APPLICATION, now, account=person)
        return MembershipApplication.objects.create(person=person, year=year, created_at=now, **data)


def accept_application(application_id, staff, now) -> MembershipApplication:
    """The organisation (found by SIREN, else by name, else created) is a member for the year, the requester its
    référent·e."""
    with transaction.atomic():
        application = pending_for_decision(MembershipApplication, application_id)
        organisation = (Organisation.objects.filter(siren=application.siren).first()
                        or Organisation.objects.filter(name__iexact=application.organisation_name).first())
        if organisation is None:
            organisation = Organisation.objects.create(name=application.organisation_name, kind=application.kind,
                                                       siren=application.siren)
        MemberYear.objects.get_or_create(organisation=organisation, year=application.year)
        verify(application.person, organisation, VerificationMethod.MEMBERSHIP_APPLICATION, now, by=staff,
               role=MembershipRole.REFERENT)
        application.organisation, application.status = organisation, RequestStatus.APPROVED
        application.decided_by, application.decided_at = staff, now
        application.save()
    tasks.send_application_decision.enqueue(application.pk)
    return application


def refuse_application(application_id, staff, reason: str, now) -> MembershipApplication:
    application = record_refusal(MembershipApplication, application_id, staff, reason, now)
    tasks.send_application_decision.enqueue(application.pk)
    return application
