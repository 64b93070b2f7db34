"""The event pages: what a Journée expert and a Forum share (EventPage), and each of them.

Pages read what they show in `get_context` as lazy values (`django.utils.functional.SimpleLazyObject`):
the templates evaluate them inside fragments cached per page, content version and phase
(`{% wagtailpagecache %}`), so a page served from warm caches asks the database nothing for its body.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from events import feeds, ical, jsonld, timeline
from events.admin_forms import EventCopyForm, EventPageForm, ProgrammePanel
from events.entries import Entry, Performer, Place
from events.programme import group_programme, times_signature
from interconnectes import canonical, clock, sharing
from interconnectes import jsonld as site_jsonld
from interconnectes.content_version import time_slot
from interconnectes.feed_links import feed_above, up
from interconnectes.models.base import BasePage
from interconnectes.regions import Region
from interconnectes.restrictions import private_q
from replays.models import Replay

from .sessions import ProgrammeSession, SessionParticipant

# During an event, the "En ce moment" list is renewed every this many minutes.
LIVE_REFRESH_MINUTES = 5
# An event moves from "upcoming" to "past" in the agenda at most this late after it ends.
UPCOMING_REFRESH_MINUTES = 5


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")


class OrganisationRole(models.TextChoices):
    ORGANISER = "organisateur", _("Organisateur")
    PARTNER = "partenaire", _("Partenaire")


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_events(queryset):
    """Live events that no view restriction covers, with what cards and feeds show of them."""
    return queryset.live().exclude(private_q()).select_related("venue", "theme")


def webcal(url):
    """The webcal:// form of an http(s) URL, which calendar applications open as a subscription."""
    return "webcal://" + url.split("://", 1)[1]


def upcoming_q(now):
    """Events that have not ended: a two-day Forum stays upcoming on its second day."""
    today, time = timeline.local_today(now), timeline.local_time(now)
    return Q(end_date__gt=today) | Q(end_date=today) & (Q(end_time__isnull=True) | Q(end_time__gt=time))


def upcoming_events(limit, now=None):
    """The next live events that have not ended (the home page shows a few)."""
    return list(public_events(EventPage.objects.all()).filter(upcoming_q(now or clock.now()))
                .order_by("start_date", "start_time", "pk")[:limit])


@dataclass
class EventDetails:
    """What an event page shows besides its own fields, read together on a cold cache.

    Real model instances throughout: the venue and theme as the page's own
    relations, the programme with its rooms and participants, the
    organisations, contacts and key figures as the page's inline rows.
    """

    venue: object
    theme: object
    sessions: list
    programme: list
    live_sessions: list
    organisers: list
    partners: list
    key_figures: list
    contacts: list
    programme_updated_at: datetime.datetime | None
    jsonld: str
    extra: dict = field(default_factory=dict)  # what a page type adds (a stop's place in its tour…)
    replays: list = field(default_factory=list)  # the sessions' replays any page may name, in programme order


class EventPage(RoutablePageMixin, BasePage):
    """What a Journée expert and a Forum share: dates, venue, status, programme, calendars."""

    # After the event, its replays are shown beside their sessions; the Forum (many rooms, two days) also gathers
    # them in one section of its page.
    gathers_replays = False

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

    search_fields = [*BasePage.search_fields, index.SearchField("discover"), index.FilterField("start_date")]
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
    programme_panel = ProgrammePanel("sessions", label=_("Session"), heading=_("Programme"))

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

    @cached_property
    def calendar(self):
        """The event's calendar bookkeeping (`EventCalendarState`), None before its first publication.

        No query when the page was read with `select_related("calendar_state")`.
        """
        return getattr(self, "calendar_state", None) if self.pk else None

    def calendar_sequence(self):
        return self.calendar.sequence if self.calendar else 0

    def session_sequence(self, session):
        """The session's own SEQUENCE; the event's for a session not yet recorded (what every session used to get)."""
        recorded = self.calendar.session_sequences.get(str(session.ical_uid)) if self.calendar else None
        return recorded[0] if recorded else self.calendar_sequence()

    def session_times_signature(self, session):
        """What moves a session's SEQUENCE: its times, and the event's status (a cancelled event cancels it)."""
        return f"{session.day}|{session.start_time}|{session.end_time}|{self.status}"

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
            all_day=self.start_time is None and self.end_time is None,
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
        return up(url, self.AGENDA_LEVELS_UP) + "intervenants/"

    def feed_links(self, request) -> list:
        return feed_above(self, request, feeds.TITLE, levels=self.AGENDA_LEVELS_UP)  # the agenda's

    def programme_sessions(self):
        """The sessions in programme order, with their rooms and participants (the editor's, in a preview)."""
        sessions = self.sessions.select_related("room")
        if not self.sessions.is_deferring:  # a preview's sessions hold the editor's participants in memory
            sessions = sessions.prefetch_related(
                Prefetch("participants", queryset=SessionParticipant.objects.select_related("person")),
                Prefetch("replays", queryset=Replay.objects.announced().only(
                    "title", "slug", "visibility", "session_id"), to_attr="announced_replays"))
        return sorted(sessions, key=lambda s: (s.day, s.start_time, s.sort_order or 0))

    def read_relations(self):
        """The venue, theme and calendar bookkeeping in one query, set on this instance."""
        page = EventPage.objects.select_related("venue", "theme", "calendar_state").get(pk=self.pk)
        for name in ("venue", "theme"):
            if getattr(page, f"{name}_id") == getattr(self, f"{name}_id"):
                setattr(self, name, getattr(page, name))
        self.calendar = getattr(page, "calendar_state", None)

    def details(self, request, now) -> EventDetails:
        if self.pk and not getattr(request, "is_preview", False):  # a preview shows the editor's unsaved choices
            self.read_relations()
        phase = self.phase(now)
        sessions = self.programme_sessions()
        organisations = list(self.organisations.select_related("organisation"))
        return EventDetails(
            venue=self.venue,
            theme=self.theme,
            sessions=sessions,
            programme=group_programme(sessions),
            live_sessions=[session for session in sessions if session.is_on_at(now)],
            organisers=[link for link in organisations if link.role == OrganisationRole.ORGANISER],
            partners=[link for link in organisations if link.role == OrganisationRole.PARTNER],
            key_figures=list(self.key_figures.all()) if phase == timeline.AFTER else [],
            contacts=list(self.contacts.all()),
            programme_updated_at=self.calendar.programme_updated_at if self.calendar else None,
            jsonld=self.structured_data(request, sessions, organisations),
            extra=self.extra_details(request),
            replays=[replay for session in sessions for replay in getattr(session, "announced_replays", ())]
            if phase == timeline.AFTER and self.gathers_replays else [],
        )

    def structured_data(self, request, sessions, organisations) -> str:
        """The Event, when its date is known (search engines refuse an event without one)."""
        if not self.start_date:
            return ""
        town = Place(name=self.city, city=self.city, region=self.get_region_display() if self.region else "") \
            if self.venue is None and self.city else None
        association = site_jsonld.publisher(canonical.root_url(request) + "/", sharing.logo_url(request))
        return jsonld.script_tag(jsonld.event_dict(
            self.calendar_entry(request, sessions=sessions, organisations=organisations),
            image=sharing.share_image(request, self).url, town=town, organizer=association))

    def description_candidates(self) -> tuple[str, ...]:
        """The lead, else what, when and where: "Journée expert, 12 mars 2027, Lyon"."""
        when = date_format(self.start_date, "j F Y") if self.start_date else ""
        summary = ", ".join(str(part) for part in (self._meta.verbose_name, when, self.city) if part)
        return (self.intro, summary)

    def extra_details(self, request) -> dict:
        """What a page type shows besides the common details (see the Journée expert and the Forum)."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        phase = self.phase(now)
        context.update(
            now=now,
            phase=phase,
            event=SimpleLazyObject(lambda: self.details(request, now)),
            ical_url=self.get_url(request) + self.reverse_subpage("ical"),
            webcal_url=webcal(self.get_full_url(request) + self.reverse_subpage("ical")),
            speakers_url=self.speakers_url(request),
            # The fragments' key: the phase, and during the event the time ("En ce moment" follows the programme).
            cache_vary=[phase, time_slot(now, LIVE_REFRESH_MINUTES) if phase == timeline.DURING else ""],
        )
        return context

    @path("ical/", name="ical")
    def ical_event(self, request):
        if not self.start_date:
            raise Http404
        entry = self.calendar_entry(request)
        return ics_response(ical.build_calendar([entry], stamp=clock.now()), f"{self.slug}.ics")

    @path("ical/session/<uuid:uid>/", name="ical_session")
    def ical_session(self, request, uid):
        session = get_object_or_404(ProgrammeSession.objects.select_related("room"), page=self, ical_uid=uid)
        entry = self.session_entry(request, session)
        return ics_response(ical.build_calendar([entry], stamp=clock.now()), f"{self.slug}-session.ics")


class JourneeExpertPage(EventPage):
    """A stop of the tour: one day, one host city, one theme."""

    content_panels = [
        *BasePage.content_panels,
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
            raise ValidationError({"start_date": _("Indiquez la date de la Journée expert.")})

    @cached_property
    def tour(self):
        """The parent tour, asked once, when the stop's body is rendered (not when it comes from the cache)."""
        return self.get_parent() if self.pk else None

    def series(self, request):
        tour = self.tour
        return (tour.title, tour.get_full_url(request)) if tour else None

    def extra_details(self, request) -> dict:
        """The stop's place in its tour: "étape 3/7", and the previous and next stops."""
        stops = list(JourneeExpertPage.objects.sibling_of(self).live().exclude(private_q())
                     .order_by("start_date", "pk")) if self.pk else []
        position = next((index for index, stop in enumerate(stops) if stop.pk == self.pk), None)
        if position is None:
            return {}
        return {
            "stop_number": position + 1,
            "stop_count": len(stops),
            "previous_stop": stops[position - 1] if position > 0 else None,
            "next_stop": stops[position + 1] if position + 1 < len(stops) else None,
        }


class ForumPage(EventPage):
    """One edition of the national Forum: several days, rooms, key figures, partners by tier."""

    gathers_replays = True

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

    def extra_details(self, request) -> dict:
        """The label campaigns whose ceremony the Forum hosts (live ones only)."""
        return {"label_campaigns": [link.campaign for link in self.label_campaigns.select_related("campaign")
                                    if link.campaign.live]}

    def phase(self, now):
        """A past edition whose exact dates are not recorded is still a past edition."""
        if not self.start_date and self.edition_year and self.edition_year < timeline.local_today(now).year:
            return timeline.AFTER
        return super().phase(now)


