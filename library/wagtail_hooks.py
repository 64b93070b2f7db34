"""Admin: themes, techniques and implementations in one "Bibliothèque d'IA" menu; the library on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection
from interconnectes.restrictions import private_q
from library.models import ErrorReport, Implementation, LibraryIndexPage, Technique, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TechniqueViewSet(SnippetViewSet):
    model = Technique
    icon = "cogs"
    menu_label = _("Techniques d'IA")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ImplementationViewSet(SnippetViewSet):
    """Implementations, until their own submission and review screens exist: staff see a licence off the legal
    list at a glance ("À vérifier"), and filter on it."""

    model = Implementation
    icon = "doc-full"
    menu_label = _("Mises en œuvre")
    list_display = ["__str__", "status", "licence", "needs_licence_review", "updated_at", "review_due_on"]
    list_filter = ["status", "licence", "is_illustrative"]
    inspect_view_enabled = False


class ErrorReportViewSet(SnippetViewSet):
    """"Signaler une erreur": open reports first, by due date; staff record what was done and close them."""

    model = ErrorReport
    icon = "warning"
    menu_label = _("Erreurs signalées")
    list_display = ["__str__", "implementation", "due_on", "is_open"]
    list_filter = ["resolved_at", "due_on"]
    copy_view_enabled = False
    inspect_view_enabled = False


class LibraryGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TechniqueViewSet, ImplementationViewSet, ErrorReportViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Bibliothèque d'IA")
    menu_name = "bibliotheque"


register_snippet(LibraryGroup)


@hooks.register(HOME_PAGE_SECTIONS)
def library_on_the_home_page(home, now):
    """The library, introduced on the home page after the manifestos (the main menu stays as editors set it)."""
    index = LibraryIndexPage.objects.live().exclude(private_q()).first()
    return HomeSection(order=25, template="library/home_section.html", heading=_("Bibliothèque d'IA territorialisée"),
                       items=[index] if index else [])
