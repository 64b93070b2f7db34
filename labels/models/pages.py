"""Label pages: the index ("Les labels") and one page per campaign (label × edition)."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from interconnectes import clock
from interconnectes.content_version import VERSIONED_SECONDS, content_version, time_slot
from interconnectes.models.base import BasePage
from labels import eligibility, phases, public_results

from .results import ResultsPublication


class Label(models.TextChoices):
    TERRITOIRE_INNOVANT = eligibility.TERRITOIRE_INNOVANT, _("Territoire innovant")
    STARTUP_INTERCONNECTEE = eligibility.STARTUP_INTERCONNECTEE, _("Start-up interconnectée")


REFERENCE_PREFIXES = {Label.TERRITOIRE_INNOVANT: "TI", Label.STARTUP_INTERCONNECTEE: "SI"}


# The labels index and the campaign pages follow the calendar: a campaign opens or closes at most this late.
PHASE_REFRESH_MINUTES = 5


class LabelIndexPage(RoutablePageMixin, BasePage):
    """The labels section: current campaigns, past editions, and the laureates archive (`laureats/`)."""

    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["labels.LabelCampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des labels")

    def public_campaigns(self):
        """Live campaigns a reader may see, in one query.

        Same answer as `.public()` without its query over every restriction of
        the site: campaigns have no subpages, so a campaign is private when it
        carries a restriction itself or when the index or an ancestor does, and
        the latter are the restrictions already checked before serving the index.
        """
        if self.get_view_restrictions():
            return []
        return list(
            LabelCampaignPage.objects.child_of(self).live().select_related("results_publication")
            .exclude(view_restrictions__isnull=False).order_by("-year", "label")
        )

    def published_campaigns(self, now):
        """Live, public campaigns whose results are out at `now`, newest edition first (one query)."""
        if self.get_view_restrictions():
            return []
        return list(
            LabelCampaignPage.objects.child_of(self).live().filter(results_publication__published_at__lte=now)
            .exclude(view_restrictions__isnull=False).order_by("-year", "label", "pk")
        )

    def laureates_url(self, request=None):
        return (self.get_url(request) or "") + self.reverse_subpage("laureates")

    def get_sitemap_urls(self, request=None):
        """The archive is listed once some results are out, dated by the latest publication."""
        urls = super().get_sitemap_urls(request)
        latest = (
            LabelCampaignPage.objects.child_of(self).live()
            .filter(results_publication__published_at__lte=clock.now())
            .exclude(view_restrictions__isnull=False)
            .aggregate(latest=Max("results_publication__published_at"))["latest"]
        )
        if latest is not None:
            urls.append({"location": self.get_full_url(request) + self.reverse_subpage("laureates"),
                         "lastmod": latest})
        return urls

    @path("laureats/", name="laureates")
    def laureates_archive(self, request):
        """Every laureate and special mention of the published editions, filtered by GET parameters."""
        from urllib.parse import urlencode

        from django.core.paginator import Paginator

        from labels import archive
        from labels.models.applications import Application

        campaigns = self.published_campaigns(clock.now())
        applications = public_results.laureates_and_mentions(
            Application.objects.filter(campaign_id__in=[c.pk for c in campaigns]))
        years, labels, categories = archive.filter_choices(
            campaigns, set(applications.order_by().values_list("campaign_id", flat=True).distinct()),
            applications.filter(category__isnull=False).order_by().values_list("category__name", flat=True)
            .distinct())
        form, filters = archive.filter_form(request.GET, years=years, labels=labels, categories=categories)
        page = Paginator(archive.apply_filters(applications, campaigns, filters), archive.PER_PAGE).get_page(
            request.GET.get("page"))
        page.object_list = archive.laureates_of(campaigns, page.object_list)
        context = {
            "page": self, "self": self, "request": request, "filter_form": form, "filters": filters,
            "laureates": page, "total": page.paginator.count, "query_string": urlencode(filters),
        }
        return TemplateResponse(request, "labels/laureates_archive.html", context)

    def campaigns_by_phase(self, now) -> "CampaignsByPhase":
        current, archive = [], []
        for campaign in self.public_campaigns():
            campaign.current_phase = campaign.phase(now)
            (current if campaign.current_phase in (phases.Phase.UPCOMING, phases.Phase.OPEN) else archive).append(
                campaign
            )
        return CampaignsByPhase(current, archive)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        context.update(campaigns=SimpleLazyObject(lambda: self.campaigns_by_phase(now)),
                       laureates_url=self.laureates_url(request),
                       cache_vary=[time_slot(now, PHASE_REFRESH_MINUTES)])
        return context


@dataclass
class CampaignsByPhase:
    current: list  # upcoming and open campaigns
    archive: list  # closed ones, in deliberation or with results


@dataclass
class CampaignDetails:
    """What a campaign page shows besides its own fields, read together on a cold cache."""

    categories: list
    criteria: list
    rules_pdf: object
    laureates: list
    mentions: list
    laureates_archive_url: str


class CalibrationMethod(models.TextChoices):
    """How the jury's ranking corrects jurors' severity (`jury/scoring.py`, `jury/calibration.py`)."""

    RAW = "brut", _("Moyenne brute")
    ZSCORES = "z-scores", _("Standardisation par juré")
    FITTED = "ajuste", _("Modèle ajusté (qualité du dossier + biais du juré)")


class EliminatoryRule(models.TextChoices):
    MEDIAN = "mediane", _("Médiane des notes des jurés")
    ANY = "un-jure", _("Note d'un seul juré")


DEFAULT_LEVELS = "Or, Argent, Bronze"


class LabelCampaignPage(RoutablePageMixin, BasePage):
    label = models.CharField(_("label"), max_length=32, choices=Label.choices, default=Label.TERRITOIRE_INNOVANT)
    year = models.PositiveSmallIntegerField(
        _("édition"), validators=[MinValueValidator(2009), MaxValueValidator(2100)], null=True
    )
    opens_at = models.DateTimeField(_("ouverture des candidatures"), null=True, help_text=_("Heure de Paris."))
    closes_at = models.DateTimeField(
        _("clôture des candidatures"), null=True,
        help_text=_("Heure de Paris ; les dépôts sont acceptés jusqu'à cette seconde incluse."),
    )
    jury_starts_at = models.DateTimeField(_("début de la délibération du jury"), null=True, blank=True)
    rules = RichTextField(_("règlement"), blank=True)
    eligibility_text = RichTextField(_("conditions d'éligibilité"), blank=True)
    how_to_apply = RichTextField(_("comment candidater"), blank=True)
    rules_pdf = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("règlement (PDF)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # The jury's settings for this campaign (read by the jury app; `labels` never imports it).
    laureate_levels = models.CharField(
        _("niveaux des lauréats"), max_length=200, default=DEFAULT_LEVELS,
        help_text=_("Séparés par des virgules, du plus haut au plus bas. La finale décide entre ces niveaux, "
                    "la mention spéciale et « non retenu »."))
    calibration_method = models.CharField(
        _("correction de la sévérité des jurés"), max_length=16, choices=CalibrationMethod.choices,
        default=CalibrationMethod.FITTED,
        help_text=_("Le classement suit la moyenne brute, la standardisation par juré ou le modèle ajusté, qui "
                    "reste juste quand un juré a reçu des dossiers plus forts que les autres."))
    discuss_threshold = models.DecimalField(
        _("seuil « à discuter »"), max_digits=5, decimal_places=1, default=Decimal("20.0"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Écart, en points sur 100, entre les totaux corrigés des jurés d'un dossier au-delà duquel "
                    "il est à discuter."))
    eliminatory_rule = models.CharField(
        _("critère éliminatoire appliqué sur"), max_length=16, choices=EliminatoryRule.choices,
        default=EliminatoryRule.MEDIAN)

    year.required_on_save = True
    opens_at.required_on_save = True
    closes_at.required_on_save = True

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("label"), FieldPanel("year")]),
        MultiFieldPanel(
            # The results' publication is the jury's action, recorded in `labels.ResultsPublication`.
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("jury_starts_at")],
            heading=_("Calendrier"),
        ),
        FieldPanel("intro"),
        FieldPanel("how_to_apply"),
        FieldPanel("eligibility_text"),
        FieldPanel("rules"),
        FieldPanel("rules_pdf"),
        InlinePanel("categories", label=_("catégories"), min_num=1),
        InlinePanel("criteria", label=_("critères d'évaluation")),
        MultiFieldPanel([FieldPanel("laureate_levels"), FieldPanel("calibration_method"),
                         FieldPanel("discuss_threshold"), FieldPanel("eliminatory_rule")],
                        heading=_("Jury")),
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("label")]
    parent_page_types = ["labels.LabelIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campagne de label")
        verbose_name_plural = _("campagnes de label")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("La clôture doit suivre l'ouverture.")})
        if self.jury_starts_at and self.closes_at and self.jury_starts_at < self.closes_at:
            raise ValidationError({"jury_starts_at": _("Le jury délibère après la clôture.")})

    def levels(self) -> list[str]:
        """The laureates' levels, highest first (the default ones when the field was emptied)."""
        return [name.strip() for name in (self.laureate_levels or DEFAULT_LEVELS).split(",") if name.strip()]

    @property
    def reference_prefix(self):
        return REFERENCE_PREFIXES.get(self.label, "LB")

    @property
    def results_published_at(self):
        """When the jury's results were published (`ResultsPublication`), or None: a query, unless the
        campaign was read with `select_related("results_publication")`."""
        try:
            return self.results_publication.published_at
        except ResultsPublication.DoesNotExist:
            return None

    def readers_results_published_at(self):
        """`results_published_at` as the public page shows it, kept in the cache under the content version
        (a publication of the results moves it): the page asks it on every view, for its phase."""
        key = f"campaign-results-published:{content_version()}:{self.pk}"
        (published_at,) = cache.get_or_set(key, lambda: (self.results_published_at,), VERSIONED_SECONDS)
        return published_at

    def phase(self, now=None):
        return self.phase_at(now or clock.now(), self.results_published_at)

    def phase_at(self, now, results_published_at):
        """The campaign's phase at `now`, the results published at `results_published_at` (or not, for None)."""
        if not (self.opens_at and self.closes_at):
            return phases.Phase.UPCOMING
        return phases.campaign_phase(self.opens_at, self.closes_at, now, jury_starts_at=self.jury_starts_at,
                                     results_published_at=results_published_at)

    def is_open(self, now=None):
        return self.phase(now) == phases.Phase.OPEN

    def categories_and_criteria(self):
        """The campaign's categories and evaluation criteria, in sort order (the editor's, in a preview)."""
        return list(self.categories.all()), list(self.criteria.all())

    def results(self, now=None):
        """(laureates, mentions) with category and the jury's citation, in one query; nothing before publication.

        Checked against the publication date whatever the audience, a preview included:
        the jury's decisions are not public until the jury's publication service has run.
        """
        from labels.models.applications import Application, ApplicationStatus

        if self.pk is None or not public_results.is_published(self.results_published_at, now):
            return [], []
        rows = list(public_results.laureates_and_mentions(Application.objects.filter(campaign_id=self.pk)))
        return ([row for row in rows if row.status == ApplicationStatus.LAUREATE],
                [row for row in rows if row.status == ApplicationStatus.MENTION])

    @path("laureats/<int:application_id>/", name="laureate")
    def laureate_page(self, request, application_id):
        """A laureate's or a mention's public page: the project, the jury's citation and, with the applicant's
        consent, the laureate's pitch in the site's own player (nothing before the results are out)."""
        from labels.models.applications import Application

        now = clock.now()
        published_at = self.results_published_at
        laureate = (public_results.laureates_and_mentions(Application.objects.filter(campaign_id=self.pk,
                                                                                      pk=application_id)).first()
                    if public_results.is_published(published_at, now) else None)
        if laureate is None:
            raise Http404
        return TemplateResponse(request, "labels/laureate_page.html", {
            "page": self, "self": self, "request": request, "laureate": laureate,
            "pitch": public_results.public_pitch(laureate, published_at, now),
        })

    def laureates_archive_url(self, request=None):
        """The labels index's archive (inside the page's cached fragment: its parent is read on a cold render)."""
        parent = self.get_parent()
        if parent is None:
            return ""
        return (parent.get_url(request) or "") + LabelIndexPage.get_resolver().reverse("laureates")

    def details(self, request, phase, now) -> CampaignDetails:
        categories, criteria = self.categories_and_criteria()
        laureates, mentions = self.results(now) if phase == phases.Phase.RESULTS else ([], [])
        return CampaignDetails(
            categories=categories, criteria=criteria, rules_pdf=self.rules_pdf, laureates=laureates,
            mentions=mentions,
            laureates_archive_url=self.laureates_archive_url(request) if phase == phases.Phase.RESULTS else "",
        )

    def get_context(self, request, *args, **kwargs):
        """The page is a fragment cached per phase and, while applications are open, per minute: the time left
        it shows is at most a minute old, as in a page kept by the page cache (`interconnectes/page_cache.py`)."""
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        phase = self.phase_at(now, self.readers_results_published_at())
        is_open = phase == phases.Phase.OPEN
        context.update(
            phase=phase,
            status_minute=time_slot(now, 1) if is_open else "",
            seconds_left=phases.seconds_left(self.closes_at, now) if is_open else 0,
            campaign=SimpleLazyObject(lambda: self.details(request, phase, now)),
        )
        return context


class CampaignCategory(Orderable):
    page = ParentalKey(LabelCampaignPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), max_length=600, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("catégorie")
        verbose_name_plural = _("catégories")

    def __str__(self):
        return self.name


class EvaluationCriterion(Orderable):
    page = ParentalKey(LabelCampaignPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), max_length=600, blank=True)
    weight = models.DecimalField(_("poids"), max_digits=5, decimal_places=2, default=1,
                                 validators=[MinValueValidator(0)])
    max_score = models.PositiveSmallIntegerField(_("note maximale"), default=10,
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])
    eliminatory = models.BooleanField(
        _("éliminatoire"), default=False,
        help_text=_("Un dossier sous le seuil sur ce critère ne peut recevoir un niveau de lauréat sans motif "
                    "de dérogation enregistré."))
    eliminatory_threshold = models.PositiveSmallIntegerField(
        _("seuil éliminatoire"), null=True, blank=True,
        help_text=_("Note en dessous de laquelle le critère est jugé insuffisant (sur la note maximale)."))

    rubric_bottom = models.CharField(_("ce que vaut la note 0"), max_length=300, blank=True,
                                     help_text=_("Montré aux jurés sur la fiche de notation."))
    rubric_middle = models.CharField(_("ce que vaut la note du milieu"), max_length=300, blank=True,
                                     help_text=_("La moitié de la note maximale (5 sur 10)."))
    rubric_top = models.CharField(_("ce que vaut la note maximale"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"),
              FieldRowPanel([FieldPanel("weight"), FieldPanel("max_score")]),
              FieldRowPanel([FieldPanel("eliminatory"), FieldPanel("eliminatory_threshold")]),
              MultiFieldPanel([FieldPanel("rubric_bottom"), FieldPanel("rubric_middle"), FieldPanel("rubric_top")],
                              heading=_("Grille de notation"))]

    class Meta(Orderable.Meta):
        verbose_name = _("critère d'évaluation")
        verbose_name_plural = _("critères d'évaluation")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.eliminatory and self.eliminatory_threshold is None:
            raise ValidationError({"eliminatory_threshold": _("Indiquez le seuil d'un critère éliminatoire.")})
        if self.eliminatory_threshold is not None and self.max_score and self.eliminatory_threshold > self.max_score:
            raise ValidationError({"eliminatory_threshold": _("Le seuil ne peut dépasser la note maximale.")})
