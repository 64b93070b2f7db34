"""An organisation's commitment to a version of the charter, and where an engaged territory lies on the map.

A référent of the organisation submits the commitment (signatory, role,
date, the signed PDF, scope); the association's team checks the signatory's
authority and verifies or refuses it. Only verified commitments make an
organisation a "territoire engagé". A commitment is withdrawn with a date
and a reason, and stays in the public register among past signatories.
An organisation has at most one verified and at most one pending
commitment at a time (a pending commitment to a new version may wait
beside the verified one to the previous version).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from consultations import signed_documents
from interconnectes.privatefiles.storage import private_storage


class CommitmentStatus(models.TextChoices):
    PENDING = "pending", _("En attente de vérification")
    VERIFIED = "verified", _("Vérifié")
    REFUSED = "refused", _("Refusé")
    WITHDRAWN = "withdrawn", _("Retiré")


class CommitmentQuerySet(models.QuerySet):
    def engaged(self):
        """The current commitments: each makes its organisation a "territoire engagé"."""
        return self.filter(status=CommitmentStatus.VERIFIED)

    def in_register(self):
        """What the public register shows: current signatories, and past ones (verified, then withdrawn)."""
        return self.filter(models.Q(status=CommitmentStatus.VERIFIED)
                           | models.Q(status=CommitmentStatus.WITHDRAWN, decided_at__isnull=False))


class Commitment(models.Model):
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="charter_commitments")
    charter_version = models.ForeignKey("consultations.CharterVersion", verbose_name=_("version de la charte"),
                                        on_delete=models.PROTECT, related_name="commitments")
    signatory_name = models.CharField(_("nom du ou de la signataire"), max_length=160)
    signatory_role = models.CharField(_("fonction publique du ou de la signataire"), max_length=200,
                                      help_text=_("Par exemple : vice-présidente déléguée au numérique."))
    signed_on = models.DateField(_("signée le"))
    signed_document = models.FileField(
        _("charte signée (PDF)"), storage=private_storage, upload_to=signed_documents.storage_path, max_length=200,
        validators=[signed_documents.validate_signed_document], help_text=signed_documents.HELP_TEXT)
    scope = models.TextField(_("périmètre de l'engagement"), max_length=2000,
                             help_text=_("Les services, publics ou projets que l'engagement couvre."))
    status = models.CharField(_("statut"), max_length=16, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.PENDING)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("déposé par"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("déposé le"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vérifié ou refusé par"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("vérifié ou refusé le"), null=True, blank=True)
    refusal_reason = models.TextField(_("motif du refus"), blank=True)
    withdrawn_on = models.DateField(_("retiré le"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("motif du retrait"), blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("retiré par"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement dans la charte")
        verbose_name_plural = _("engagements dans la charte")
        ordering = ["-signed_on", "-pk"]
        permissions = [("verify_commitment", _("Peut vérifier ou refuser les engagements dans la charte"))]
        constraints = [
            models.UniqueConstraint(fields=["organisation"], condition=models.Q(status="verified"),
                                    name="consultations_one_verified_commitment"),
            models.UniqueConstraint(fields=["organisation"], condition=models.Q(status="pending"),
                                    name="consultations_one_pending_commitment"),
        ]

    def __str__(self):
        return f"{self.organisation_id} · v{self.charter_version_id} ({self.status})"


class TerritoryLocation(models.Model):
    """The point where an organisation is drawn on the programme's map (its seat, in WGS 84 degrees)."""

    organisation = models.OneToOneField("interconnectes.Organisation", verbose_name=_("organisation"),
                                        primary_key=True, on_delete=models.CASCADE, related_name="territory_location")
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5,
                                   validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5,
                                    validators=[MinValueValidator(-180), MaxValueValidator(180)])

    class Meta:
        verbose_name = _("position d'un territoire")
        verbose_name_plural = _("positions des territoires")

    def __str__(self):
        return f"{self.organisation_id} ({self.latitude}, {self.longitude})"
