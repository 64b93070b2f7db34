"""The programme's pages: the programme → an edition (a year) → its themes.

Sequences are rows (`territoirprod.models.sequences`), not page children: enrolments, attendance, reminders
and replays point at them, and a row keeps its key whatever the editing of the theme's page.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from events import ical, timeline
from events.models.event_pages import ics_response
from interconnectes import clock
from interconnectes.content_version import content_version
from interconnectes.models.base import BasePage
from interconnectes.restrictions import private_q
from territoirprod import calendar, personal, programme

from .sequences import Sequence, SequenceSpeaker


def sequences_with_speakers():
    """Sequences with what the programme shows of them, in two more queries whatever their number."""
    return Sequence.objects.prefetch_related(
        Prefetch("speakers", queryset=SequenceSpeaker.objects.select_related("person")))


def themes_of(edition):
    """The edition's published public themes, with what the programme shows of them."""
    return (ThemePage.objects.child_of(edition).live().exclude(private_q())
            .select_related("referent_territory", "coordinator", "journee_expert").order_by("path"))


def theme_programme(theme, sequences) -> list:
    """The theme's sequences and its Journée expert (when published), in date order."""
    journee = theme.journee_expert if theme.journee_expert_id and theme.journee_expert.live else None
    start = timeline.local_datetime(journee.start_date, journee.start_time) if journee and journee.start_date \
        else None
    return programme.in_date_order(sequences, journee, start)


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = SimpleLazyObject(
            lambda: list(EditionPage.objects.child_of(self).live().exclude(private_q()).order_by("-label")))
        return context


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

    def programme(self) -> list[dict]:
        """Each theme with its programme in date order: three queries, whatever the number of sequences."""
        themes = list(themes_of(self))
        by_theme: dict[int, list] = {theme.pk: [] for theme in themes}
        for sequence in sequences_with_speakers().filter(theme_id__in=by_theme):
            by_theme[sequence.theme_id].append(sequence)
        return [{"theme": theme, "items": theme_programme(theme, by_theme[theme.pk])} for theme in themes]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = SimpleLazyObject(self.programme)
        context["personal"] = personal.for_page(request, self, None, clock.now())
        return context


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

    def save(self, *args, **kwargs):
        """Each edition has its "IA" theme: the browser title names the edition too, unless the editor wrote one."""
        if not self.seo_title and self.path:
            self.seo_title = _("%(theme)s · Territoir'Prod %(edition)s") % {
                "theme": self.title, "edition": self.get_parent().title}
        return super().save(*args, **kwargs)

    def sequences_in_order(self) -> list:
        return list(sequences_with_speakers().filter(theme=self))

    def visio_windows(self) -> list[tuple]:
        """(number, starts_at, ends_at, visio_url) of the sequences, kept in the cache until the site's content
        changes (a sequence saved moves its version): what each signed-in reader's visio links are drawn from."""
        return cache.get_or_set(
            f"territoirprod:visio:{self.pk}:{content_version()}",
            lambda: list(Sequence.objects.filter(theme=self).values_list("number", "starts_at", "ends_at",
                                                                         "visio_url")),
            timeout=86400)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        edition = SimpleLazyObject(lambda: self.get_parent().specific)  # read in the cached fragments only
        context.update(
            edition=edition,
            programme=SimpleLazyObject(lambda: theme_programme(self, self.sequences_in_order())),
            personal=personal.for_page(request, None, self, clock.now(), self.visio_windows),
            ical_url=self.url + "ical/",
        )
        return context

    @path("ical/", name="ical")
    def ical_theme(self, request):
        theme_url = self.get_full_url(request)
        entries = [calendar.sequence_entry(sequence, self, theme_url) for sequence in self.sequences_in_order()]
        return ics_response(ical.build_calendar(entries, name=f"Territoir'Prod · {self.title}", stamp=clock.now()),
                            f"territoirprod-{self.slug}.ics")

    @path("ical/<uuid:uid>/", name="ical_sequence")
    def ical_sequence(self, request, uid):
        sequence = get_object_or_404(sequences_with_speakers(), theme=self, ical_uid=uid)
        entry = calendar.sequence_entry(sequence, self, self.get_full_url(request))
        return ics_response(ical.build_calendar([entry], stamp=clock.now()),
                            f"territoirprod-{self.slug}-{sequence.number}.ics")
