"""Site-wide page types: the home page and free-form standard pages."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from interconnectes import clock, seo
from interconnectes.blocks import BodyBlock
from interconnectes.content_version import time_slot
from interconnectes.feed_links import site_feeds
from interconnectes.home_sections import home_sections

from .base import BasePage


class HomePage(BasePage):
    """The site's root page: hero, key figures, what the other sections show here (upcoming events, latest
    manifestos: `interconnectes.home_sections`), the call for the labels."""

    hero_title = models.CharField(_("titre d'accroche"), max_length=160)
    hero_text = models.TextField(_("texte d'accroche"), max_length=600, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image d'accroche"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    figures_heading = models.CharField(_("titre des chiffres clés"), max_length=120, blank=True)
    events_heading = models.CharField(_("titre des prochains événements"), max_length=120,
                                      default="Prochains rendez-vous")
    manifestos_heading = models.CharField(_("titre des manifestes"), max_length=120, default="Nos derniers manifestes")
    labels_heading = models.CharField(_("titre de l'appel aux labels"), max_length=120, blank=True)
    labels_text = models.TextField(_("texte de l'appel aux labels"), max_length=600, blank=True)
    labels_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page des labels"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    labels_button = models.CharField(_("libellé du bouton"), max_length=60, default="Découvrir les labels")
    intro = None  # the hero's text is the home page's lead

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
                        heading=_("Accroche")),
        MultiFieldPanel([FieldPanel("figures_heading"), InlinePanel("key_figures", label=_("Chiffre clé"))],
                        heading=_("Chiffres clés")),
        FieldPanel("events_heading"),
        FieldPanel("manifestos_heading"),
        MultiFieldPanel(
            [FieldPanel("labels_heading"), FieldPanel("labels_text"), FieldPanel("labels_page"),
             FieldPanel("labels_button")],
            heading=_("Appel aux labels"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_title"), index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    SECTIONS_REFRESH_MINUTES = 5  # an event leaves "Prochains rendez-vous" at most this late

    class Meta:
        verbose_name = _("page d'accueil")

    def description_candidates(self) -> tuple[str, ...]:
        return (self.hero_text, self.hero_title)

    def share_image(self):
        return self.hero_image

    def feed_links(self, request) -> list:
        """Every feed of the site."""
        return site_feeds(Site.find_for_request(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        context.update(
            key_figures=SimpleLazyObject(lambda: list(self.key_figures.all())),
            sections=SimpleLazyObject(lambda: home_sections(self, now)),
            cache_vary=[time_slot(now, self.SECTIONS_REFRESH_MINUTES)],
        )
        return context


class HomeKeyFigure(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=20)
    label = models.CharField(_("libellé"), max_length=120)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("chiffre clé")

    def __str__(self):
        return f"{self.value} {self.label}"


class StandardPage(BasePage):
    """A free-form page (about, legal notice…) built from the shared block library."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["interconnectes.HomePage", "interconnectes.StandardPage"]

    class Meta:
        verbose_name = _("page standard")

    def description_candidates(self) -> tuple[str, ...]:
        """The lead, else the body's first paragraph of text."""
        paragraphs = (seo.first_paragraph(block.value.source) for block in self.body if block.block_type == "rich_text")
        return (self.intro, next((text for text in paragraphs if text), ""))
