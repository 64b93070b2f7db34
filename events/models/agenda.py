"""The agenda (upcoming events first, then past ones by year; its .ics feed; the speaker pages) and the tours of
the Journées experts, each listing its stops."""

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from events import feeds, ical, timeline
from events.admin_forms import EventCopyForm
from events.agenda import AgendaFilterForm
from events.feeds import EventFeed
from interconnectes import clock, seo, sharing
from interconnectes import jsonld as site_jsonld
from interconnectes.content_version import time_slot
from interconnectes.feed_links import feed_above
from interconnectes.models.base import BasePage
from interconnectes.models.snippets import Person
from interconnectes.restrictions import private_q

from .event_pages import (
    UPCOMING_REFRESH_MINUTES,
    EventPage,
    JourneeExpertPage,
    ics_response,
    public_events,
    upcoming_q,
    webcal,
)
from .sessions import SessionParticipant
from .snippets import EventTheme


@dataclass
class Agenda:
    """What the agenda page shows for one set of filters: built on a cold cache only."""

    filter_form: AgendaFilterForm
    upcoming_events: object  # a Paginator page
    past_events: object  # a Paginator page
    upcoming_query: str  # the filters and the page of past events, kept by the links between upcoming pages
    past_query: str  # the filters and the page of upcoming events, kept by the links between past pages
    tours: list
    feed_url: str
    webcal_url: str


class EventIndexPage(RoutablePageMixin, BasePage):
    """The agenda: upcoming events first, then past ones by year; its .ics feed; the speaker pages."""

    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["events.TourPage", "events.ForumPage"]
    max_count = 1
    PER_PAGE = 12
    SPEAKER_PER_PAGE = 20  # a speaker's sessions, newest first
    SPEAKERS_PER_PAGE = 40  # the speaker index, by name
    UPCOMING_PAGE = "a_venir"  # the GET parameter of the page of upcoming events ("page" is the past's)
    FILTERS = ("theme", "region", "year")

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        """The agenda's live, public events, as a query: filters, order and pages are applied in the database."""
        return public_events(EventPage.objects.descendant_of(self)).select_related("calendar_state")

    def feed_events(self, now, limit: int) -> list:
        """The agenda's feed: the events to come (soonest first), then the latest past ones, `limit` in all."""
        events = self.events()
        upcoming = list(events.filter(upcoming_q(now)).order_by(
            F("start_date").asc(nulls_last=True), F("start_time").asc(nulls_first=True), "pk")[:limit])
        past = list(events.exclude(upcoming_q(now)).order_by(F("start_date").desc(nulls_last=True), "-pk")
                    [:limit - len(upcoming)]) if len(upcoming) < limit else []
        return upcoming + past

    def filtered(self, request):
        """(form, events, filters) for the GET filters, applied in SQL; invalid values are ignored, never a 500."""
        events = self.events()
        years = [day.year for day in events.filter(start_date__isnull=False).dates("start_date", "year", "DESC")]
        form = AgendaFilterForm(request.GET or None, themes=EventTheme.objects.all(), years=years)
        filters = {}
        if form.is_valid():
            filters = {name: value for name, value in form.cleaned_data.items() if value}
            if "theme" in filters:
                events = events.filter(theme__slug=filters["theme"])
            if "region" in filters:
                events = events.filter(region=filters["region"])
            if "year" in filters:
                events = events.filter(start_date__year=filters["year"])
        return form, events, filters

    def agenda(self, request, now) -> Agenda:
        form, events, filters = self.filtered(request)
        upcoming = events.filter(upcoming_q(now)).order_by(
            F("start_date").asc(nulls_first=True), F("start_time").asc(nulls_first=True), "pk")
        past = events.exclude(upcoming_q(now)).order_by(F("start_date").desc(nulls_last=True), "-pk")
        feed_filters = {key: value for key, value in filters.items() if key in ("theme", "region")}
        feed = self.reverse_subpage("feed") + ("?" + urlencode(feed_filters) if feed_filters else "")
        upcoming_page = Paginator(upcoming, self.PER_PAGE).get_page(request.GET.get(self.UPCOMING_PAGE))
        past_page = Paginator(past, self.PER_PAGE).get_page(request.GET.get("page"))
        return Agenda(
            filter_form=form,
            upcoming_events=upcoming_page,
            past_events=past_page,
            upcoming_query=urlencode({**filters, "page": past_page.number}),
            past_query=urlencode({**filters, self.UPCOMING_PAGE: upcoming_page.number}),
            tours=list(TourPage.objects.child_of(self).live().exclude(private_q())
                       .order_by(F("season_start").desc(nulls_last=True), "-pk")),
            feed_url=self.get_url(request) + feed,
            webcal_url=webcal(self.get_full_url(request) + feed),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        context["agenda"] = SimpleLazyObject(lambda: self.agenda(request, now))
        # The fragment's key: the time (an event moves from upcoming to past when it ends) and the filters.
        varying = (*self.FILTERS, "page", self.UPCOMING_PAGE)
        context["cache_vary"] = [time_slot(now, UPCOMING_REFRESH_MINUTES),
                                 *(request.GET.get(name, "")[:40] for name in varying)]
        return context

    @path("ical/", name="feed")
    def feed(self, request):
        _form, events, _filters = self.filtered(request)
        entries = [event.calendar_entry(request)
                   for event in events.filter(start_date__isnull=False).order_by("start_date", "pk")]
        return ics_response(ical.build_calendar(entries, name=str(_("Agenda des Interconnectés")), stamp=clock.now()),
                             "agenda-interconnectes.ics")

    def public_event_pages(self):
        return EventPage.objects.descendant_of(self).live().exclude(private_q())

    def speakers(self):
        """The people who took part in a session of a live, public event of the agenda, in alphabetical order (a
        query): by their slug, the name without accents or capitals, which sorts "Éric" with the E on every database
        where the name itself would put it after "Zoé"."""
        return Person.objects.filter(participations__session__page__in=self.public_event_pages()).distinct() \
            .order_by("slug", "pk")

    def speaker_url(self, request, person) -> str:
        return self.get_full_url(request) + self.reverse_subpage("speaker", args=(person.slug,))

    def get_sitemap_urls(self, request=None):
        """The agenda, then its speaker index and every speaker's page (one query for all of them)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)  # once: thousands of speakers at national scale
        return [*urls, {"location": base + self.reverse_subpage("speakers")},
                *({"location": base + self.reverse_subpage("speaker", args=(slug,))}
                  for slug in self.speakers().values_list("slug", flat=True))]

    def feed_links(self, request) -> list:
        return feed_above(self, request, feeds.TITLE)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return EventFeed(self, request)(request)

    @path("intervenants/", name="speakers")
    def speaker_index(self, request):
        """Every speaker by name, a page of them read in SQL, each linking to their page."""
        speakers = Paginator(self.speakers().select_related("organisation"), self.SPEAKERS_PER_PAGE) \
            .get_page(request.GET.get("page"))
        context = {"page": self, "self": self, "request": request, "speakers": speakers,
                   "meta_description": seo.shorten(_("Les intervenantes et intervenants des Journées experts et des "
                                                     "Forums des Interconnectés, de A à Z."))}
        return TemplateResponse(request, "events/speaker_index.html", context)

    @path("intervenants/<slug:slug>/", name="speaker")
    def speaker(self, request, slug):
        person = get_object_or_404(Person.objects.select_related("organisation", "photo"), slug=slug)
        public = self.public_event_pages()
        participations = Paginator(
            SessionParticipant.objects.filter(person=person, session__page__in=public)
            .select_related("session__page", "session__room")
            .order_by("-session__day", "session__start_time", "pk"),
            self.SPEAKER_PER_PAGE,
        ).get_page(request.GET.get("page"))
        if not participations.paginator.count:
            raise Http404
        context = {"page": self, "self": self, "request": request, "person": person,
                   "participations": participations, "share_image": person.photo,
                   "meta_description": speaker_description(person),
                   "structured_data": partial(speaker_structured_data, request, self, person)}
        return TemplateResponse(request, "events/speaker_page.html", context)


def speaker_description(person) -> str:
    """Their short biography, else their role: "Directrice du numérique, Ville de Lyon"."""
    role = ", ".join(part for part in (person.role, person.organisation.name if person.organisation else "") if part)
    fallback = _("%(name)s, intervenant·e des rencontres des Interconnectés.") % {"name": person.name}
    return seo.description(person.bio, role, fallback=fallback)


def speaker_structured_data(request, agenda, person) -> str:
    image = sharing.share_image(request, image=person.photo).url if person.photo else ""
    return site_jsonld.script_tag(site_jsonld.person(
        name=person.name, url=agenda.speaker_url(request, person), job_title=person.role,
        organisation=person.organisation.name if person.organisation else "", image=image,
        description=seo.shorten(person.bio)))


class TourPage(BasePage):
    """One season of the Journées experts tour, e.g. "Journées experts 2024-2025"."""

    season_start = models.DateField(_("début de la saison"), null=True, blank=True)
    season_end = models.DateField(_("fin de la saison"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("season_start"), FieldPanel("season_end")], heading=_("Saison")),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.JourneeExpertPage"]
    copy_form_class = EventCopyForm  # its stops could not be aliased with it

    class Meta:
        verbose_name = _("tournée des Journées experts")

    def feed_links(self, request) -> list:
        return feed_above(self, request, feeds.TITLE, levels=1)  # the agenda's

    def stops(self):
        return public_events(JourneeExpertPage.objects.child_of(self)).order_by("start_date", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stops"] = SimpleLazyObject(lambda: list(self.stops()))
        context["cache_vary"] = [timeline.local_today(clock.now()).isoformat()]
        return context

    def clean(self):
        super().clean()
        if self.season_start and self.season_end and self.season_end < self.season_start:
            raise ValidationError({"season_end": _("La fin de la saison précède son début.")})


