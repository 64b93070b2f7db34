from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Événements")

    def ready(self):
        from events import signals
        from events.models import EventTheme, Room, Venue
        from interconnectes import content_version

        signals.connect()
        content_version.follow(EventTheme, Venue, Room)  # what event pages show of them is cached
