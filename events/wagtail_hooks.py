"""Admin: themes and venues in one "Événements" menu; the upcoming events on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events import feeds
from events.models import EventIndexPage, EventTheme, Venue, upcoming_events
from interconnectes.feed_links import FEED_SUBPATH, SITE_FEEDS, FeedSource
from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection

UPCOMING_ON_THE_HOME_PAGE = 3


class EventThemeViewSet(SnippetViewSet):
    model = EventTheme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Lieux")
    list_display = ["name", "city", "region", "step_free_access"]
    list_filter = ["region", "step_free_access"]
    list_export = ["name", "address", "postcode", "city", "region", "latitude", "longitude"]
    search_fields = ["name", "city"]
    inspect_view_enabled = True


class EventsGroup(SnippetViewSetGroup):
    items = (EventThemeViewSet, VenueViewSet)
    menu_icon = "date"
    menu_label = _("Événements")
    menu_name = "evenements"


register_snippet(EventsGroup)


@hooks.register(HOME_PAGE_SECTIONS)
def upcoming_events_on_the_home_page(home, now):
    """The next events that have not ended, under the heading the editors chose."""
    return HomeSection(order=10, template="events/home_section.html", heading=home.events_heading,
                       items=upcoming_events(UPCOMING_ON_THE_HOME_PAGE, now))



@hooks.register(SITE_FEEDS)
def events_feed():
    """The agenda's Atom feed, announced on the home page and on every page of the agenda."""
    return FeedSource(model=EventIndexPage, subpath=FEED_SUBPATH, title=feeds.TITLE)
