from .pages import (
    EventCalendarState,
    EventContact,
    EventIndexPage,
    EventKeyFigure,
    EventOrganisation,
    EventPage,
    EventStatus,
    ForumLabelCampaign,
    ForumPage,
    JourneeExpertPage,
    OrganisationRole,
    TourPage,
    upcoming_events,
    upcoming_q,
)
from .sessions import ParticipantRole, ProgrammeSession, SessionKind, SessionParticipant
from .snippets import EventTheme, Room, Venue

__all__ = [
    "EventCalendarState", "EventContact", "EventIndexPage", "EventKeyFigure", "EventOrganisation", "EventPage",
    "EventStatus", "EventTheme", "ForumLabelCampaign", "ForumPage", "JourneeExpertPage", "OrganisationRole",
    "ParticipantRole",
    "ProgrammeSession", "Room", "SessionKind", "SessionParticipant", "TourPage", "Venue", "upcoming_events",
    "upcoming_q",
]
