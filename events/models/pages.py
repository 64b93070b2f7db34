"""Page types of the events app: the agenda, the Journées experts tours and stops, the Forum."""

import datetime
import uuid
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from events import clock, ical, jsonld, timeline
from events.entries import Entry, Performer, Place
from events.forms import AgendaFilterForm, EventCopyForm, EventPageForm
from events.programme import group_programme, times_signature
from interconnectes.regions import Region
from interconnectes.routing import OwnRoutesFirstMixin
from interconnectes.view_restrictions import RoutedViewRestrictionsMixin

from .sessions import ProgrammeSession, SessionParticipant
from .snippets import EventTheme


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")


class OrganisationRole(models.TextChoices):
    ORGANISER = "organisateur", _("Organisateur")
    PARTNER = "partenaire", _("Partenaire")


def in_private_section():
    """Whether a view restriction covers the page or one of its ancestors, as a subquery.

    The same rule as Wagtail's ``.public()`` (a restricted page hides its whole subtree), without the extra query
    ``private_q()`` spends listing the restrictions first; ``~in_private_section()`` keeps the public pages.
    ``EventIndexPage.route_descendant`` annotates it on the page it serves: when False, the view-restriction check
    before serving asks nothing more (``RoutedViewRestrictionsMixin``, interconnectes/view_restrictions.py).
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIndexPage(RoutedViewRestrictionsMixin, OwnRoutesFirstMixin, Page):
    """The agenda: upcoming events first, then past ones by year; its .ics feed; the speaker pages."""

    intro = models.TextField(_("chapô"), max_length=800, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = ["events.TourPage", "events.ForumPage"]
    max_count = 1
    PER_PAGE = 12

    class Meta:
        verbose_name = _("agenda")

    def route_descendant(self, request, path_components):
        """Resolve any page below the agenda in two queries instead of two per level.

        The agenda's own routes (feed, speaker pages) come first (OwnRoutesFirstMixin). Otherwise one query reads
        the pages whose URL path starts the requested path (and, for a stop, its sibling stops, for "étape 3/7" and
        the previous/next links), with their view-restriction state; a second reads the deepest one as its specific
        type with its related rows. Each page of the chain gets its parent cached, so breadcrumbs and ``tour()`` cost
        nothing; the deepest page serves the rest of the path (its own sub-routes included).
        """
        candidates = [self.url_path + "/".join(path_components[:size]) + "/"
                      for size in range(1, len(path_components) + 1)]
        wanted = Q(url_path__in=candidates)
        if len(path_components) >= 2:  # maybe a stop: its siblings come along
            wanted |= Q(depth=self.depth + 2, url_path__startswith=candidates[0])
        pages = list(
            Page.objects.descendant_of(self).filter(wanted)
            .annotate(in_private_section=in_private_section(), start_date=F("eventpage__start_date"),
                      city=F("eventpage__city"))
            .order_by("depth", "path")
        )
        chain = [page for page in pages if page.url_path in candidates]
        if not chain:
            raise Http404
        parent = self
        for page in chain:
            page._cached_parent_obj = parent
            parent = page
        found = chain[-1]
        model = found.specific_class
        if model is None:
            raise Http404
        specific = model.routing_queryset().get(pk=found.pk) if hasattr(model, "routing_queryset") else found.specific
        specific._cached_parent_obj = found._cached_parent_obj
        specific.in_private_section = found.in_private_section
        if found.depth == self.depth + 2:
            specific.sibling_pages = [page for page in pages if page.depth == found.depth]
        return specific.route(request, path_components[found.depth - self.depth:])

    def events(self):
        """The agenda's live, public events, with what cards and feeds show, in one query."""
        return list(
            EventPage.objects.descendant_of(self).live().filter(~in_private_section())
            .select_related("venue", "theme", "calendar_state")
        )

    def filtered(self, request):
        """(form, events, filters) for the GET filters; invalid values are ignored, never a 500.

        The agenda holds a few dozen events a year: one query reads them all and the filters apply in Python.
        """
        events = self.events()
        years = sorted({event.start_date.year for event in events if event.start_date}, reverse=True)
        form = AgendaFilterForm(request.GET or None, themes=EventTheme.objects.all(), years=years)
        filters = {}
        if form.is_valid():
            filters = {name: value for name, value in form.cleaned_data.items() if value}
            if "theme" in filters:
                events = [event for event in events if event.theme and event.theme.slug == filters["theme"]]
            if "region" in filters:
                events = [event for event in events if event.region == filters["region"]]
            if "year" in filters:
                events = [event for event in events
                          if event.start_date and event.start_date.year == int(filters["year"])]
        return form, events, filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        form, events, filters = self.filtered(request)
        upcoming = [event for event in events if is_upcoming(event, now)]
        past = [event for event in events if not is_upcoming(event, now)]
        context["tours"] = list(TourPage.objects.child_of(self).live().filter(~in_private_section())
                                .order_by(F("season_start").desc(nulls_last=True), "-pk"))
        context["filter_form"] = form
        context["filter_query"] = urlencode(filters)
        context["upcoming_events"] = sorted(upcoming, key=lambda event: (
            event.start_date or datetime.date.min, event.start_time or datetime.time.min, event.pk))
        past.sort(key=lambda event: event.pk, reverse=True)
        past.sort(key=lambda event: event.start_date or datetime.date.min, reverse=True)  # undated ones last
        context["past_events"] = Paginator(past, self.PER_PAGE).get_page(request.GET.get("page"))
        feed_filters = {key: value for key, value in filters.items() if key in ("theme", "region")}
        query = "?" + urlencode(feed_filters) if feed_filters else ""
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed") + query
        context["webcal_url"] = webcal(self.get_full_url(request) + self.reverse_subpage("feed") + query)
        return context

    @path("ical/", name="feed")
    def feed(self, request):
        _form, events, _filters = self.filtered(request)
        events = sorted((event for event in events if event.start_date), key=lambda event: (event.start_date, event.pk))
        entries = [event.calendar_entry(request) for event in events]
        return _ics_response(ical.build_calendar(entries, name=str(_("Agenda des Interconnectés")), stamp=clock.now()),
                             "agenda-interconnectes.ics")

    @path("intervenants/<slug:slug>/", name="speaker")
    def speaker(self, request, slug):
        from interconnectes.models import Person

        person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
        participations = list(
            SessionParticipant.objects.filter(
                person=person, session__page__in=EventPage.objects.descendant_of(self).live().filter(~in_private_section())
            )
            .select_related("session__page", "session__room")
            .order_by("-session__day", "session__start_time")
        )
        if not participations:
            raise Http404
        context = {"page": self, "self": self, "request": request, "person": person,
                   "participations": participations}
        return TemplateResponse(request, "events/speaker_page.html", context)


def webcal(url):
    """The webcal:// form of an http(s) URL, which calendar applications open as a subscription."""
    return "webcal://" + url.split("://", 1)[1]


def upcoming_q(now):
    """Events that have not ended: a two-day Forum stays upcoming on its second day."""
    today, time = timeline.local_today(now), timeline.local_time(now)
    return Q(end_date__gt=today) | Q(end_date=today) & (Q(end_time__isnull=True) | Q(end_time__gt=time))


def is_upcoming(event, now):
    """upcoming_q() for an event already in memory."""
    today, time = timeline.local_today(now), timeline.local_time(now)
    return event.end_date is not None and (
        event.end_date > today or event.end_date == today and (event.end_time is None or event.end_time > time))


def upcoming_events(limit, now=None):
    """The next live events that have not ended (the home page shows a few)."""
    return list(
        EventPage.objects.live().filter(~in_private_section()).filter(upcoming_q(now or clock.now()))
        .select_related("venue", "theme")
        .order_by("start_date", "start_time", "pk")[:limit]
    )


class TourPage(RoutedViewRestrictionsMixin, Page):
    """One season of the Journées experts tour, e.g. "Journées experts 2024-2025"."""

    intro = models.TextField(_("chapô"), max_length=800, blank=True)
    season_start = models.DateField(_("début de la saison"), null=True, blank=True)
    season_end = models.DateField(_("fin de la saison"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("season_start"), FieldPanel("season_end")], heading=_("Saison")),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.JourneeExpertPage"]
    copy_form_class = EventCopyForm  # its stops could not be aliased with it

    class Meta:
        verbose_name = _("tournée des Journées experts")

    def stops(self):
        return (JourneeExpertPage.objects.child_of(self).live().filter(~in_private_section())
                .select_related("venue", "theme").order_by("start_date", "pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stops"] = list(self.stops())
        return context

    def clean(self):
        super().clean()
        if self.season_start and self.season_end and self.season_end < self.season_start:
            from django.core.exceptions import ValidationError

            raise ValidationError({"season_end": _("La fin de la saison précède son début.")})


class EventPage(RoutedViewRestrictionsMixin, RoutablePageMixin, Page):
    """What a Journée expert and a Forum share: dates, venue, status, programme, calendars."""

    intro = models.TextField(_("chapô"), max_length=800, blank=True)
    discover = RichTextField(_("À découvrir"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"])
    start_date = models.DateField(_("date de début"), null=True, blank=True,
                                  help_text=_("Laisser vide tant que la date n'est pas connue (Forum uniquement)."))
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    start_time = models.TimeField(_("heure de début"), null=True, blank=True)
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    venue = models.ForeignKey("events.Venue", verbose_name=_("lieu"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    city = models.CharField(_("ville"), max_length=120, blank=True,
                            help_text=_("Reprise du lieu si elle est laissée vide."))
    region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True,
                              help_text=_("Reprise du lieu si elle est laissée vide."))
    theme = models.ForeignKey("events.EventTheme", verbose_name=_("thème"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("statut"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    previous_start_date = models.DateField(_("date initialement prévue"), null=True, blank=True,
                                           help_text=_("Pour un événement reporté."))
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    registration_open = models.BooleanField(_("inscriptions ouvertes"), default=False)
    livestream_url = models.URLField(_("lien de la diffusion en direct"), blank=True)
    replay_url = models.URLField(_("lien des replays"), blank=True)
    ical_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("discover"),
                     index.FilterField("start_date")]
    base_form_class = EventPageForm
    copy_form_class = EventCopyForm
    is_creatable = False
    subpage_types = []
    exclude_fields_in_copy = ["ical_uid"]  # a copy is a new event; its sessions get new ones too (sessions.py)

    class Meta:
        verbose_name = _("événement")

    # Panels shared by the concrete types
    dates_panel = MultiFieldPanel(
        [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
         FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")])],
        heading=_("Dates et horaires (heure de Paris)"),
    )
    status_panel = MultiFieldPanel(
        [FieldPanel("status"), FieldPanel("previous_start_date")], heading=_("Statut"),
    )
    access_panel = MultiFieldPanel(
        [FieldPanel("registration_url"), FieldPanel("registration_open"), FieldPanel("livestream_url"),
         FieldPanel("replay_url")],
        heading=_("Inscription, direct et replays"),
    )
    programme_panel = InlinePanel("sessions", label=_("Session"), heading=_("Programme"))

    @property
    def is_forum(self):
        return False

    # Times ---------------------------------------------------------------
    @property
    def bounds(self):
        return timeline.event_bounds(self.start_date, self.end_date, self.start_time, self.end_time)

    @property
    def start(self):
        return self.bounds[0]

    @property
    def end(self):
        return self.bounds[1]

    @property
    def is_multi_day(self):
        return bool(self.end_date and self.end_date != self.start_date)

    def phase(self, now):
        if not self.start_date:
            return timeline.BEFORE
        return timeline.phase(*self.bounds, now)

    def save(self, *args, **kwargs):
        if self.venue_id and not (self.city and self.region):
            venue = self.venue
            self.city = self.city or venue.city
            self.region = self.region or venue.region
        super().save(*args, **kwargs)

    def times_signature(self, sessions):
        return times_signature(
            (self.start_date, self.end_date, self.start_time, self.end_time, self.status),
            [(s.ical_uid, s.day, s.start_time, s.end_time) for s in sessions],
        )

    def programme_signature(self, sessions):
        return "|".join(
            f"{s.ical_uid},{s.day},{s.start_time},{s.end_time},{s.title},{s.room_id},{s.kind},"
            + ";".join(f"{p.person_id}:{p.role}:{p.title_then}" for p in s.participants.all())
            for s in sorted(sessions, key=lambda s: str(s.ical_uid))
        )

    def _calendar_state_or_none(self):
        if not hasattr(self, "_calendar_state"):
            self._calendar_state = getattr(self, "calendar_state", None) if self.pk else None
        return self._calendar_state

    def calendar_sequence(self):
        state = self._calendar_state_or_none()
        return state.sequence if state else 0

    def session_sequence(self, session):
        """The session's own SEQUENCE; the event's for a session not yet recorded (what every session used to get)."""
        state = self._calendar_state_or_none()
        recorded = state.session_sequences.get(str(session.ical_uid)) if state else None
        return recorded[0] if recorded else self.calendar_sequence()

    def session_times_signature(self, session):
        """What moves a session's SEQUENCE: its times, and the event's status (a cancelled event cancels it)."""
        return f"{session.day}|{session.start_time}|{session.end_time}|{self.status}"

    def programme_updated_at(self):
        state = self._calendar_state_or_none()
        return state.programme_updated_at if state else None

    # Calendars and structured data -----------------------------------------
    def place(self, room=None):
        venue = self.venue
        if venue is None:
            return None
        return Place(
            name=venue.name, street=venue.address, postcode=venue.postcode, city=venue.city,
            region=venue.get_region_display() if venue.region else "", room=room.name if room else "",
            latitude=float(venue.latitude) if venue.latitude is not None else None,
            longitude=float(venue.longitude) if venue.longitude is not None else None,
        )

    def series(self, request):
        return None

    def calendar_entry(self, request, *, sessions=(), organisations=(), sequence=None) -> Entry:
        previous = None
        if self.previous_start_date:
            previous = timeline.local_datetime(self.previous_start_date, self.start_time)
        performers, seen = [], set()
        for session in sessions:
            for participant in session.participants.all():
                if participant.person_id not in seen:
                    seen.add(participant.person_id)
                    performers.append(Performer(participant.person.name, participant.title_then,
                                                participant.organisation_then))
        return Entry(
            uid=f"{self.ical_uid}@interconnectes",
            name=self.title,
            url=self.get_full_url(request),
            start=self.start if self.start_date else None,
            end=self.end if self.start_date else None,
            sequence=self.calendar_sequence() if sequence is None else sequence,
            description=self.intro,
            status=self.status,
            previous_start=previous,
            last_modified=self.last_published_at,
            place=self.place(),
            live_stream_url=self.livestream_url,
            organizers=tuple((link.organisation.name, link.organisation.website) for link in organisations
                             if link.role == OrganisationRole.ORGANISER),
            performers=tuple(performers),
            series=self.series(request),
        )

    def session_entry(self, request, session) -> Entry:
        return Entry(
            uid=f"{session.ical_uid}@interconnectes",
            name=f"{session.title} · {self.title}",
            url=self.get_full_url(request) + f"#session-{session.ical_uid}",
            start=session.start,
            end=session.end,
            sequence=self.session_sequence(session),
            description=session.description,
            status=self.status,
            last_modified=self.last_published_at,
            place=self.place(session.room),
            live_stream_url=self.livestream_url if session.is_live else "",
        )

    # Data for templates -------------------------------------------------------
    AGENDA_LEVELS_UP = 1

    def speakers_url(self, request=None):
        """The agenda's speaker pages prefix, derived from this page's URL (the agenda is 1 or 2 levels up)."""
        url = self.get_url(request)
        if not url or not self.pk:
            return ""
        parts = url.rstrip("/").split("/")
        return "/".join(parts[:len(parts) - self.AGENDA_LEVELS_UP]) + "/intervenants/"

    @classmethod
    def routing_queryset(cls):
        """How the agenda's routing reads this page: with everything get_context() reads through a foreign key."""
        return cls.objects.select_related("venue", "theme", "calendar_state").annotate(fetched_for_serving=Value(True))

    def inline_rows(self, *, key_figures):
        """Organisations (with their organisation), contacts and, if asked, key figures: one UNION query.

        Returns {"organisations": [...], "contacts": [...], "key_figures": [...]} of model instances; subclasses
        add their own small inline tables through ``inline_querysets()``.
        """
        querysets = self.inline_querysets(key_figures=key_figures)
        first, *others = [queryset.values_list(*INLINE_COLUMNS) for queryset in querysets.values()]
        rows = first.union(*others, all=True) if others else first
        result = {kind: [] for kind in querysets}
        for row in sorted(rows, key=lambda row: (row[1] if row[1] is not None else -1, row[2])):
            kind, sort_order, pk, a, b, c, d, e = row
            result[kind].append(self.inline_instance(kind, pk, sort_order, a, b, c, d, e))
        return result

    def inline_querysets(self, *, key_figures):
        querysets = {
            "organisations": inline_columns(
                EventOrganisation.objects.filter(page_id=self.pk), "organisations", a=F("role"), b=F("tier"),
                c=F("organisation__name"), d=F("organisation__website"), e=F("organisation_id")),
            "contacts": inline_columns(
                EventContact.objects.filter(page_id=self.pk), "contacts", a=F("name"), b=F("role"), c=F("email")),
        }
        if key_figures:
            querysets["key_figures"] = inline_columns(
                EventKeyFigure.objects.filter(page_id=self.pk), "key_figures", a=F("value"), b=F("label"))
        return querysets

    def inline_instance(self, kind, pk, sort_order, a, b, c, d, e):
        from interconnectes.models import Organisation

        if kind == "organisations":
            link = EventOrganisation(id=pk, sort_order=sort_order, page_id=self.pk, organisation_id=e, role=a, tier=b)
            link.organisation = Organisation(id=e, name=c, website=d)  # what pages and calendars show of it
            return link
        if kind == "contacts":
            return EventContact(id=pk, sort_order=sort_order, page_id=self.pk, name=a, role=b, email=c)
        if kind == "key_figures":
            return EventKeyFigure(id=pk, sort_order=sort_order, page_id=self.pk, value=a, label=b)
        raise ValueError(kind)

    def programme_sessions(self):
        return list(
            ProgrammeSession.objects.filter(page=self).select_related("room")
            .prefetch_related(Prefetch("participants",
                                       queryset=SessionParticipant.objects.select_related("person")))
            .order_by("day", "start_time", "sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        phase = self.phase(now)
        saved = self.pk and not getattr(request, "is_preview", False)
        if saved and not getattr(self, "fetched_for_serving", False):  # not reached through the agenda's routing
            page = EventPage.objects.select_related("venue", "theme", "calendar_state").get(pk=self.pk)
            # Copy the related objects onto self so the template uses them without further queries.
            for name in ("venue", "theme"):
                if getattr(page, f"{name}_id") == getattr(self, f"{name}_id"):
                    setattr(self, name, getattr(page, name))
            # The reverse one-to-one is cached by select_related, even when there is no row yet.
            self._calendar_state = getattr(page, "calendar_state", None)
        if saved:
            sessions = self.programme_sessions()
            inline = self.inline_rows(key_figures=phase == timeline.AFTER)
        else:  # a preview: the programme and the inline rows are the ones in the editor, not yet saved
            sessions = sorted(self.sessions.all(), key=lambda s: (s.day, s.start_time, s.sort_order or 0))
            inline = {"organisations": list(self.organisations.select_related("organisation")),
                      "contacts": list(self.contacts.all()),
                      "key_figures": list(self.key_figures.all()) if phase == timeline.AFTER else []}
        self._inline_rows = inline
        organisations = inline["organisations"]
        context.update(
            now=now,
            phase=phase,
            programme=group_programme(sessions),
            sessions=sessions,
            live_sessions=[session for session in sessions if session.is_on_at(now)],
            organisers=[link for link in organisations if link.role == OrganisationRole.ORGANISER],
            partners=[link for link in organisations if link.role == OrganisationRole.PARTNER],
            key_figures=inline.get("key_figures", []),
            contacts=inline["contacts"],
            programme_updated_at=self.programme_updated_at(),
            jsonld=jsonld.script_tag(jsonld.event_dict(
                self.calendar_entry(request, sessions=sessions, organisations=organisations))),
            ical_url=self.get_url(request) + self.reverse_subpage("ical"),
            speakers_url=self.speakers_url(request),
        )
        context["webcal_url"] = webcal(self.get_full_url(request) + self.reverse_subpage("ical"))
        return context

    @path("ical/", name="ical")
    def ical_event(self, request):
        if not self.start_date:
            raise Http404
        entry = self.calendar_entry(request)
        return _ics_response(ical.build_calendar([entry], stamp=clock.now()), f"{self.slug}.ics")

    @path("ical/session/<uuid:uid>/", name="ical_session")
    def ical_session(self, request, uid):
        session = get_object_or_404(ProgrammeSession.objects.select_related("room"), page=self, ical_uid=uid)
        entry = self.session_entry(request, session)
        return _ics_response(ical.build_calendar([entry], stamp=clock.now()), f"{self.slug}-session.ics")


class JourneeExpertPage(EventPage):
    """A stop of the tour: one day, one host city, one theme."""

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("venue")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
        MultiFieldPanel(
            [FieldPanel("start_date", heading=_("Date")),
             FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")])],
            heading=_("Date et horaires (heure de Paris)"),
        ),
        EventPage.status_panel,
        FieldPanel("discover"),
        InlinePanel("organisations", label=_("Organisation"), heading=_("Organisateurs et partenaires")),
        EventPage.access_panel,
        InlinePanel("contacts", label=_("Contact")),
        EventPage.programme_panel,
    ]
    parent_page_types = ["events.TourPage"]
    subpage_types = []
    template = "events/journee_expert_page.html"
    AGENDA_LEVELS_UP = 2

    class Meta:
        verbose_name = _("Journée expert")
        verbose_name_plural = _("Journées experts")

    def save(self, *args, **kwargs):
        self.end_date = self.start_date
        super().save(*args, **kwargs)

    def clean(self):
        self.end_date = self.start_date
        super().clean()
        if not self.start_date:
            from django.core.exceptions import ValidationError

            raise ValidationError({"start_date": _("Indiquez la date de la Journée expert.")})

    def tour(self):
        """The parent tour, fetched once per instance (the JSON-LD and the template both need it)."""
        if not hasattr(self, "_tour"):
            self._tour = self.get_parent() if self.pk else None
        return self._tour

    def series(self, request):
        tour = self.tour()
        return (tour.title, tour.get_full_url(request)) if tour else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if hasattr(self, "sibling_pages"):  # read along with the route: the tour's stops, as plain pages
            stops = sorted((stop for stop in self.sibling_pages if stop.live and not stop.in_private_section),
                           key=lambda stop: (stop.start_date or datetime.date.min, stop.pk))
        else:
            stops = list(
                JourneeExpertPage.objects.sibling_of(self).live().filter(~in_private_section())
                .order_by("start_date", "pk")
            ) if self.pk else []
        position = next((index for index, stop in enumerate(stops) if stop.pk == self.pk), None)
        if position is not None:
            context.update(
                stop_number=position + 1,
                stop_count=len(stops),
                previous_stop=stops[position - 1] if position > 0 else None,
                next_stop=stops[position + 1] if position + 1 < len(stops) else None,
            )
        context["tour"] = self.tour()
        return context


class ForumPage(EventPage):
    """One edition of the national Forum: several days, rooms, key figures, partners by tier."""

    edition_year = models.PositiveSmallIntegerField(_("édition"))
    host_territory = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("territoire d'accueil"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("edition_year"), FieldPanel("host_territory")]),
        FieldPanel("intro"),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
        EventPage.dates_panel,
        EventPage.status_panel,
        FieldPanel("discover"),
        InlinePanel("key_figures", label=_("Chiffre clé"), heading=_("Chiffres clés (affichés après l'événement)")),
        InlinePanel("label_campaigns", label=_("Campagne de label"),
                    heading=_("Campagnes de label dont le Forum accueille la cérémonie")),
        InlinePanel("organisations", label=_("Organisation"), heading=_("Organisateurs et partenaires")),
        EventPage.access_panel,
        InlinePanel("contacts", label=_("Contact")),
        EventPage.programme_panel,
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/forum_page.html"

    class Meta:
        verbose_name = _("Forum")
        verbose_name_plural = _("Forums")

    @property
    def is_forum(self):
        return True

    @classmethod
    def routing_queryset(cls):
        return super().routing_queryset().select_related("host_territory")

    def inline_querysets(self, *, key_figures):
        querysets = super().inline_querysets(key_figures=key_figures)
        querysets["label_campaigns"] = inline_columns(
            ForumLabelCampaign.objects.filter(page_id=self.pk, campaign__live=True), "label_campaigns",
            a=F("campaign__title"), b=F("campaign__url_path"), e=F("campaign_id"))
        return querysets

    def inline_instance(self, kind, pk, sort_order, a, b, c, d, e):
        if kind == "label_campaigns":
            # What a link needs: the title and the URL path (pageurl resolves it against the site root paths).
            return Page(id=e, title=a, url_path=b, live=True)
        return super().inline_instance(kind, pk, sort_order, a, b, c, d, e)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "label_campaigns" in self._inline_rows:
            context["label_campaigns"] = self._inline_rows["label_campaigns"]
        else:
            context["label_campaigns"] = [
                link.campaign for link in self.label_campaigns.select_related("campaign") if link.campaign.live
            ]
        return context

    def phase(self, now):
        """A past edition whose exact dates are not recorded is still a past edition."""
        if not self.start_date and self.edition_year and self.edition_year < timeline.local_today(now).year:
            return timeline.AFTER
        return super().phase(now)


class ForumLabelCampaign(Orderable):
    """A label campaign whose ceremony the Forum hosts (a plain page link: no migration tie to the labels app)."""

    page = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="label_campaigns")
    campaign = models.ForeignKey("wagtailcore.Page", verbose_name=_("campagne de label"), on_delete=models.CASCADE,
                                 related_name="+")

    panels = [PageChooserPanel("campaign", "labels.LabelCampaignPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("campagne de label")


class EventOrganisation(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rôle"), max_length=16, choices=OrganisationRole.choices,
                            default=OrganisationRole.PARTNER)
    tier = models.CharField(_("niveau de partenariat"), max_length=60, blank=True,
                            help_text=_("Par exemple : Partenaire premium, Partenaire officiel."))

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("tier")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")


class EventKeyFigure(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=20)
    label = models.CharField(_("libellé"), max_length=120)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("chiffre clé")


class EventContact(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nom ou service"), max_length=120)
    role = models.CharField(_("rôle"), max_length=160, blank=True)
    email = models.EmailField(_("adresse e-mail"), blank=True,
                              help_text=_("De préférence une adresse de service (evenements@…)."))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")


INLINE_COLUMNS = ("kind", "position", "row_id", "a", "b", "c", "d", "e")


def inline_columns(queryset, kind, **columns):
    """The common columns of EventPage.inline_rows(): kind, position, id, four texts (a to d) and an id (e)."""
    text = {name: columns.get(name, Value(None, output_field=CharField())) for name in ("a", "b", "c", "d")}
    return queryset.order_by().annotate(
        kind=Value(kind, output_field=CharField()), position=F("sort_order"), row_id=F("id"), **text,
        e=columns.get("e", Value(None, output_field=IntegerField())),
    )


class EventCalendarState(models.Model):
    """Calendar bookkeeping kept out of page revisions, so publishing an old revision cannot move it back."""

    page = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="calendar_state")
    sequence = models.PositiveIntegerField(default=0)
    times_signature = models.TextField(blank=True)
    programme_signature = models.TextField(blank=True)
    programme_updated_at = models.DateTimeField(null=True, blank=True)
    # {session ical_uid: [sequence, times signature]}: each session's own SEQUENCE in its .ics file. Entries of
    # deleted sessions stay, so a session restored by an older revision never goes back to a lower SEQUENCE.
    session_sequences = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("état du calendrier")

