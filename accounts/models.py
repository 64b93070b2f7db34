"""The site's accounts' own tables: the e-mails people asked for (what the quotas count), the inactivity warnings,
and the memberships of people in organisations."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.limits import EmailKind
from interconnectes.models import LOCAL_GOVERNMENT_KINDS, OrganisationKind
from interconnectes.validators import validate_siren


class EmailRequest(models.Model):
    """One request for an e-mail (a sign-up, a password reset, an invitation, a receipt), kept a day.

    Recorded whether or not an e-mail went out (an unknown address asking for
    a password reset counts as a known one does: a refusal tells nothing).
    Addresses are kept as keyed digests (accounts/email_quota.py), never in
    clear: the table counts, it does not say who was written to.
    """

    kind = models.CharField(_("type"), max_length=16, choices=EmailKind.choices)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    recipient = models.CharField(max_length=64, blank=True)
    client_ip = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(_("le"))

    class Meta:
        verbose_name = _("demande d'e-mail")
        # The names the indexes had in the labels app, where the table was created: moving it renamed nothing.
        indexes = [models.Index(fields=["kind", "at"], name="labels_emai_kind_184fd6_idx"),
                   models.Index(fields=["at"], name="labels_emai_at_710014_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class InactivityWarning(models.Model):
    """The owner of an account with no login for two years was e-mailed that it will be deleted 30 days later.

    Kept so that the daily purge warns once and deletes only after the
    notice; a login after `warned_at` cancels it. It goes with the account.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE,
                                related_name="inactivity_warning")
    warned_at = models.DateTimeField(_("prévenu le"))

    class Meta:
        verbose_name = _("avertissement d'inactivité")
        verbose_name_plural = _("avertissements d'inactivité")

    def __str__(self):
        return f"{self.user_id}: {self.warned_at:%Y-%m-%d}"


class MembershipRole(models.TextChoices):
    REFERENT = "referent", _("Référent·e")
    AGENT = "agent", _("Agent")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    VERIFIED = "verified", _("Vérifiée")
    REVOKED = "revoked", _("Révoquée")


class VerificationMethod(models.TextChoices):
    EMAIL_DOMAIN = "domain", _("Adresse e-mail sur un domaine de l'organisation")
    INVITATION = "invitation", _("Invitation d'un·e référent·e")
    STAFF = "staff", _("Demande approuvée par l'équipe")
    MEMBERSHIP_APPLICATION = "adhesion", _("Demande d'adhésion acceptée")


class Membership(models.Model):
    """A person's link to an organisation: their role in it, whether it is verified, by whom, when and how.

    One row per person and organisation; leaving or being revoked sets the
    status, and every check of access reads only verified rows, so the
    change counts at once.
    """

    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                               related_name="memberships")
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.AGENT)
    status = models.CharField(_("statut"), max_length=16, choices=MembershipStatus.choices,
                              default=MembershipStatus.PENDING)
    method = models.CharField(_("méthode de vérification"), max_length=16, choices=VerificationMethod.choices,
                              blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vérifiée par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    verified_at = models.DateTimeField(_("vérifiée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("rattachement à une organisation")
        verbose_name_plural = _("rattachements à des organisations")
        constraints = [models.UniqueConstraint(fields=["person", "organisation"], name="one_membership_per_person")]

    def __str__(self):
        return f"{self.person_id} — {self.organisation_id} ({self.role}, {self.status})"


class MembershipInvitation(models.Model):
    """A référent's invitation of an agent: a single-use link, valid 14 days, e-mailed to `email`.

    Only the link's digest is kept (accounts/tokens.py), set by the task that
    sends the e-mail. The account that accepts it must be the one of the
    invited address, confirmed: a link forwarded to someone else opens nothing.
    """

    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse invitée"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("invité par"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("envoyée le"))
    expires_at = models.DateTimeField(_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("acceptée par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("invitation d'agent")
        verbose_name_plural = _("invitations d'agents")

    def __str__(self):
        return f"{self.email} → {self.organisation_id}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("À examiner")
    APPROVED = "approved", _("Acceptée")
    REFUSED = "refused", _("Refusée")


class ReviewedRequest(models.Model):
    """What the team's review of a request records, whatever is asked: pending, then accepted or refused (with the
    reason sent to the person), by whom and when."""

    status = models.CharField(_("statut"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    refusal_reason = models.TextField(_("motif du refus"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("demandée le"))
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("décidée par"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True
        ordering = ["created_at"]


class VerificationRequest(ReviewedRequest):
    """A person asks the association's team to recognise them as an agent of an organisation, existing or not
    yet on the site (`organisation_name`: staff then create it while approving)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                               related_name="verification_requests")
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="verification_requests")
    organisation_name = models.CharField(_("organisation (si absente de la liste)"), max_length=255, blank=True)
    job_title = models.CharField(_("fonction"), max_length=255)
    message = models.TextField(_("précisions"), max_length=2000, blank=True)

    class Meta(ReviewedRequest.Meta):
        verbose_name = _("demande de vérification")
        verbose_name_plural = _("demandes de vérification")

    def __str__(self):
        return f"{self.person_id} → {self.organisation or self.organisation_name}"


class GrantDecision(models.TextChoices):
    PENDING = "pending", _("À examiner")
    APPROVED = "approved", _("Accordé")
    REFUSED = "refused", _("Refusé")


class Grant(models.Model):
    """Named access for one person to one object of any app (an AI project's code, a replay…), for a purpose.

    The highest tier of accounts/tiers.py: it counts only once approved, with
    its terms accepted, before it expires and unless it was revoked.
    """

    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                               related_name="grants")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    purpose = models.TextField(_("objet de la demande"), max_length=2000)
    terms_accepted_at = models.DateTimeField(_("conditions acceptées le"), null=True, blank=True)
    decision = models.CharField(_("décision"), max_length=16, choices=GrantDecision.choices,
                                default=GrantDecision.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("décidé par"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expire le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    created_at = models.DateTimeField(_("demandé le"))

    class Meta:
        verbose_name = _("accès nominatif")
        verbose_name_plural = _("accès nominatifs")
        indexes = [models.Index(fields=["content_type", "object_id", "person"], name="grant_target_person")]

    def __str__(self):
        return f"{self.person_id} → {self.content_type_id}:{self.object_id}"


class MembershipApplication(ReviewedRequest):
    """"Adhérer": a collectivité asks to become a member of the association, through one of its people, who
    becomes its référent·e once the team accepts (the organisation is then a member for `year`)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("demandeur"), on_delete=models.CASCADE,
                               related_name="membership_applications")
    organisation_name = models.CharField(_("nom de la collectivité"), max_length=255)
    siren = models.CharField(_("SIREN"), max_length=9, validators=[validate_siren],
                             help_text=_("9 chiffres, sur l'avis de situation INSEE de la collectivité."))
    kind = models.CharField(_("type"), max_length=32, choices=[
        (kind.value, kind.label) for kind in OrganisationKind if kind in LOCAL_GOVERNMENT_KINDS])
    population = models.PositiveIntegerField(_("population"))
    contact_role = models.CharField(_("votre fonction"), max_length=255)
    contact_phone = models.CharField(_("téléphone professionnel"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    year = models.PositiveSmallIntegerField(_("année d'adhésion"))
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="membership_applications")

    class Meta(ReviewedRequest.Meta):
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")

    def __str__(self):
        return f"{self.organisation_name} ({self.year})"
