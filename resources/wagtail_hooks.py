"""Admin: resources, collections and reported problems in one "Ressources" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import Collection, Resource, ResourceReport, ResourceVote


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


@hooks.register("accounts_personal_data")
def votes_and_reports_in_my_data(user):
    """The person's answers to "utile ?" and the problems they reported; when the account goes, its votes go with
    it and its reports stay without its name (`on_delete=SET_NULL`)."""
    votes = ResourceVote.objects.filter(person=user).select_related("resource").order_by("pk")
    reports = ResourceReport.objects.filter(reporter=user).select_related("resource").order_by("pk")
    return {"ressources_avis": [{"ressource": vote.resource.title, "utile": vote.useful,
                                 "le": vote.voted_at.isoformat()} for vote in votes],
            "ressources_signalements": [{"ressource": report.resource.title, "message": report.message,
                                         "le": report.created_at.isoformat()} for report in reports]}
