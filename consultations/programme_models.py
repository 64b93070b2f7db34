"""The programme page of the concertations territoriales de l'IA, its method kit, and the programme's lessons.

The page shows the presentation, the charter in force, the method kit,
the engaged territories, the consultations, the synthesis of lessons, key
figures and a contact; its sub-URLs (RoutablePageMixin) hold each charter
version, the public register of signatories and the synthesis of lessons.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, IntegerField, Prefetch, Sum, Value, When
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable

from consultations import figures, synthesis
from consultations.charter_models import CharterArticle, CharterStatus, CharterVersion
from consultations.commitment_models import Commitment, CommitmentStatus
from consultations.map_points import territory_points
from consultations.record_models import Consultation, Finding
from interconnectes.blocks import BodyBlock
from interconnectes.models.base import BasePage


@dataclass
class RegionGroup:
    """The engaged territories of one region, for the programme page's compact list."""

    region: str
    names: list


@dataclass
class ProgrammeDetails:
    """What the programme page shows besides its own fields, read together on a cold cache."""

    charter: CharterVersion | None
    earlier_versions: list
    resources: list
    regions: list
    territory_count: int
    map_points: list
    key_figures: list
    lessons: list


def with_articles(versions):
    return versions.prefetch_related(Prefetch("articles", queryset=CharterArticle.objects.order_by("number")))


def lesson_refs(lessons) -> list:
    return [synthesis.LessonRef(lesson.number, lesson.title, lesson.text) for lesson in lessons]


class ConsultationProgrammePage(RoutablePageMixin, BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)
    contact_name = models.CharField(_("nom du contact"), max_length=160, blank=True)
    contact_role = models.CharField(_("fonction du contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("adresse e-mail de contact"), blank=True,
                                      help_text=_("Une adresse de fonction, pas une adresse personnelle."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        InlinePanel("method_resources", label=_("Ressource du kit méthodologique")),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
                        heading=_("Contact")),
    ]
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types: list = []
    max_count = 1
    REGISTER_PER_PAGE = 30

    class Meta:
        verbose_name = _("programme des concertations territoriales de l'IA")

    def engaged(self):
        """The verified commitments, with their organisation: each makes a "territoire engagé"."""
        return (Commitment.objects.engaged().select_related("organisation", "organisation__territory_location")
                .order_by("organisation__name"))

    @staticmethod
    def by_region(commitments) -> list[RegionGroup]:
        groups: dict[str, list] = {}
        for commitment in commitments:
            organisation = commitment.organisation
            label = str(organisation.get_region_display()) if organisation.region else str(_("Autres territoires"))
            groups.setdefault(label, []).append(organisation.name)
        return [RegionGroup(region, sorted(names, key=str.casefold))
                for region, names in sorted(groups.items(), key=lambda item: item[0].casefold())]

    def details(self) -> ProgrammeDetails:
        versions = list(with_articles(CharterVersion.objects.public()).order_by("-number"))
        charter = next((version for version in versions if version.status == CharterStatus.IN_FORCE), None)
        engaged = list(self.engaged())
        lessons = lesson_refs(Lesson.objects.all())
        per_territory = self.records_per_territory()
        return ProgrammeDetails(
            charter=charter, earlier_versions=[version for version in versions if version is not charter],
            resources=list(self.method_resources.select_related("document")),
            regions=self.by_region(engaged), territory_count=len(engaged),
            map_points=territory_points(engaged, {row["organisation_id"]: row["consultations"]
                                                  for row in per_territory}),
            key_figures=figures.key_figures(
                territories=len(engaged), consultations=sum(row["consultations"] for row in per_territory),
                participants=sum(row["participants"] or 0 for row in per_territory)),
            lessons=lessons,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = SimpleLazyObject(self.details)
        return context

    @path("charte/", name="charter_versions")
    def charter_versions(self, request):
        """Every adopted version of the charter, the one in force first: earlier versions stay readable."""
        versions = list(CharterVersion.objects.public().order_by("-number"))
        return self.render(request, template="consultations/charter_versions.html", context_overrides={
            "versions": versions, "crumb": str(_("La charte et ses versions"))})

    @path("charte/<int:number>/", name="charter_version")
    def charter_version(self, request, number):
        """One version of the charter, as adopted, with its numbered articles."""
        version = with_articles(CharterVersion.objects.public()).filter(number=number).first()
        if version is None:
            raise Http404
        return self.render(request, template="consultations/charter_version.html", context_overrides={
            "version": version, "crumb": str(_("Charte, version %(number)s") % {"number": number})})

    def register(self, request):
        """Current signatories first, then past ones (withdrawn after verification), a page at a time."""
        rows = (Commitment.objects.in_register()
                .select_related("organisation", "charter_version")
                .annotate(current=Case(When(status=CommitmentStatus.VERIFIED, then=Value(0)), default=Value(1),
                                       output_field=IntegerField()))
                .order_by("current", "organisation__name", "-signed_on", "pk"))
        return Paginator(rows, self.REGISTER_PER_PAGE).get_page(request.GET.get("page"))

    @path("signataires/", name="register")
    def register_view(self, request):
        """The public register of the charter's signatories, current and past."""
        return self.render(request, template="consultations/register.html", context_overrides={
            "signatories": self.register(request), "crumb": str(_("Registre des signataires"))})

    def lessons_synthesis(self) -> list:
        """Per lesson, how many territories found it and their evidence (consultations.synthesis)."""
        return synthesis.synthesise(lesson_refs(Lesson.objects.all()), self.evidence_rows())

    def evidence_rows(self) -> list:
        """The findings of published consultations, as the synthesis reads them (one query)."""
        findings = (Finding.objects.filter(consultation__first_published_at__isnull=False)
                    .select_related("lesson", "consultation__organisation"))
        return [synthesis.EvidenceRow(
            lesson_number=finding.lesson.number, organisation_id=finding.consultation.organisation_id,
            organisation_name=finding.consultation.organisation.name, evidence=finding.evidence, kind=finding.kind,
            consultation_title=finding.consultation.title, consultation_url=finding.consultation.get_absolute_url())
            for finding in findings]

    @staticmethod
    def records_per_territory() -> list[dict]:
        """Per organisation, its published consultations and their participants (the counts given), in one query:
        the map sizes each territory's disc by the first, the key figures add both up."""
        return list(Consultation.objects.published().order_by().values("organisation_id")
                    .annotate(consultations=Count("pk"), participants=Sum("participants")))

    @path("enseignements/", name="synthesis")
    def synthesis_view(self, request):
        return self.render(request, template="consultations/synthesis.html", context_overrides={
            "lessons": SimpleLazyObject(self.lessons_synthesis), "crumb": str(_("Synthèse des enseignements"))})


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide méthodologique")
    SHEET = "fiche", _("Fiche pratique")
    FACILITATION = "animation", _("Support d'animation")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire type")
    VIDEO = "video", _("Vidéo")
    OTHER = "autre", _("Autre ressource")


class MethodResource(Orderable):
    """One resource of the method kit: a link to another site or a document of the site's library."""

    page = ParentalKey(ConsultationProgrammePage, on_delete=models.CASCADE, related_name="method_resources")
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=16, choices=ResourceKind.choices, default=ResourceKind.GUIDE)
    link = models.URLField(_("lien"), blank=True)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    description = models.TextField(_("description"), max_length=600, blank=True)

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("link"), FieldPanel("document"),
              FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource du kit méthodologique")
        verbose_name_plural = _("ressources du kit méthodologique")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.link) == bool(self.document_id):
            raise ValidationError({"link": _("Indiquez soit un lien, soit un document (l'un des deux).")})


class Lesson(models.Model):
    """One of the programme's eight lessons, which consultations' findings are tagged to."""

    number = models.PositiveSmallIntegerField(_("numéro"), unique=True)
    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte"), blank=True)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("text")]

    class Meta:
        verbose_name = _("enseignement du programme")
        verbose_name_plural = _("enseignements du programme")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return f"enseignement-{self.number}"


