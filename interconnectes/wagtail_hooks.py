"""Admin: the Organisation and Person snippets, grouped in one "Annuaire" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from interconnectes.models import Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "region", "is_member"]
    list_filter = ["kind", "region", "is_member"]
    list_export = ["name", "kind", "region", "siren", "website", "is_member"]
    search_fields = ["name"]
    inspect_view_enabled = True


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personnes")
    list_display = ["name", "role", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]
    inspect_view_enabled = True


class DirectoryGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Annuaire")
    menu_name = "annuaire"


register_snippet(DirectoryGroup)
