"""Applications in the Wagtail admin: a read-only listing with filters and exports, plus audited actions."""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection
from interconnectes.regions import Region
from labels import admin_views, gdpr, home, permissions
from labels.exports import spreadsheet_cell
from labels.models import Application, ApplicationStatus, LabelCampaignPage

EXPORT_FIELDS = [
    "reference", "status", "campaign.title", "category.name", "org_name", "org_kind", "org_region", "siren", "siret",
    "population", "org_created_on", "title", "summary", "budget", "contact_name", "contact_email", "submitted_at",
]


def export_value(item, field):
    """The value at a dotted path of `EXPORT_FIELDS`, or None as soon as a step is empty: a draft has no category
    yet, and its row must still be exported (an empty cell), not end the file."""
    for name in field.split("."):
        if item is None:
            return None
        item = multigetattr(item, name)
    return item


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """Campaign staff read applications; changes go only through the audited actions below."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy"):
            return False
        return permissions.is_campaign_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Application, ApplicationPermissionPolicy(Application), exact_class=True)


class ApplicationFilterSet(WagtailFilterSet):
    campaign = django_filters.ModelChoiceFilter(label=_("Campagne"), queryset=LabelCampaignPage.objects.all())
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=ApplicationStatus.choices)
    category__name = django_filters.CharFilter(label=_("Catégorie"), lookup_expr="icontains")
    org_region = django_filters.ChoiceFilter(label=_("Région"), choices=Region.choices)
    eligible = django_filters.BooleanFilter(label=_("Recevable"), method="filter_eligible")

    class Meta:
        model = Application
        fields = ["campaign", "status", "org_region"]

    def filter_eligible(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.exclude(status=ApplicationStatus.INELIGIBLE)
        return queryset.filter(status=ApplicationStatus.INELIGIBLE)


def reference_or_draft(application):
    """A draft has no reference yet: the listing says so rather than "None"."""
    return application.reference or _("Brouillon sans référence")


class ApplicationIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].accessor = reference_or_draft
        return columns

    def get_base_queryset(self):
        return Application.objects.visible_to(self.request.user).select_related("campaign", "category")

    def to_row_dict(self, item):
        """Every cell through `labels.exports.spreadsheet_cell`, as in the jury's exports; empty steps give empty
        cells."""
        return {field: spreadsheet_cell(export_value(item, field)) for field in self.list_export}

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(MenuItem(_("Rouvrir pour information"), url=reverse("labels_admin_reopen", args=[instance.pk]),
                                icon_name="lock-open", priority=40))
        if instance.status == ApplicationStatus.SUBMITTED:
            buttons.append(MenuItem(_("Déclarer irrecevable"),
                                    url=reverse("labels_admin_ineligible", args=[instance.pk]),
                                    icon_name="warning", priority=50))
        return buttons


class ApplicationInspectView(InspectView):
    template_name = "labels/admin/inspect.html"

    def get_object(self, queryset=None):
        queryset = Application.objects.visible_to(self.request.user).select_related("campaign", "category")
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        from labels.services import check_eligibility

        context = super().get_context_data(**kwargs)
        application = self.object
        context.update(
            eligibility=check_eligibility(application),
            attachments=list(application.attachments.all()),
            versions=list(application.versions.all()),
            events=list(application.events.select_related("actor")),
        )
        return context


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "form"
    menu_label = _("Candidatures")
    menu_order = 250
    add_to_admin_menu = True
    url_namespace = "labels_application"
    url_prefix = "candidatures"
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ApplicationFilterSet
    list_display = ["reference", "org_name", "title", "campaign", "status", "category", "org_region", "submitted_at"]
    list_export = EXPORT_FIELDS
    export_headings = {"campaign.title": _("Campagne"), "category.name": _("Catégorie")}
    export_filename = "candidatures"
    search_fields = None
    form_fields = ["ineligibility_reason"]
    inspect_view_fields_exclude = ["owner"]


application_viewset = ApplicationViewSet("labels_application")


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return application_viewset


@hooks.register("register_admin_urls")
def register_application_actions():
    return [
        path("candidatures/<int:pk>/irrecevable/", admin_views.mark_ineligible, name="labels_admin_ineligible"),
        path("candidatures/<int:pk>/rouvrir/", admin_views.reopen, name="labels_admin_reopen"),
    ]


@hooks.register("accounts_space_sections")
def applications_in_my_space(request):
    """"Mon espace" lists the person's applications (the dashboard has the details and the open campaigns)."""
    applications = list(Application.objects.of_applicant(request.user).select_related("campaign")
                        .order_by("-campaign__year", "-updated_at"))
    return (10, _("Mes candidatures"), "labels/includes/space_applications.html", {"applications": applications})


@hooks.register("accounts_personal_data")
def applications_in_my_data(user):
    return gdpr.export_user_data(user)


@hooks.register("accounts_before_account_deletion")
def delete_or_anonymise_applications(user, now):
    gdpr.delete_applications(user, now)


@hooks.register(HOME_PAGE_SECTIONS)
def open_calls_on_the_home_page(home_page, now):
    """The campaigns open for applications, between the next events and the manifestos."""
    return HomeSection(order=15, template="labels/home_section.html", heading=_("Appels à candidatures ouverts"),
                       items=home.open_campaigns(now))
