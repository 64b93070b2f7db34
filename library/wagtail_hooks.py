"""Admin: themes, techniques and implementations in one "Bibliothèque d'IA" menu; the library on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from interconnectes import clock
from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection
from interconnectes.restrictions import private_q
from library.models import Implementation, LibraryIndexPage, Technique, Theme


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
    list_display = ["__str__", "status", "licence", "needs_licence_review", "updated_at"]
    list_filter = ["status", "licence", "is_illustrative"]
    inspect_view_enabled = False


class LibraryGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TechniqueViewSet, ImplementationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Bibliothèque d'IA")
    menu_name = "bibliotheque"


register_snippet(LibraryGroup)


@hooks.register("after_create_snippet")
def publish_what_staff_enter(request, instance):
    """A record the team enters in the admin is published as it is saved (agents' records go through review)."""
    if isinstance(instance, Implementation) and instance.first_published_at is None:
        Implementation.objects.filter(pk=instance.pk).update(first_published_at=clock.now())


@hooks.register(HOME_PAGE_SECTIONS)
def library_on_the_home_page(home, now):
    """The library, introduced on the home page after the manifestos (the main menu stays as editors set it)."""
    index = LibraryIndexPage.objects.live().exclude(private_q()).first()
    return HomeSection(order=25, template="library/home_section.html", heading=_("Bibliothèque d'IA territorialisée"),
                       items=[index] if index else [])


@hooks.register("accounts_space_sections")
def projects_in_my_space(request):
    """"Mon espace" lists the person's drafts and their collectivités' records (the agents' and the team's)."""
    from library import permissions, submissions

    if not permissions.verified_organisation_ids(request.user) and not permissions.is_library_staff(request.user):
        return None
    return (20, _("Mes projets d'IA"), "library/submissions/space_projects.html", {
        "drafts": list(submissions.drafts_of(request.user)), "records": list(submissions.records_of(request.user)),
        "is_agent": True, "is_staff": permissions.is_library_staff(request.user)})
