"""Manifesto pages: the association's positions, adopted by its elected officials."""

import datetime
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from interconnectes import canonical, jsonld, sharing
from interconnectes.blocks import BodyBlock
from interconnectes.feed_links import feed_above
from interconnectes.feeds import PageFeed
from interconnectes.models.base import BasePage
from interconnectes.restrictions import private_q
from manifestes.blocks import AmbitionBlock

PARIS = ZoneInfo("Europe/Paris")


class ManifestoKind(models.TextChoices):
    MANIFESTO = "manifeste", _("Manifeste")
    INTER_ASSOCIATION = "inter-associations", _("Manifeste inter-associations")
    PRESS_RELEASE = "communique", _("Communiqué de presse")


@dataclass
class NumberedEngagement:
    number: int
    title: str
    text: str

    @property
    def anchor(self):
        return f"engagement-{self.number}"


@dataclass
class NumberedAmbition:
    number: int
    title: str
    intro: str
    engagements: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"ambition-{self.number}"


class ManifestoFilterForm(forms.Form):
    """Filters of the manifesto list; unknown values are ignored, never a 500."""

    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Type de texte"), required=False,
                             choices=[("", _("Tous les types")), *ManifestoKind.choices])

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Toutes les années")), *[(year, year) for year in years]]


@dataclass
class ManifestoList:
    """What the manifesto index shows for one set of filters: built on a cold cache only."""

    filter_form: ManifestoFilterForm
    filter_query: str
    manifestos: object  # a Paginator page


FEED_TITLE = _("Les manifestes des Interconnectés (Atom)")


class ManifestoFeed(PageFeed):
    """The manifestos and press releases, latest adopted first."""

    def subtitle(self):
        return _("Les manifestes et communiqués des Interconnectés, du plus récent au plus ancien.")

    def items(self):
        return list(self.index.manifestos()[:self.LIMIT])

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.adoption_date, datetime.time(12), tzinfo=PARIS)


class ManifestoIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["manifestes.ManifestoPage"]
    max_count = 1
    PER_PAGE = 10
    FILTERS = ("year", "kind", "page")

    class Meta:
        verbose_name = _("liste des manifestes")

    def manifestos(self):
        return ManifestoPage.objects.child_of(self).live().exclude(private_q()).order_by("-adoption_date", "-pk")

    def manifesto_list(self, request) -> ManifestoList:
        """Filters and the page applied in SQL: the page reads its ten texts, whatever the archive holds."""
        manifestos = self.manifestos()
        years = [day.year for day in manifestos.dates("adoption_date", "year", "DESC")]
        form = ManifestoFilterForm(request.GET or None, years=years)
        filters = {}
        if form.is_valid():
            filters = {name: value for name, value in form.cleaned_data.items() if value}
            if "year" in filters:
                manifestos = manifestos.filter(adoption_date__year=filters["year"])
            if "kind" in filters:
                manifestos = manifestos.filter(kind=filters["kind"])
        return ManifestoList(form, urlencode(filters), Paginator(manifestos, self.PER_PAGE).get_page(
            request.GET.get("page")))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = SimpleLazyObject(lambda: self.manifesto_list(request))
        context["cache_vary"] = [request.GET.get(name, "")[:40] for name in self.FILTERS]
        return context

    def feed_links(self, request) -> list:
        return feed_above(self, request, FEED_TITLE)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return ManifestoFeed(self, request)(request)


class ManifestoPage(BasePage):
    kind = models.CharField(_("type de texte"), max_length=32, choices=ManifestoKind.choices,
                            default=ManifestoKind.MANIFESTO)
    subtitle = models.CharField(_("sous-titre"), max_length=255, blank=True)
    adoption_date = models.DateField(_("date d'adoption"))
    year_only = models.BooleanField(
        _("seule l'année est connue"), default=False, help_text=_("La date s'affiche alors sous la forme « en 2017 ».")
    )
    adoption_place = models.CharField(
        _("lieu d'adoption"), max_length=255, blank=True, help_text=_("Par exemple : Forum des Interconnectés, Paris.")
    )
    adoption_event = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("événement d'adoption"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("La page de l'événement où le texte a été adopté ou présenté, si elle existe."),
    )
    intro = models.TextField(_("chapô"), max_length=1500)  # required, and longer: it sums the text up
    body = StreamField(BodyBlock(), verbose_name=_("texte"), blank=True)
    section_label = models.CharField(
        _("nom des parties"), max_length=40, default="Ambition", help_text=_("Ambition, Priorité, Axe…")
    )
    item_label = models.CharField(
        _("nom des points numérotés"), max_length=40, default="Engagement", help_text=_("Engagement, Proposition…")
    )
    ambitions = StreamField([("ambition", AmbitionBlock())], verbose_name=_("ambitions et engagements"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document PDF"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("subtitle"), FieldPanel("intro")], heading=_("Présentation")),
        MultiFieldPanel(
            [FieldPanel("adoption_date"), FieldPanel("year_only"), FieldPanel("adoption_place"),
             PageChooserPanel("adoption_event", ["events.JourneeExpertPage", "events.ForumPage"])],
            heading=_("Adoption"),
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("section_label"), FieldPanel("item_label"), FieldPanel("ambitions")],
                        heading=_("Ambitions et engagements")),
        InlinePanel("signatories", label=_("Organisation cosignataire")),
        FieldPanel("document"),
        InlinePanel("related_manifestos", label=_("Texte lié"), max_num=6),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.SearchField("ambitions"),
        index.FilterField("kind"),
        index.FilterField("adoption_date"),
    ]
    parent_page_types = ["manifestes.ManifestoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("manifeste")
        verbose_name_plural = _("manifestes")

    def adoption_label(self):
        """"Adopté le 18 mars 2021", or "Adopté en 2017" when only the year is known."""
        if self.year_only:
            return _("Adopté en %(year)s") % {"year": self.adoption_date.year}
        return _("Adopté le %(date)s") % {"date": date_format(self.adoption_date, "j F Y")}

    def numbered_ambitions(self):
        """Ambitions numbered 1..n and engagements numbered across the whole text (1..9 in 2021)."""
        ambitions, counter = [], 0
        for number, block in enumerate(self.ambitions, start=1):
            ambition = NumberedAmbition(number, block.value["title"], block.value["intro"])
            for engagement in block.value["engagements"]:
                counter += 1
                ambition.engagements.append(NumberedEngagement(counter, engagement["title"], engagement["text"]))
            ambitions.append(ambition)
        return ambitions

    def description_candidates(self) -> tuple[str, ...]:
        return (self.intro, self.subtitle)

    def feed_links(self, request) -> list:
        return feed_above(self, request, FEED_TITLE, levels=1)  # the manifesto index's

    def structured_data(self, request) -> str:
        """An Article published by the association, dated by its adoption."""
        association = jsonld.publisher(canonical.root_url(request) + "/", sharing.logo_url(request))
        return jsonld.script_tag(jsonld.article(
            headline=self.title, url=self.get_full_url(request), description=self.meta_description,
            image=sharing.share_image(request, self).url, published=self.adoption_date,
            modified=self.last_published_at, author=association, genre=str(self.get_kind_display())))

    def details(self) -> "ManifestoDetails":
        adoption_event = self.adoption_event
        return ManifestoDetails(
            numbered_ambitions=self.numbered_ambitions(),
            signatories=[link.organisation for link in self.signatories.select_related("organisation")],
            related=[link.related_page for link in self.related_manifestos.select_related("related_page")
                     if link.related_page.live],
            adoption_event=adoption_event if adoption_event and adoption_event.live else None,
            document=self.document,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["manifesto"] = SimpleLazyObject(self.details)
        context["structured_data"] = partial(self.structured_data, request)  # called in a cached fragment only
        return context


@dataclass
class ManifestoDetails:
    """What a manifesto page shows besides its own fields, read together on a cold cache."""

    numbered_ambitions: list
    signatories: list
    related: list
    adoption_event: Page | None
    document: object


class ManifestoSignatory(Orderable):
    page = ParentalKey(ManifestoPage, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("cosignataire")


class RelatedManifesto(Orderable):
    page = ParentalKey(ManifestoPage, on_delete=models.CASCADE, related_name="related_manifestos")
    related_page = models.ForeignKey(ManifestoPage, verbose_name=_("texte"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("texte lié")
