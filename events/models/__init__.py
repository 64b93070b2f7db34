from .agenda import EventIndexPage, TourPage
from .event_pages import (
    EventPage,
    EventStatus,
    ForumPage,
    JourneeExpertPage,
    OrganisationRole,
    upcoming_events,
    upcoming_q,
)
from .event_rows import EventCalendarState, EventContact, EventKeyFigure, EventOrganisation, ForumLabelCampaign
from .sessions import ParticipantRole, ProgrammeSession, SessionKind, SessionParticipant
from .snippets import EventTheme, Room, Venue

__all__ = [
    "EventCalendarState", "EventContact", "EventIndexPage", "EventKeyFigure", "EventOrganisation", "EventPage",
    "EventStatus", "EventTheme", "ForumLabelCampaign", "ForumPage", "JourneeExpertPage", "OrganisationRole",
    "ParticipantRole", "ProgrammeSession", "Room", "SessionKind", "SessionParticipant", "TourPage", "Venue",
    "upcoming_events", "upcoming_q",
]
