"""Admin: resources, collections and reported problems in one "Ressources" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import Collection, Resource, ResourceReport


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Ressources")
    list_display = ["title", "kind", "audience", "visibility", "published_on", "updated_at"]
    list_filter = ["kind", "audience", "visibility", "is_illustrative", "themes"]
    search_fields = ["title", "summary"]
    inspect_view_enabled = False


class CollectionViewSet(SnippetViewSet):
    model = Collection
    icon = "folder-open-inverse"
    menu_label = _("Collections")
    list_display = ["title", "slug", "sort_order"]
    search_fields = ["title"]
    inspect_view_enabled = False


class ResourceReportViewSet(SnippetViewSet):
    """"Signaler un problème": open reports first; staff record what was done and close them."""

    model = ResourceReport
    icon = "warning"
    menu_label = _("Problèmes signalés")
    list_display = ["__str__", "resource", "is_open"]
    list_filter = ["resolved_at"]
    copy_view_enabled = False
    inspect_view_enabled = False


class ResourcesGroup(SnippetViewSetGroup):
    items = (ResourceViewSet, CollectionViewSet, ResourceReportViewSet)
    menu_icon = "folder-inverse"
    menu_label = _("Ressources")
    menu_name = "ressources"


register_snippet(ResourcesGroup)
