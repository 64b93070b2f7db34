"""Admin: themes and venues in one "Événements" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import EventTheme, Venue


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
