"""Admin: the Organisation and Person snippets, grouped in one "Annuaire" menu; editors' sessions are short."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from interconnectes.models import Organisation, Person
from interconnectes.privileged_sessions import PRIVILEGED_ACCOUNT_HOOK


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "region", "siren"]
    list_filter = ["kind", "region", "member_years__year"]
    list_export = ["name", "kind", "region", "siren", "website"]
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


@hooks.register(PRIVILEGED_ACCOUNT_HOOK)
def may_open_the_admin(user) -> bool:
    """Editors and staff: their session is short (interconnectes/privileged_sessions.py)."""
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")
