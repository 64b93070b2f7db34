"""What one account, one e-mail address or one network address may ask the site to e-mail: the quotas and refusals.

Every e-mail the site sends because someone asked (a sign-up confirmation, a
password reset, a co-editor invitation, a submission receipt to the contact
address an applicant typed) is a relay for whoever asks: each kind has quotas
per account, per recipient address or per network address, over a sliding
window, counted in the database (accounts/email_quota.py) so that every worker
process sees the same count. The labels' own limits (drafts, files) are in
labels/limits.py.

The numbers are settings (`LABELS_LIMITS`, interconnectes/settings/base.py);
this module says which limit applies to what and phrases each refusal in
French. Plain functions of counts: no ORM, no request.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


class EmailKind(models.TextChoices):
    SIGNUP = "inscription", gettext_lazy("Inscription")
    PASSWORD_RESET = "mot-de-passe", gettext_lazy("Mot de passe oublié")
    COEDITOR_INVITATION = "invitation", gettext_lazy("Invitation à co-rédiger")
    SUBMISSION_RECEIPT = "accuse", gettext_lazy("Accusé de réception")
    AGENT_INVITATION = "invit-agent", gettext_lazy("Invitation d'un agent")
    VERIFICATION_REQUEST = "verification", gettext_lazy("Demande de vérification")
    MEMBERSHIP_APPLICATION = "adhesion", gettext_lazy("Demande d'adhésion")
    EXPERT_ACCESS_REQUEST = "acces-expert", gettext_lazy("Demande d'accès expert (bibliothèque d'IA)")
    CONTACT_MESSAGE = "message-contact", gettext_lazy("Message à un contact (bibliothèque d'IA)")
    LIBRARY_ERROR_REPORT = "erreur-biblio", gettext_lazy("Erreur signalée dans la bibliothèque d'IA")
    RESOURCE_REPORT = "probleme-ress", gettext_lazy("Problème signalé sur une ressource")


class Scope(StrEnum):
    """Who a quota counts for: the account asking, the address written to, or the network address asking."""

    ACCOUNT = "account"
    RECIPIENT = "recipient"
    CLIENT_IP = "client_ip"


@dataclass(frozen=True)
class Quota:
    setting: str  # the key of settings.LABELS_LIMITS
    scope: Scope
    period: datetime.timedelta
    refusal: Promise  # French, with %(limit)d

    @property
    def limit(self) -> int:
        return limit(self.setting)

    def message(self) -> str:
        return str(self.refusal) % {"limit": self.limit}


# Quotas two kinds have in common (each kind still counts its own requests): invitations received by one address
# (to co-edit a file, to join an organisation), and a person's requests to the team (verification, membership).
INVITATIONS_TO_ONE_ADDRESS = Quota("INVITATIONS_PER_ADDRESS_PER_DAY", Scope.RECIPIENT, DAY, gettext_lazy(
    "Trop d'invitations ont été envoyées à cette adresse (%(limit)d par jour) : réessayez demain."))
REQUESTS_TO_THE_TEAM = Quota("VERIFICATION_REQUESTS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
    "Vous avez déjà envoyé %(limit)d demandes aujourd'hui : l'équipe les examine, réessayez demain."))

QUOTAS: dict[str, tuple[Quota, ...]] = {
    EmailKind.SIGNUP: (
        Quota("SIGNUPS_PER_HOUR", Scope.CLIENT_IP, HOUR, gettext_lazy(
            "Trop de comptes créés depuis votre adresse réseau (%(limit)d par heure) : réessayez dans une heure.")),
        Quota("SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR", Scope.RECIPIENT, HOUR, gettext_lazy(
            "Trop de messages ont été demandés pour cette adresse (%(limit)d par heure) : consultez ceux déjà "
            "reçus, ou réessayez dans une heure.")),
    ),
    EmailKind.PASSWORD_RESET: (
        Quota("RESETS_PER_ADDRESS_PER_HOUR", Scope.RECIPIENT, HOUR, gettext_lazy(
            "Trop de demandes pour cette adresse (%(limit)d par heure) : utilisez le dernier message reçu, ou "
            "réessayez dans une heure.")),
        Quota("RESETS_PER_IP_PER_HOUR", Scope.CLIENT_IP, HOUR, gettext_lazy(
            "Trop de demandes depuis votre adresse réseau (%(limit)d par heure) : réessayez dans une heure.")),
    ),
    EmailKind.COEDITOR_INVITATION: (
        Quota("INVITATIONS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Trop d'invitations envoyées depuis votre compte (%(limit)d par jour) : réessayez demain.")),
        INVITATIONS_TO_ONE_ADDRESS,
    ),
    EmailKind.SUBMISSION_RECEIPT: (
        Quota("RECEIPTS_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Trop d'accusés de réception envoyés depuis votre compte (%(limit)d par jour).")),
        Quota("RECEIPTS_PER_DAY", Scope.RECIPIENT, DAY, gettext_lazy(
            "Trop d'accusés de réception envoyés à l'adresse de contact (%(limit)d par jour).")),
    ),
    EmailKind.AGENT_INVITATION: (
        Quota("AGENT_INVITATIONS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Trop d'invitations envoyées depuis votre compte (%(limit)d par jour) : réessayez demain.")),
        INVITATIONS_TO_ONE_ADDRESS,
    ),
    EmailKind.VERIFICATION_REQUEST: (
        REQUESTS_TO_THE_TEAM,
    ),
    EmailKind.MEMBERSHIP_APPLICATION: (
        REQUESTS_TO_THE_TEAM,
    ),
    # The library: an expert access request e-mails the project's référents; a message to a project's contact is
    # relayed to an address the sender never sees (library/access.py).
    EmailKind.EXPERT_ACCESS_REQUEST: (
        Quota("ACCESS_REQUESTS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Vous avez déjà envoyé %(limit)d demandes d'accès aujourd'hui : réessayez demain.")),
    ),
    EmailKind.CONTACT_MESSAGE: (
        Quota("CONTACT_MESSAGES_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Vous avez déjà écrit %(limit)d messages aujourd'hui par le site : réessayez demain.")),
        Quota("CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY", Scope.RECIPIENT, DAY, gettext_lazy(
            "Ce contact a déjà reçu %(limit)d messages aujourd'hui par le site : réessayez demain.")),
    ),
    EmailKind.LIBRARY_ERROR_REPORT: (
        Quota("LIBRARY_ERROR_REPORTS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Vous avez déjà signalé %(limit)d erreurs aujourd'hui : les responsables des fiches les examinent, "
            "réessayez demain.")),
    ),
    EmailKind.RESOURCE_REPORT: (
        Quota("RESOURCE_REPORTS_PER_ACCOUNT_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
            "Vous avez déjà signalé %(limit)d problèmes aujourd'hui : l'équipe les examine, réessayez demain.")),
    ),
}

# Requests older than the longest window count for nothing any more: they can be deleted.
RETENTION = max(quota.period for quotas in QUOTAS.values() for quota in quotas)


def limit(name: str) -> int:
    return settings.LABELS_LIMITS[name]


def exceeded(kind: str, counts: dict[Scope, int]) -> Quota | None:
    """The first quota of `kind` already used up, from the count of requests in each quota's window."""
    return first_exceeded(QUOTAS[kind], counts)


def first_exceeded(quotas: tuple[Quota, ...], counts: dict[Scope, int]) -> Quota | None:
    """The first of `quotas` already used up (other apps count their own rows: the community's posts)."""
    return next((quota for quota in quotas if quota.scope in counts and counts[quota.scope] >= quota.limit), None)


