"""The programme's charter: numbered versions of numbered articles, each version kept as it was adopted.

A version is prepared ("en préparation"), then adopted ("en vigueur"): from
then on its text is frozen, and a change is a new version. Adopting a new
version marks the previous one "remplacée"; a version can also be
"retirée" (withdrawn): nobody may sign it any more, and what was signed
under it stays readable. Signatories sign a given version (`Commitment`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class CharterStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    IN_FORCE = "in_force", _("En vigueur")
    REPLACED = "replaced", _("Remplacée")
    WITHDRAWN = "withdrawn", _("Retirée")


class CharterVersionQuerySet(models.QuerySet):
    def public(self):
        """The versions readers may read: every adopted one, in force, replaced or withdrawn."""
        return self.exclude(status=CharterStatus.DRAFT)

    def in_force(self):
        return self.filter(status=CharterStatus.IN_FORCE)


class CharterVersion(ClusterableModel):
    number = models.PositiveSmallIntegerField(_("numéro de version"), unique=True)
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True,
                                  help_text=_("Obligatoire dès que la version est en vigueur."))
    preamble = models.TextField(_("préambule"), blank=True)
    status = models.CharField(_("statut"), max_length=16, choices=CharterStatus.choices, default=CharterStatus.DRAFT)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("charte à signer (PDF)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = CharterVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version de la charte")
        verbose_name_plural = _("versions de la charte")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(status="in_force"), name="consultations_one_charter_in_force",
                violation_error_message=_("Une autre version est en vigueur : marquez-la d'abord « remplacée ».")),
        ]

    def __str__(self):
        return _("Charte, version %(number)s") % {"number": self.number}

    def clean(self):
        super().clean()
        if self.status != CharterStatus.DRAFT and self.adopted_on is None:
            raise ValidationError({"adopted_on": _("Indiquez la date d'adoption de cette version.")})

    @property
    def is_signable(self) -> bool:
        return self.status == CharterStatus.IN_FORCE


class CharterArticle(Orderable):
    version = ParentalKey(CharterVersion, on_delete=models.CASCADE, related_name="articles")
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"))

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("article de la charte")
        verbose_name_plural = _("articles de la charte")
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="consultations_one_article_number",
                                    violation_error_message=_("Deux articles de cette version portent ce numéro.")),
        ]

    def __str__(self):
        return _("Article %(number)s : %(title)s") % {"number": self.number, "title": self.title}

    @property
    def anchor(self) -> str:
        return f"article-{self.number}"
