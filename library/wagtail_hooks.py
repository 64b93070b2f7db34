"""Admin: themes, techniques and implementations in one "Bibliothèque d'IA" menu; the library on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.models import GrantDecision, MembershipRole
from interconnectes import clock
from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection
from interconnectes.restrictions import private_q
from library import access, permissions
from library.models import DocumentDownload, ErrorReport, Implementation, LibraryIndexPage, Technique, Theme


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
def expert_access_in_my_space(request):
    """"Mon espace": the person's expert access requests and grants; for the projects' owners (their collectivité's
    référents, the team), the link to the requests to decide and the downloads of their documents."""
    user, now = request.user, clock.now()
    grants = list(access.implementation_grants().filter(person=user).order_by("-created_at"))
    owner = permissions.is_access_team(user) or MembershipRole.REFERENT in permissions.verified_roles(request).values()
    if not grants and not owner:
        return None
    implementations = Implementation.objects.select_related("use_case", "lead_organisation").in_bulk(
        [grant.object_id for grant in grants])
    requests = [{"grant": grant, "implementation": implementations[grant.object_id],
                 "url": implementations[grant.object_id].use_case.implementation_url(
                     implementations[grant.object_id].slug),
                 "state": access.grant_state(grant, now), "active": access.is_active(grant, now)}
                for grant in grants if grant.object_id in implementations]
    pending_count = access.implementation_grants().filter(
        object_id__in=access.decidable_implementations(user).values("pk"),
        decision=GrantDecision.PENDING).count() if owner else 0
    return (30, _("Bibliothèque d'IA : accès experts"), "library/space_access.html",
            {"requests": requests, "owner": owner, "pending_count": pending_count})


@hooks.register("accounts_personal_data")
def downloads_in_my_data(user):
    """The person's downloads of the library's documents (their expert access requests are in the accounts' part);
    when the account goes, the log keeps each download without anyone's name (`on_delete=SET_NULL`)."""
    downloads = (DocumentDownload.objects.filter(person=user)
                 .select_related("document__implementation__use_case", "document__implementation__lead_organisation")
                 .order_by("pk"))
    return {"bibliotheque_telechargements": [
        {"document": download.document.title, "projet": str(download.document.implementation),
         "le": download.at.isoformat()} for download in downloads]}


@hooks.register("accounts_space_sections")
def projects_in_my_space(request):
    """"Mon espace" lists the person's drafts and their collectivités' records (the agents' and the team's)."""
    from library import submissions

    if not permissions.verified_roles(request) and not permissions.is_library_staff(request.user):
        return None
    return (20, _("Mes projets d'IA"), "library/submissions/space_projects.html", {
        "drafts": list(submissions.drafts_of(request.user)), "records": list(submissions.records_of(request.user)),
        "is_agent": True, "is_staff": permissions.is_library_staff(request.user)})
