"""The agenda's Atom feed: the events to come first (soonest first), then the latest past ones."""

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interconnectes import clock
from interconnectes.feeds import PageFeed

TITLE = gettext_lazy("Agenda des Interconnectés (Atom)")


class EventFeed(PageFeed):
    def subtitle(self):
        return _("Les prochains événements des Interconnectés, puis les plus récents.")

    def items(self):
        from events.models.event_pages import upcoming_q  # the pages' module imports this one

        now = clock.now()
        events = self.index.events()
        upcoming = list(events.filter(upcoming_q(now)).order_by(
            F("start_date").asc(nulls_last=True), F("start_time").asc(nulls_first=True), "pk")[:self.LIMIT])
        past = list(events.exclude(upcoming_q(now)).order_by(F("start_date").desc(nulls_last=True), "-pk")
                    [:self.LIMIT - len(upcoming)]) if len(upcoming) < self.LIMIT else []
        return upcoming + past
