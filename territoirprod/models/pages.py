"""The programme's pages: the programme → an edition (a year) → its themes.

Sequences are rows (`territoirprod.models.sequences`), not page children: enrolments, attendance, reminders
and replays point at them, and a row keeps its key whatever the editing of the theme's page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.search import index

from interconnectes.models.base import BasePage


class TrainingProgrammePage(BasePage):
    """Territoir'Prod: what the programme is, and its editions, newest first."""

    body = RichTextField(_("présentation"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["territoirprod.EditionPage"]
    max_count = 1
    template = "territoirprod/programme_page.html"

    class Meta:
        verbose_name = _("programme Territoir'Prod")


class EditionPage(RoutablePageMixin, BasePage):
    """One year of the programme ("2024", "2026-2027"): its themes and all their sequences."""

    label = models.CharField(_("édition"), max_length=20, help_text=_("Par exemple « 2024 » ou « 2026-2027 »."))

    content_panels = [*BasePage.content_panels, FieldPanel("label")]
    parent_page_types = ["territoirprod.TrainingProgrammePage"]
    subpage_types = ["territoirprod.ThemePage"]
    template = "territoirprod/edition_page.html"

    class Meta:
        verbose_name = _("édition Territoir'Prod")
        verbose_name_plural = _("éditions Territoir'Prod")


class ThemePage(RoutablePageMixin, BasePage):
    """A theme of an edition: three sequences by videoconference and the in-person Journée expert on it."""

    description = RichTextField(_("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"])
    referent_territory = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("territoire référent"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="territoirprod_themes",
    )
    coordinator = models.ForeignKey(
        "interconnectes.Person", verbose_name=_("coordination (affichée)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="territoirprod_themes",
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("comptes de coordination"), blank=True,
        related_name="coordinated_themes",
        help_text=_("Les comptes qui coordonnent le thème et modèrent son espace d'échange."),
    )
    journee_expert = models.ForeignKey(
        "events.JourneeExpertPage", verbose_name=_("Journée expert du thème"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="territoirprod_themes",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("referent_territory"), FieldPanel("coordinator"), FieldPanel("coordinators")],
                        heading=_("Territoire référent et coordination")),
        FieldPanel("journee_expert"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    parent_page_types = ["territoirprod.EditionPage"]
    subpage_types: list[str] = []
    template = "territoirprod/theme_page.html"

    class Meta:
        verbose_name = _("thème Territoir'Prod")
        verbose_name_plural = _("thèmes Territoir'Prod")
