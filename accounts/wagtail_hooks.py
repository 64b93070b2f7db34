"""The accounts in the Wagtail admin: the queues of verification requests and of membership applications, each
with its accept and refuse actions (accounts/admin_views.py)."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts import admin_views
from accounts.models import MembershipApplication, RequestStatus, VerificationRequest


class DecisionPermissionPolicy(ModelPermissionPolicy):
    """Staff who may decide list and read the queue; a decision goes only through the actions, which e-mail the
    person: the generic add, edit and delete views are closed."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy"):
            return False
        return user.is_active and user.has_perm(f"{self.app_label}.change_{self.model_name}")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


for queued in (VerificationRequest, MembershipApplication):
    register_permission_policy(queued, DecisionPermissionPolicy(queued), exact_class=True)


class StatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=RequestStatus.choices)


class VerificationRequestFilterSet(StatusFilterSet):
    class Meta:
        model = VerificationRequest
        fields = ["status"]


class MembershipApplicationFilterSet(StatusFilterSet):
    class Meta:
        model = MembershipApplication
        fields = ["status"]


class QueueIndexView(IndexView):
    """A pending item's menu holds the two decisions, named by the viewset's `decisions`."""

    def get_base_queryset(self):
        return self.model.objects.select_related("person", "organisation")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == RequestStatus.PENDING:
            accept, refuse = self.decisions
            buttons += [
                MenuItem(_("Accepter"), url=reverse(accept, args=[instance.pk]), icon_name="check", priority=40),
                MenuItem(_("Refuser"), url=reverse(refuse, args=[instance.pk]), icon_name="cross", priority=50),
            ]
        return buttons


class QueueViewSet(ModelViewSet):
    icon = "user"
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["refusal_reason"]  # required by the viewset; its edit view is closed by the permission policy


class VerificationRequestIndexView(QueueIndexView):
    decisions = ("accounts_admin_approve", "accounts_admin_refuse")


class MembershipApplicationIndexView(QueueIndexView):
    decisions = ("accounts_admin_accept_application", "accounts_admin_refuse_application")


class VerificationRequestViewSet(QueueViewSet):
    model = VerificationRequest
    menu_label = _("Demandes de vérification")
    menu_order = 260
    url_namespace = "accounts_verification"
    url_prefix = "verifications"
    index_view_class = VerificationRequestIndexView
    filterset_class = VerificationRequestFilterSet
    list_display = ["person", "organisation", "organisation_name", "job_title", "status", "created_at"]


class MembershipApplicationViewSet(QueueViewSet):
    model = MembershipApplication
    menu_label = _("Demandes d'adhésion")
    menu_order = 261
    url_namespace = "accounts_application"
    url_prefix = "adhesions"
    index_view_class = MembershipApplicationIndexView
    filterset_class = MembershipApplicationFilterSet
    list_display = ["organisation_name", "siren", "kind", "population", "person", "year", "status", "created_at"]


@hooks.register("register_admin_viewset")
def register_verification_requests():
    return VerificationRequestViewSet("accounts_verification")


@hooks.register("register_admin_viewset")
def register_membership_applications():
    return MembershipApplicationViewSet("accounts_application")


@hooks.register("register_admin_urls")
def register_decisions():
    return [
        path("verifications/<int:pk>/accepter/", admin_views.approve, name="accounts_admin_approve"),
        path("verifications/<int:pk>/refuser/", admin_views.refuse, name="accounts_admin_refuse"),
        path("adhesions/<int:pk>/accepter/", admin_views.accept_application,
             name="accounts_admin_accept_application"),
        path("adhesions/<int:pk>/refuser/", admin_views.refuse_application, name="accounts_admin_refuse_application"),
    ]
