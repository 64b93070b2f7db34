"""The bibliothèque d'IA territorialisée: themes and techniques, use cases (pages), implementations (records).

A use case is a public page, written by the association's editors: what the
AI does, for what, with which risks. An implementation is what one
collectivité did of it. Implementations are their own model with a plain
ForeignKey to the use case, not a ParentalKey child of its page: each one
will be drafted, reviewed, versioned and published on its own by the agents
of its collectivité, outside the admin, and a ParentalKey would make every
edit a revision of the use case page that its editors publish for everyone.

What a reader sees of an implementation is decided field by field in
`library.tiers`; the pages below hand templates `VisibleRecord`s only.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from weakref import WeakKeyDictionary

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.tiers import tier_for
from interconnectes import canonical, clock, seo
from interconnectes.content_version import VERSIONED_SECONDS, content_version
from interconnectes.models.base import BasePage
from interconnectes.restrictions import private_q
from labels import public_results
from library import facets, finder, jsonld, licences, rules
from library.access_models import Contact, DocumentDownload, ImplementationDocument, attached_to  # noqa: F401
from library.rules import AIActRisk, Status
from library.tiers import FIELD_LEVELS, HEADINGS, Level, VisibleRecord, fields_by_level, level_for_tier, visible_record


class ListEntry(models.Model):
    """An entry of an editable list (themes, techniques): a name, its URL slug, a line of explanation."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True, blank=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class Theme(ListEntry):
    class Meta(ListEntry.Meta):
        verbose_name = _("thème de la bibliothèque")
        verbose_name_plural = _("thèmes de la bibliothèque")


class Technique(ListEntry):
    class Meta(ListEntry.Meta):
        verbose_name = _("technique d'IA")
        verbose_name_plural = _("techniques d'IA")


@dataclass
class ThemeSection:
    theme: Theme | None  # None: use cases not yet given a theme
    use_cases: list


class LibraryIndexPage(BasePage):
    """The library's home: every published use case, grouped by theme, with how many collectivités do it."""

    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["library.UseCasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("bibliothèque d'IA territorialisée")

    def use_cases(self):
        """Live, public use cases with their theme, technique and active implementations' count (one query)."""
        return (UseCasePage.objects.child_of(self).live().exclude(private_q())
                .select_related("theme", "technique")
                .annotate(active_count=Count("implementations", filter=Q(
                    implementations__status__in=rules.ACTIVE_STATUSES,
                    implementations__first_published_at__isnull=False, implementations__archived_at__isnull=True)))
                .order_by("theme__sort_order", "theme__name", "title"))

    def sections(self) -> list[ThemeSection]:
        sections: list[ThemeSection] = []
        for use_case in self.use_cases():
            if not sections or sections[-1].theme != use_case.theme:
                sections.append(ThemeSection(use_case.theme, []))
            sections[-1].use_cases.append(use_case)
        return sections

    @staticmethod
    def facet_lists() -> tuple[list, list]:
        """The themes' and techniques' (slug, name) pairs, kept in the cache until the content changes."""
        key = f"library-facet-lists:{content_version()}"
        lists = cache.get(key)
        if lists is None:
            lists = (list(Theme.objects.values_list("slug", "name")),
                     list(Technique.objects.values_list("slug", "name")))
            cache.set(key, lists, VERSIONED_SECONDS)
        return lists

    def find(self, request):
        """The facets, their counts and a page of the published records they keep (library.finder)."""
        themes, techniques = self.facet_lists()
        return finder.find(Implementation.objects.published(), request.GET, themes=themes, techniques=techniques,
                           page_number=request.GET.get("page"), today=timezone.localdate(clock.now()),
                           request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = SimpleLazyObject(self.sections)
        # Not in the page's cached fragment: the results depend on what the reader asked.
        context["found"] = SimpleLazyObject(partial(self.find, request))
        return context


class UseCasePage(RoutablePageMixin, BasePage):
    """A use case of AI in local government, public, with its implementations (sub-addresses of this page).

    An implementation's page is a route of its use case (`<slug>/`) rather
    than a page of its own: implementations are records edited and reviewed
    outside the page tree, the use case is where a reader comes from, and
    one route serves them with the use case's breadcrumbs and context.
    """

    summary = models.CharField(_("résumé en une phrase"), max_length=255)
    description = models.TextField(_("description en langage clair"), max_length=4000)
    theme = models.ForeignKey(Theme, verbose_name=_("thème"), null=True, on_delete=models.PROTECT,
                              related_name="use_cases")
    technique = models.ForeignKey(Technique, verbose_name=_("technique d'IA"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="use_cases")
    data_types = models.TextField(_("types de données"), max_length=1000, blank=True,
                                  help_text=_("Par exemple : images aériennes, relevés de capteurs, effectifs."))
    benefits = models.TextField(_("bénéfices attendus"), max_length=2000, blank=True)
    risks = models.TextField(_("risques et mesures pour les réduire"), max_length=2000, blank=True)
    success_conditions = models.TextField(_("conditions de réussite"), max_length=2000, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("theme"), FieldPanel("technique"), FieldPanel("data_types")],
                        heading=_("Classement")),
        MultiFieldPanel([FieldPanel("benefits"), FieldPanel("risks"), FieldPanel("success_conditions")],
                        heading=_("Bénéfices, risques, conditions de réussite")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("data_types"),
        index.SearchField("benefits"),
        index.SearchField("risks"),
        index.SearchField("success_conditions"),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("cas d'usage de l'IA")
        verbose_name_plural = _("cas d'usage de l'IA")

    def description_candidates(self) -> tuple[str, ...]:
        return (self.summary, self.intro or "")

    def implementation_url(self, slug: str, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("implementation", args=[slug])

    def public_records(self, request=None) -> list[VisibleRecord]:
        """Every implementation at level 0, lead organisation first in name order (three queries, whatever their
        number): what the use case page lists and its comparison sets side by side."""
        base = self.get_url(request) or ""
        return [visible_record(implementation, Level.PUBLIC,
                               url=base + self.reverse_subpage("implementation", args=[implementation.slug]),
                               with_withheld=False)
                for implementation in self.implementations.visible_at(Level.PUBLIC)]

    def get_sitemap_urls(self, request=None):
        """The use case, its comparison when there is something to compare, and each implementation (their
        level-0 page: the only one a crawler sees)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)
        slugs = published_slugs(self, request)
        if len(slugs) > 1:
            urls.append({"location": base + self.reverse_subpage("comparison")})
        urls.extend({"location": base + self.reverse_subpage("implementation", args=[slug])} for slug in slugs)
        return urls

    def structured_data(self, request) -> str:
        return jsonld.script_tag(jsonld.use_case(
            name=self.title, url=self.get_full_url(request), description=self.summary,
            theme=self.theme.name if self.theme else "", modified=self.last_published_at))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["records"] = SimpleLazyObject(partial(self.public_records, request))
        context["structured_data"] = partial(self.structured_data, request)
        return context

    @path("comparaison/", name="comparison")
    def comparison(self, request):
        """The implementations' level-0 fields side by side, one column each."""
        return self.render(request, template="library/comparison_page.html")

    @path("<slug:slug>/", name="implementation")
    def implementation(self, request, slug):
        """One implementation, at the level of the reader's tier on it.

        What the head needs (the collectivité's name, the purpose) comes with
        the row that decides the tier; the record itself is read only when the
        page's fragment for that level is not in the cache.
        """
        if slug in rules.RESERVED_SLUGS:
            raise Http404
        heading = get_object_or_404(self.implementations.reachable().select_related("lead_organisation").only(
            "pk", "slug", "purpose", "use_case_id", "code_url", "lead_organisation__name",
            "lead_organisation__region", "lead_organisation__kind", "lead_organisation__population", "archived_at",
            "archive_reason", "derived_from_id"), slug=slug)
        level = level_for_tier(tier_for(request.user, heading, request=request))
        url = self.implementation_url(slug, request)
        record = SimpleLazyObject(lambda: visible_record(self.implementations.for_page().get(pk=heading.pk), level,
                                                         url=url))
        organisation = heading.lead_organisation.name
        return self.render(request, template="library/implementation_page.html", context_overrides={
            "record": record, "level": int(level), "slug": slug, "organisation": organisation,
            "implementation_id": heading.pk, **attached_to(heading.pk, level),
            "record_title": _("%(use_case)s · %(organisation)s") % {"use_case": self.title,
                                                                    "organisation": organisation},
            "meta_description": seo.shorten(heading.purpose),
            "archived_at": heading.archived_at, "archive_reason": heading.archive_reason,
            "derived_from": partial(self.derived_from_link, heading.derived_from_id, request),
            "history_url": url + "historique/", "implementation_pk": heading.pk,
            "structured_data": partial(self.implementation_data, request, url, organisation, heading.purpose,
                                       record),
            "similar": SimpleLazyObject(partial(self.similar_cards, heading, request)),
            "record_pk": heading.pk,
        })

    def similar_cards(self, heading, request) -> list:
        """"Projets similaires": published records sharing the most facets with this one (one query)."""
        lead = heading.lead_organisation
        today = timezone.localdate(clock.now())
        return [finder.card(implementation, today, request) for implementation in Implementation.objects.similar_to(
            pk=heading.pk, use_case=self, region=lead.region, kind=lead.kind, population=lead.population,
            has_code=bool(heading.code_url))]

    def derived_from_link(self, pk, request=None) -> dict | None:
        """The project this one reprises ("reprendre ce projet"): its collectivité and address, if still public."""
        if pk is None:
            return None
        source = (Implementation.objects.reachable().select_related("lead_organisation", "use_case")
                  .filter(pk=pk).first())
        if source is None:
            return None
        return {"organisation": source.lead_organisation.name,
                "url": source.use_case.implementation_url(source.slug, request)}

    @path("<slug:slug>/historique/", name="history")
    def history(self, request, slug):
        """The numbered versions of an implementation and what changed in its level-0 fields (library/history.py),
        the same for every reader."""
        from library.history import public_history

        heading = get_object_or_404(self.implementations.reachable().select_related("lead_organisation").only(
            "pk", "slug", "use_case_id", "lead_organisation__name"), slug=slug)
        organisation = heading.lead_organisation.name
        return self.render(request, template="library/history_page.html", context_overrides={
            "entries": public_history(heading), "organisation": organisation,
            "record_url": self.implementation_url(slug, request),
            "record_title": _("Historique · %(use_case)s · %(organisation)s") % {"use_case": self.title,
                                                                                 "organisation": organisation},
        })

    def implementation_data(self, request, url, organisation, purpose, record) -> str:
        return jsonld.script_tag(jsonld.implementation(
            name=f"{self.title} · {organisation}", url=canonical.absolute(url, request), description=purpose,
            organisation=organisation, licence=record.licence, use_case_url=self.get_full_url(request)))


# The sitemap asks each use case for its addresses in turn: the published implementations of them all are read
# once per request, kept with the request (and gone with it), rather than once per use case.
SITEMAP_SLUGS: WeakKeyDictionary = WeakKeyDictionary()


def published_slugs(use_case, request) -> list[str]:
    """The slugs of `use_case`'s published implementations, in order: one query per request for all use cases."""
    if request is None:
        return list(use_case.implementations.published().order_by("slug").values_list("slug", flat=True))
    by_use_case = SITEMAP_SLUGS.get(request)
    if by_use_case is None:
        by_use_case = defaultdict(list)
        for use_case_id, slug in (Implementation.objects.published().order_by("use_case_id", "slug")
                                  .values_list("use_case_id", "slug")):
            by_use_case[use_case_id].append(slug)
        SITEMAP_SLUGS[request] = by_use_case
    return by_use_case.get(use_case.pk, [])


class ImplementationQuerySet(models.QuerySet):
    def published(self):
        """Published once (never: a submission, seen by its editors and the team only), not archived, of a live use
        case without a view restriction: what the library's lists, its search, its similar projects and its
        open-data export show (the use cases are a subquery: no query of their own)."""
        return self.filter(first_published_at__isnull=False, archived_at__isnull=True,
                           use_case__in=UseCasePage.objects.live().exclude(private_q()).values("pk"))

    def reachable(self):
        """What has a public page: published once, archived or not (an archived page says why)."""
        return self.filter(first_published_at__isnull=False)

    def for_page(self):
        """Everything an implementation's page shows, in three queries: the row and its foreign keys, its
        partners, its data sources."""
        return (self.select_related("lead_organisation", "event_session__page",
                                    "laureate__campaign__results_publication")
                .prefetch_related("partners", "data_sources"))

    def visible_at(self, level: Level):
        """For lists: the columns above `level` are not even read from the database."""
        return (self.published().for_page()
                .defer(*(name for name, field_level in FIELD_LEVELS.items() if field_level > level))
                .order_by("lead_organisation__name", "pk"))

    def listed(self):
        """For result lists: the record's level-0 columns a card shows, its use case and collectivité."""
        return (self.select_related("use_case", "lead_organisation")
                .only(*LISTED_COLUMNS).order_by("use_case__title", "lead_organisation__name", "pk"))

    def similar_to(self, *, pk: int, use_case: "UseCasePage", region: str, kind: str, population: int | None,
                   has_code: bool, limit: int = 4):
        """Other published records ranked by what they share with this one (`facets.SIMILARITY_WEIGHTS`), best
        first, those sharing nothing left out: one query, whatever the library holds."""
        band = facets.size_band(population)
        shared = {
            "use_case": Q(use_case_id=use_case.pk),
            "theme": Q(use_case__theme_id=use_case.theme_id) if use_case.theme_id else None,
            "technique": Q(use_case__technique_id=use_case.technique_id) if use_case.technique_id else None,
            "region": Q(lead_organisation__region=region) if region else None,
            "kind": Q(lead_organisation__kind=kind) if kind else None,
            "size": finder.choice_q("size", band.key) if band else None,
            "code": ~Q(code_url="") if has_code else None,
        }
        score = sum((Case(When(condition, then=Value(facets.SIMILARITY_WEIGHTS[name])), default=Value(0))
                     for name, condition in shared.items() if condition is not None), Value(0))
        return (self.published().exclude(pk=pk).listed().annotate(similarity=score).filter(similarity__gt=0)
                .order_by("-similarity", "use_case__title", "lead_organisation__name", "pk")[:limit])


# What a result card reads of a record (level 0 only) and of its use case and collectivité.
LISTED_COLUMNS = ("pk", "slug", "status", "purpose", "is_illustrative", "review_due_on", "code_url",
                  "use_case__title", "use_case__url_path", "use_case__live", "lead_organisation__name")


def level_panel(level: Level, names: list[str]):
    """The edit form's section of one level: its fields, under the heading that names who sees them."""
    panels = [InlinePanel(name, label=_("source de données")) if name == "data_sources" else FieldPanel(name)
              for name in names]
    return MultiFieldPanel(panels, heading=HEADINGS[level])


class Implementation(ClusterableModel):
    """What one collectivité did of a use case. Each field's level is in `library.tiers.FIELD_LEVELS`."""

    use_case = models.ForeignKey(UseCasePage, verbose_name=_("cas d'usage"), on_delete=models.CASCADE,
                                 related_name="implementations")
    # Level 0
    lead_organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("collectivité porteuse"),
                                          on_delete=models.PROTECT, related_name="library_implementations")
    partners = ParentalManyToManyField("interconnectes.Organisation", verbose_name=_("partenaires"), blank=True,
                                       related_name="library_partnerships")
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, blank=True,
                            help_text=_("Laissé vide : le nom de la collectivité porteuse."))
    is_illustrative = models.BooleanField(
        _("contenu illustratif"), default=False,
        help_text=_("Fiche d'exemple : le site l'annonce comme un contenu illustratif, non vérifié."))
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.IDEA)
    stopped_reason = models.TextField(_("raison de l'arrêt"), max_length=2000, blank=True,
                                      help_text=_("Obligatoire si le projet est arrêté."))
    started_on = models.DateField(_("début"), null=True, blank=True)
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    purpose = models.TextField(_("finalité"), max_length=2000,
                               help_text=_("Le problème que le projet résout, pour qui."))
    usage = models.TextField(_("utilisation"), max_length=2000, blank=True,
                             help_text=_("Qui s'en sert, quand, pour décider de quoi."))
    human_oversight = models.TextField(_("contrôle humain"), max_length=2000, blank=True,
                                       help_text=_("Qui vérifie les résultats, et comment une erreur est corrigée."))
    ai_act_risk = models.CharField(_("catégorie de risque (règlement européen sur l'IA)"), max_length=16,
                                   choices=AIActRisk.choices, default=AIActRisk.UNDETERMINED)
    contact_email = models.EmailField(_("adresse de contact"), blank=True,
                                      help_text=_("Une adresse de service (data@…), jamais une adresse personnelle."))
    licence = models.CharField(_("licence"), max_length=32, choices=licences.CHOICES, blank=True,
                               help_text=_("Parmi les licences de l'article D323-2-1 du CRPA ; « autre » est "
                                           "vérifiée par l'équipe."))
    code_url = models.URLField(_("code ouvert"), blank=True)
    open_data_url = models.URLField(_("données ouvertes"), blank=True)
    demonstrator_url = models.URLField(_("démonstrateur public"), blank=True)
    environmental_note = models.TextField(
        _("note environnementale"), max_length=2000, blank=True,
        help_text=_("Calcul nécessaire (entraînement, usage), choix de sobriété."))
    event_session = models.ForeignKey(
        "events.ProgrammeSession", verbose_name=_("présenté lors de la session"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="library_implementations")
    laureate = models.ForeignKey(
        "labels.Application", verbose_name=_("lauréat ou mention d'un label"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="library_implementations",
        limit_choices_to={"status__in": ["laureat", "mention"]},
        help_text=_("Le projet distingué par un label de l'association : le lien s'affiche une fois les résultats "
                    "de sa campagne publiés."))
    # Level 1
    lessons_worked = models.TextField(_("ce qui a marché"), max_length=4000, blank=True)
    lessons_failed = models.TextField(_("ce qui a échoué"), max_length=4000, blank=True)
    lessons_differently = models.TextField(_("ce que nous ferions autrement"), max_length=4000, blank=True)
    build_cost = models.TextField(_("coût de construction"), max_length=1000, blank=True)
    run_cost = models.TextField(_("coût de fonctionnement"), max_length=1000, blank=True)
    team_skills = models.TextField(_("équipe et compétences"), max_length=2000, blank=True)
    procurement = models.TextField(_("voie d'achat"), max_length=2000, blank=True)
    suppliers = models.TextField(_("prestataires"), max_length=1000, blank=True)
    data_prerequisites = models.TextField(_("prérequis sur les données"), max_length=2000, blank=True)
    indicators = models.TextField(_("indicateurs et résultats d'évaluation"), max_length=4000, blank=True)
    # Level 2
    code_archive_url = models.URLField(_("archive du code ou dépôt privé"), blank=True)
    technical_documentation = models.TextField(_("documentation technique"), max_length=8000, blank=True)
    model_card = models.TextField(_("fiche du modèle"), max_length=8000, blank=True)
    sample_data = models.TextField(_("données d'exemple"), max_length=4000, blank=True)
    demonstrator_access = models.TextField(_("accès au démonstrateur"), max_length=2000, blank=True)

    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    # Level 0 (library.tiers): past it, the record shows "à vérifier" until its owners confirm or update it.
    review_due_on = models.DateField(
        _("à revoir le"), null=True, blank=True,
        help_text=_("Laissé vide : un an après l'enregistrement. Passé cette date, la fiche est signalée « à "
                    "vérifier » et ses responsables reçoivent un rappel."))
    review_reminded_on = models.DateField(_("rappel de révision envoyé le"), null=True, blank=True, editable=False)

    # Publication (library/submissions.py): empty until the team approves the first version, and then nowhere
    # public; archived records leave the lists, their page says why and keeps its lessons for agents.
    first_published_at = models.DateTimeField(_("publiée pour la première fois le"), null=True, blank=True)
    archived_at = models.DateTimeField(_("retirée ou archivée le"), null=True, blank=True)
    archive_reason = models.TextField(_("raison du retrait ou de l'archivage"), max_length=2000, blank=True)
    derived_from = models.ForeignKey("self", verbose_name=_("reprend le projet"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="derivatives")

    objects = ImplementationQuerySet.as_manager()

    panels = [FieldPanel("use_case"), *(level_panel(level, names) for level, names in fields_by_level()),
              InlinePanel("documents", heading=_("Documents (niveau 1 ou 2, au choix pour chacun)"),
                          label=_("document")),
              InlinePanel("contacts", heading=_("Contacts (niveau 1 ; l'adresse n'est affichée qu'avec leur "
                                                "accord)"), label=_("contact"))]

    class Meta:
        ordering = ["use_case", "lead_organisation__name"]
        verbose_name = _("mise en œuvre")
        verbose_name_plural = _("mises en œuvre")
        constraints = [
            models.UniqueConstraint(fields=["use_case", "lead_organisation"], name="one_implementation_per_lead",
                                    violation_error_message=_("Cette collectivité a déjà une fiche sur ce cas "
                                                              "d'usage.")),
            models.UniqueConstraint(fields=["use_case", "slug"], name="one_implementation_slug_per_use_case"),
        ]

    def __str__(self):
        use_case = self.use_case.title if self.use_case_id else "?"
        organisation = self.lead_organisation.name if self.lead_organisation_id else "?"
        return f"{use_case} · {organisation}"

    def public_laureate(self) -> dict | None:
        """The label this project won, as the public sees it (title, organisation and level as published, the
        laureate's page), or None while its campaign's results are not out or if it was not distinguished. Read
        with `for_page()`: no query of its own."""
        application = self.laureate
        if application is None or application.status not in public_results.PUBLIC_STATUSES:
            return None
        campaign = application.campaign
        if not public_results.is_published(campaign.results_published_at):
            return None
        return {"title": application.published_title, "organisation": application.published_org_name,
                "level": application.published_level or application.get_status_display(),
                "campaign": campaign.title,
                "url": (campaign.url or "") + campaign.reverse_subpage("laureate", args=[application.pk])}

    @property
    def needs_licence_review(self) -> bool:
        return licences.needs_staff_review(self.licence)

    needs_licence_review.fget.short_description = _("licence à vérifier")  # type: ignore[attr-defined]

    def clean(self):
        super().clean()
        if not self.slug and self.lead_organisation_id:
            self.slug = slugify(self.lead_organisation.name)[:80]
        errors = rules.record_errors(status=self.status, stopped_reason=self.stopped_reason,
                                     started_on=self.started_on, ended_on=self.ended_on, slug=self.slug)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.lead_organisation.name)[:80]
        if self.review_due_on is None:
            self.review_due_on = facets.review_due(timezone.localdate(clock.now()))
        super().save(*args, **kwargs)

    def mark_reviewed(self, today) -> None:
        """Its owners confirmed or updated it on `today`: the next review is a year away, a new reminder with it."""
        self.review_due_on = facets.review_due(today)
        self.save(update_fields=["review_due_on", "updated_at"])


class DataSource(Orderable):
    """A data set the implementation uses, with a link to it when it is published."""

    implementation = ParentalKey(Implementation, on_delete=models.CASCADE, related_name="data_sources")
    name = models.CharField(_("nom"), max_length=255)
    url = models.URLField(_("lien"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("source de données")
        verbose_name_plural = _("sources de données")

    def __str__(self):
        return self.name


class LinkCheck(models.Model):
    """The last answer of one link of a record (`check_library_links`): kept to tell owners of links that broke
    since the previous check, once."""

    implementation = models.ForeignKey(Implementation, verbose_name=_("mise en œuvre"), on_delete=models.CASCADE,
                                       related_name="link_checks")
    url = models.URLField(_("lien"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("code de réponse"), null=True, blank=True)
    error = models.CharField(_("erreur"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("vérifié le"))
    broken_since = models.DateTimeField(_("cassé depuis"), null=True, blank=True)

    class Meta:
        verbose_name = _("vérification de lien")
        verbose_name_plural = _("vérifications de liens")
        constraints = [models.UniqueConstraint(fields=["implementation", "url"], name="one_check_per_record_link")]

    def __str__(self):
        return self.url

    @property
    def is_broken(self) -> bool:
        return self.broken_since is not None


class ErrorReport(models.Model):
    """"Signaler une erreur" on a record: what a reader says is wrong, e-mailed to its owners and to staff, to be
    answered by `due_on`; staff close it in the admin once it is dealt with."""

    implementation = models.ForeignKey(Implementation, verbose_name=_("mise en œuvre"), on_delete=models.CASCADE,
                                       related_name="error_reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signalé par"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("ce qui est inexact"), max_length=2000)
    created_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    due_on = models.DateField(_("à traiter avant le"))
    resolved_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    resolution = models.TextField(_("suite donnée"), max_length=2000, blank=True)

    # Staff may also log a report received by other means (a letter, a call).
    panels = [FieldPanel("implementation"), FieldPanel("message"), FieldPanel("due_on"), FieldPanel("resolved_at"),
              FieldPanel("resolution")]

    class Meta:
        ordering = ["resolved_at", "due_on", "pk"]
        verbose_name = _("erreur signalée")
        verbose_name_plural = _("erreurs signalées")

    def __str__(self):
        return gettext("Erreur signalée le %(date)s") % {"date": date_format(timezone.localtime(self.created_at))}

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    is_open.fget.short_description = _("à traiter")  # type: ignore[attr-defined]
