"""Co-editor invitations: the owner e-mails a single-use link to an address; the account that opens it and
accepts becomes co-editor.

Access follows the account bound on acceptance (`CoEditor.user`), never an
e-mail address: any account can be given any address (Wagtail's account page
allowed it), while an accepted link cannot be used again. Sending again to the
same address replaces the link, so an old e-mail opens nothing.

Invitations count against the limits of accounts/limits.py (per inviting
account, per invited address, per application): the e-mail carries a name the
inviter chose, and must not become a relay.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts import email_quota, tokens
from accounts.limits import EmailKind
from interconnectes.refusals import Refused
from labels import limits, permissions, tasks
from labels.models import Application, CoEditor, EventKind
from labels.services import log

INVITATION_VALIDITY = datetime.timedelta(days=14)


class InvitationRefused(Exception):
    """A link that cannot be accepted (unknown, used, expired, or opened by the wrong account): a French
    message for the page that says so, and the HTTP status of that page."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def invite(application_id, inviter, email, now, base_url: str) -> CoEditor:
    """Invite `email` (again: a new link voids the previous one) from the site at `base_url`.

    The link is made by the task that sends the e-mail: its token never rests in a stored task.
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
            if not permissions.can_manage_coeditors(inviter, application, now):
                raise Refused(_("Seul le titulaire peut inviter un collègue, avant la date limite."))
            coeditor = (application.coeditors.filter(email__iexact=email).first()
                        or CoEditor(application=application, email=email))
            if coeditor.is_accepted:
                raise Refused(_("Cette personne a déjà rejoint la candidature."))
            if coeditor.pk is None and (refusal := limits.coeditors_refusal(application.coeditors.count())):
                raise Refused(refusal)
            email_quota.reserve(EmailKind.COEDITOR_INVITATION, now, account=inviter, recipient=email)
            coeditor.token_hash = None  # until the e-mail goes: an earlier link opens nothing from now on
            coeditor.expires_at = now + INVITATION_VALIDITY
            coeditor.invited_by = inviter
            coeditor.save()
            log(application, EventKind.COEDITOR_INVITED, inviter, now, email)
    except IntegrityError as error:  # the same address invited by a simultaneous request
        raise Refused(_("Cette adresse vient d'être invitée : l'invitation est partie.")) from error
    tasks.send_coeditor_invitation.enqueue(coeditor.pk, base_url, INVITATION_VALIDITY.days)
    return coeditor


def check(coeditor, user, now) -> None:
    """Raise InvitationRefused unless `user` may accept this invitation (None: no invitation has this link)."""
    if coeditor is None:
        raise InvitationRefused(_("Cette invitation n'existe pas : vérifiez que le lien est complet, ou demandez "
                                  "une nouvelle invitation."), 404)
    if coeditor.is_accepted:
        raise InvitationRefused(_("Cette invitation a déjà été acceptée : un lien d'invitation ne sert qu'une fois. "
                                  "Demandez une nouvelle invitation si besoin."), 410)
    if not coeditor.link_is_valid(now):
        raise InvitationRefused(_("Cette invitation a expiré : demandez au titulaire de la candidature de vous en "
                                  "envoyer une nouvelle."), 410)
    if coeditor.application.owner_id == user.pk:
        raise InvitationRefused(_("Vous êtes titulaire de cette candidature : cette invitation est destinée à la "
                                  "personne que vous avez invitée."), 409)
    if coeditor.application.coeditors.filter(user=user).exists():
        raise InvitationRefused(_("Vous co-rédigez déjà cette candidature."), 409)


def _by_token(queryset, token):
    return queryset.filter(token_hash=tokens.invitation_digest(token)).first()


def pending_invitation(token, user, now) -> CoEditor:
    """The invitation of a link, for the page that asks `user` to confirm; InvitationRefused if they cannot."""
    coeditor = _by_token(CoEditor.objects.select_related("application__campaign", "invited_by"), token)
    check(coeditor, user, now)
    return coeditor


def accept(token, user, now) -> Application:
    """Bind `user` to the invitation's application as co-editor, once; InvitationRefused otherwise."""
    try:
        with transaction.atomic():
            coeditor = _by_token(CoEditor.objects.select_for_update(), token)
            check(coeditor, user, now)
            coeditor.user, coeditor.accepted_at = user, now
            coeditor.save(update_fields=["user", "accepted_at"])
            log(coeditor.application, EventKind.COEDITOR_JOINED, user, now, coeditor.email)
    except IntegrityError as error:  # the same account accepting two invitations of one application at once
        raise InvitationRefused(_("Vous co-rédigez déjà cette candidature."), 409) from error
    return coeditor.application
