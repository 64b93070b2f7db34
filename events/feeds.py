"""The agenda's Atom feed: the events to come first (soonest first), then the latest past ones."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interconnectes import clock
from interconnectes.feeds import PageFeed

TITLE = gettext_lazy("Agenda des Interconnectés (Atom)")


class EventFeed(PageFeed):
    def subtitle(self):
        return _("Les prochains événements des Interconnectés, puis les plus récents.")

    def items(self):
        return self.index.feed_events(clock.now(), self.LIMIT)
