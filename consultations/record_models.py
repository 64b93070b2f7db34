"""A territory's consultation record, as published: what was asked, of whom, how, what came out of it, how it
measures against the charter it signed, and which of the programme's lessons it found.

The `Consultation` row is the live, published copy every page, list, feed
and export reads; its agents edit a draft of it in the shared review module
(`reviews`), and each publication copies the draft here and numbers a
version (consultations/record_submissions.py). A row exists only once
published: drafts never reach a public query.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from consultations import record_rules
from consultations.record_choices import Answer, FindingKind, Format, Method, Participation, Phase, Public, Recruitment
from interconnectes import clock


@deconstructible
class ChoiceListValidator:
    """A list field holds values of `allowed` only."""

    def __init__(self, allowed):
        self.allowed = tuple(allowed)

    def __call__(self, value):
        if not isinstance(value, list) or any(item not in self.allowed for item in value):
            raise ValidationError(_("Choisissez parmi les valeurs proposées."))

    def __eq__(self, other):
        return isinstance(other, ChoiceListValidator) and self.allowed == other.allowed


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(first_published_at__isnull=False)

    def with_method(self, method: str):
        """Lists are JSON arrays; matching the quoted value reads the same on SQLite and PostgreSQL."""
        return self.filter(methods__icontains=f'"{method}"')

    def with_public(self, public: str):
        return self.filter(publics__icontains=f'"{public}"')


class Consultation(models.Model):
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("territoire"),
                                     on_delete=models.PROTECT, related_name="consultations")
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    title = models.CharField(_("titre"), max_length=200)
    questions = models.TextField(_("questions posées"), max_length=4000, blank=True)
    objective = models.TextField(_("objectif"), max_length=4000)
    publics = models.JSONField(_("publics"), default=list, blank=True,
                               validators=[ChoiceListValidator(Public.values)])
    recruitment = models.CharField(_("recrutement des participants"), max_length=16, choices=Recruitment.choices,
                                   blank=True)
    methods = models.JSONField(_("méthodes"), default=list, blank=True, validators=[ChoiceListValidator(Method.values)])
    participation_level = models.CharField(_("niveau de participation"), max_length=16,
                                           choices=Participation.choices, blank=True)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, blank=True)
    starts_on = models.DateField(_("date de début"), null=True, blank=True)
    ends_on = models.DateField(_("date de fin"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.ANNOUNCED)
    participants = models.IntegerField(_("nombre de participants"), null=True, blank=True,
                                       validators=[MinValueValidator(0, _("Le nombre de participants ne peut pas "
                                                                          "être négatif."))])
    facilitators = models.TextField(_("animateurs"), max_length=2000, blank=True,
                                    help_text=_("Structures ou fonctions, sans nom de participant."))
    partners = models.TextField(_("partenaires"), max_length=2000, blank=True)
    resources_used = models.TextField(_("ressources utilisées"), max_length=4000, blank=True)
    synthesis = models.TextField(_("synthèse des résultats"), max_length=20000, blank=True)
    documents_url = models.URLField(_("documents de résultats (lien)"), blank=True)
    licence = models.CharField(_("licence des résultats"), max_length=16, blank=True,
                               choices=list(record_rules.RESULT_LICENCES.items()))
    charter_version = models.ForeignKey("consultations.CharterVersion", verbose_name=_("charte de référence"),
                                        null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    implementations = models.ManyToManyField("library.Implementation", verbose_name=_("projets d'IA discutés"),
                                             blank=True, related_name="consultations")
    is_illustrative = models.BooleanField(_("exemple illustratif"), default=False)
    first_published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    last_published_at = models.DateTimeField(_("mise à jour le"), null=True, blank=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("concertation")
        verbose_name_plural = _("concertations")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["phase", "starts_on"], name="consultation_phase_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultation_records:consultation", args=[self.slug])

    @property
    def public_labels(self) -> list[str]:
        return [str(Public(value).label) for value in self.publics if value in Public.values]

    @property
    def method_labels(self) -> list[str]:
        return [str(Method(value).label) for value in self.methods if value in Method.values]

    def clean(self):
        super().clean()
        errors = record_rules.record_errors(
            starts_on=self.starts_on, ends_on=self.ends_on, phase=self.phase, participants=self.participants,
            synthesis=self.synthesis, documents_url=self.documents_url, licence=self.licence,
            today=timezone.localdate(clock.now()))
        if errors:
            raise ValidationError(errors)


class ArticleAssessment(models.Model):
    """The territory's own answer to one article of the charter version it signed: oui / en partie / non."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="assessments")
    article = models.ForeignKey("consultations.CharterArticle", verbose_name=_("article"), on_delete=models.PROTECT,
                                related_name="+")
    answer = models.CharField(_("réponse"), max_length=16, choices=Answer.choices)
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("auto-évaluation d'un article")
        verbose_name_plural = _("auto-évaluation de la charte")
        ordering = ["article__number"]
        constraints = [models.UniqueConstraint(fields=["consultation", "article"],
                                               name="one_assessment_per_article")]

    def __str__(self):
        return f"{self.article_id}: {self.answer}"


class Finding(models.Model):
    """What a consultation found about one of the programme's lessons, with local evidence (a quote, a figure)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="findings")
    lesson = models.ForeignKey("consultations.Lesson", verbose_name=_("enseignement"), on_delete=models.PROTECT,
                               related_name="findings")
    kind = models.CharField(_("type de preuve"), max_length=16, choices=FindingKind.choices)
    evidence = models.TextField(_("preuve locale"), max_length=2000)

    class Meta:
        verbose_name = _("constat")
        verbose_name_plural = _("constats")
        ordering = ["lesson__number", "pk"]

    def __str__(self):
        return f"{self.lesson_id}: {self.evidence[:40]}"
