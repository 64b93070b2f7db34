"""Applications to a label campaign (a model, not a page), their versions, events and files."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from interconnectes.models.snippets import OrganisationKind
from interconnectes.regions import Region
from interconnectes.validators import validate_siren, validate_siret
from labels import permissions, phases
from labels.storage import private_storage


class ApplicationStatus(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    SUBMITTED = "deposee", _("Déposée")
    WITHDRAWN = "retiree", _("Retirée")
    # Set by staff (irrecevable) and by the jury's publication of results (the others).
    INELIGIBLE = "irrecevable", _("Irrecevable")
    UNDER_REVIEW = "en-evaluation", _("En évaluation")
    LAUREATE = "laureat", _("Lauréat")
    MENTION = "mention", _("Mention")
    NOT_SELECTED = "non-retenue", _("Non retenue")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything `user` may see: their own and co-edited applications; all of them for campaign staff."""
        if permissions.is_campaign_staff(user):
            return self.all()
        return self.of_applicant(user)

    def of_applicant(self, user):
        """Applications `user` works on as owner or co-editor (staff rights not included).

        A co-editor is the account that accepted an invitation (`CoEditor.user`), never an account whose
        e-mail address happens to equal an invited one.
        """
        if not permissions.is_active(user):
            return self.none()
        return self.filter(Q(owner=user) | Q(pk__in=CoEditor.objects.filter(user=user).values("application_id")))

    def same_organisation(self, application, siren: str):
        """The campaign's other applications of the organisation with this SIREN, drafts included, withdrawn
        ones aside: an organisation has one application per campaign, which its people write together."""
        return (self.filter(campaign_id=application.campaign_id, siren=siren)
                .exclude(pk=application.pk).exclude(status=ApplicationStatus.WITHDRAWN))


class Application(models.Model):
    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne"),
                                 on_delete=models.PROTECT, related_name="applications")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("compte titulaire"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="label_applications")
    status = models.CharField(_("statut"), max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT)
    reference = models.CharField(_("référence"), max_length=20, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    first_submitted_at = models.DateTimeField(_("premier dépôt"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("dernier dépôt"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    has_unsubmitted_changes = models.BooleanField(_("modifications non déposées"), default=False)
    reopened_until = models.DateTimeField(_("rouverte jusqu'au"), null=True, blank=True)
    reopen_reason = models.TextField(_("motif de réouverture"), blank=True)
    ineligibility_reason = models.TextField(_("motif d'irrecevabilité"), blank=True)
    anonymised = models.BooleanField(_("anonymisée"), default=False)
    published_citation = models.TextField(
        _("citation publiée"), max_length=1200, blank=True,
        help_text=_("La citation du jury telle que publiée avec les résultats (lauréats et mentions)."),
    )
    # What the public pages show of a laureate or a mention: copied from the submitted version when the results
    # are published, so that a later edit the applicant never submitted stays private.
    published_org_name = models.CharField(_("organisation publiée"), max_length=255, blank=True)
    published_title = models.CharField(_("titre publié"), max_length=255, blank=True)
    published_summary = models.TextField(_("résumé publié"), blank=True)
    published_level = models.CharField(_("niveau publié"), max_length=60, blank=True,
                                       help_text=_("Le niveau du lauréat (Or, Argent, Bronze…) tel que publié."))

    # Organisation
    org_name = models.CharField(_("nom de l'organisation"), max_length=255, blank=True)
    org_kind = models.CharField(_("type d'organisation"), max_length=32, choices=OrganisationKind.choices, blank=True)
    org_region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren],
                             help_text=_("9 chiffres."))
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret],
                             help_text=_("14 chiffres, facultatif."))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True,
                                             validators=[MaxValueValidator(70_000_000)],
                                             help_text=_("Pour une collectivité : nombre d'habitants."))
    org_created_on = models.DateField(_("date de création"), null=True, blank=True,
                                      help_text=_("Pour une start-up : date d'immatriculation."))
    contact_name = models.CharField(_("nom de la personne à contacter"), max_length=150, blank=True)
    contact_role = models.CharField(_("fonction"), max_length=150, blank=True)
    contact_email = models.EmailField(_("adresse e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone"), max_length=30, blank=True)

    # Project
    category = models.ForeignKey("labels.CampaignCategory", verbose_name=_("catégorie"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="applications")
    title = models.CharField(_("titre du projet"), max_length=200, blank=True)
    summary = models.TextField(_("résumé"), max_length=1000, blank=True)
    problem = models.TextField(_("le problème"), max_length=4000, blank=True)
    solution = models.TextField(_("la solution"), max_length=4000, blank=True)
    partners = models.TextField(_("partenaires"), max_length=2000, blank=True)

    # Impact
    impact = models.TextField(_("impact et résultats chiffrés"), max_length=4000, blank=True)
    budget = models.PositiveIntegerField(_("budget (en euros)"), null=True, blank=True,
                                         validators=[MinValueValidator(0), MaxValueValidator(2_000_000_000)])
    funding = models.TextField(_("financements"), max_length=2000, blank=True)
    sobriety = models.TextField(_("sobriété"), max_length=2000, blank=True)
    inclusion = models.TextField(_("inclusion"), max_length=2000, blank=True)
    ethics = models.TextField(_("éthique"), max_length=2000, blank=True)
    data_protection = models.TextField(_("protection des données"), max_length=2000, blank=True)

    # Consents (summary step)
    consent_rules = models.BooleanField(_("j'accepte le règlement du label"), default=False)
    consent_data = models.BooleanField(_("j'accepte le traitement de ces données pour l'instruction"), default=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        permissions = [("review_application", _("Peut instruire les candidatures"))]
        indexes = [models.Index(fields=["campaign", "siren"])]

    def __str__(self):
        return self.reference or self.title or _("Candidature n° %(pk)s") % {"pk": self.pk}

    @property
    def is_submitted(self):
        return self.status == ApplicationStatus.SUBMITTED

    def deadline(self):
        """The moment after which the applicant can no longer change anything (a reopening extends it)."""
        closes_at = self.campaign.closes_at
        if self.reopened_until and (closes_at is None or self.reopened_until > closes_at):
            return self.reopened_until
        return closes_at

    def is_editable(self, now):
        deadline = self.deadline()
        return (
            self.status in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)
            and deadline is not None
            and self.campaign.opens_at is not None
            and now >= self.campaign.opens_at
            and phases.is_before_deadline(deadline, now)
        )

    def can_be_withdrawn(self, now):
        return self.status == ApplicationStatus.SUBMITTED and self.is_editable(now)


class ReferenceCounter(models.Model):
    """One row per series of references (a label's prefix and a year), locked while a reference is given.

    References are unique site-wide and read "TI-2026-0042": every campaign of
    one label and year draws from the same series, so a second campaign of an
    edition goes on from where the first one is, and two submissions never
    share a number.
    """

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="labels_reference_series_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class CoEditor(models.Model):
    """A colleague invited to help write an application, and, once they accept, the account they accepted with.

    The invitation is a single-use link e-mailed to `email` (only its digest,
    `token_hash`, is stored); opening it while logged in and confirming binds
    that account (`user`), once. The invited address grants nothing by itself:
    account addresses can change, an accepted invitation cannot. Invitations
    older than their link (`token_hash` empty) wait for the owner to send a
    new one.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="coeditors")
    email = models.EmailField(_("adresse e-mail invitée"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("invitation valable jusqu'au"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("compte"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-rédacteur")
        constraints = [
            models.UniqueConstraint("application", models.functions.Lower("email"),
                                    name="labels_coeditor_unique_email"),
            models.UniqueConstraint(fields=["application", "user"], name="labels_coeditor_unique_account"),
        ]

    def __str__(self):
        return self.email

    @property
    def is_accepted(self):
        return self.user_id is not None

    def link_is_valid(self, now):
        """The e-mailed link can still be accepted: not used, and within its validity."""
        return not self.is_accepted and self.expires_at is not None and now <= self.expires_at


class ApplicationVersion(models.Model):
    """What was submitted, each time it was: a JSON snapshot, who, when and which fields changed."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("déposée le"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    snapshot = models.JSONField(_("contenu"), default=dict)
    changed_fields = models.JSONField(_("champs modifiés"), default=list)

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("version déposée")
        constraints = [models.UniqueConstraint(fields=["application", "number"], name="labels_version_unique_number")]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}


class EventKind(models.TextChoices):
    CREATED = "created", _("Brouillon créé")
    SUBMITTED = "submitted", _("Déposée")
    RESUBMITTED = "resubmitted", _("Déposée à nouveau")
    WITHDRAWN = "withdrawn", _("Retirée")
    REOPENED = "reopened", _("Rouverte pour complément d'information")
    INELIGIBLE = "ineligible", _("Déclarée irrecevable")
    ANONYMISED = "anonymised", _("Anonymisée")
    COEDITOR_INVITED = "coeditor", _("Co-rédacteur invité")
    COEDITOR_JOINED = "coeditor-joined", _("Invitation de co-rédaction acceptée")


class ApplicationEvent(models.Model):
    """The audit log of an application: who did what, when, and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("événement"), max_length=16, choices=EventKind.choices)
    at = models.DateTimeField(_("le"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                              on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("motif"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("événement de candidature")

    def __str__(self):
        return str(self.get_kind_display())


def attachment_path(instance, filename):
    """A generated name: the applicant's file name never reaches the file system."""
    return f"labels/{instance.application_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fichier"), storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("nom du fichier"), max_length=120)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_at = models.DateTimeField(_("ajoutée le"), auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.original_name
