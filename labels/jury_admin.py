"""The "Jury" area of the Wagtail admin: viewsets, their permission policies and the menu.

Jurors reach the admin through the "Jurés" group (`labels/signals.py` keeps
it in step with the JuryMember rows) which grants nothing but admin access:
their menu shows the Jury area alone, and every jury view checks, object by
object, that the round and the file are theirs (`labels/jury_views/access.py`).
Members and rounds are managed by campaign staff only (standard Wagtail
model viewsets); the jurors' and staff's pages draw the site's light frame
(`jury_views.access.render`) under the site's strict Content-Security-Policy.
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from interconnectes.security_headers import site_policy
from labels import permissions
from labels.jury_admin_forms import JuryMemberForm, JuryRoundForm
from labels.jury_views import deliberation, juror, staff
from labels.models import JuryMember, JuryRound


class CampaignStaffPolicy(ModelPermissionPolicy):
    """Every action on the model is for campaign staff; nobody else, whatever Django permission they hold."""

    def user_has_permission(self, user, action):
        return permissions.is_campaign_staff(user)

    def user_has_any_permission(self, user, actions):
        return permissions.is_campaign_staff(user)


class JuryRoundPolicy(CampaignStaffPolicy):
    """Staff manage rounds; a juror may view the rounds of the campaigns whose jury they sit on."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view" and permissions.is_juror(user, instance.campaign_id):
            return True
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        rounds = JuryRound.objects.select_related("campaign")
        if permissions.is_campaign_staff(user):
            return rounds
        if action == "view" and user.is_authenticated:
            return rounds.filter(campaign__jury_members__user=user)
        return rounds.none()


register_permission_policy(JuryMember, CampaignStaffPolicy(JuryMember), exact_class=True)
register_permission_policy(JuryRound, JuryRoundPolicy(JuryRound), exact_class=True)


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_campaign_staff(request.user) or permissions.is_juror(request.user)


class JuryAreaViewSet(ViewSet):
    """Jurors' rounds, files, declarations and score sheets; staff's progress, ranking, deliberation."""

    name = "jury"
    icon = "group"
    menu_label = _("Dossiers et notation")

    @cached_property
    def menu_item_class(self):
        return JuryMenuItem

    @cached_property
    def menu_url(self):
        return reverse("jury:home")

    def get_urlpatterns(self):
        """Every page of the area keeps the site's strict Content-Security-Policy (`security_headers.site_policy`)."""
        file = "tour/<int:round_id>/candidature/<int:application_id>/"
        pages = [
            ("", juror.jury_home, "home"),
            ("tour/<int:round_id>/", juror.round_applications, "round"),
            (file, juror.sheet, "sheet"),
            (f"{file}declaration/", juror.declare, "declare"),
            (f"{file}piece/<int:attachment_id>/", juror.download, "download"),
            (f"{file}deliberation/", deliberation.decide, "decide"),
            ("tour/<int:round_id>/suivi/", staff.progress, "progress"),
            ("tour/<int:round_id>/repartir/", staff.assign, "assign"),
            ("tour/<int:round_id>/attribution/", staff.change_assignment, "change_assignment"),
            ("tour/<int:round_id>/deverrouiller/", staff.unlock, "unlock"),
            ("tour/<int:round_id>/relancer/", staff.remind, "remind"),
            ("tour/<int:round_id>/classement/", staff.ranking, "ranking"),
            ("tour/<int:round_id>/export/<slug:kind>.<slug:fmt>", staff.export, "export"),
            ("campagne/<int:campaign_id>/publication/", deliberation.publish, "publish"),
        ]
        return [path(route, site_policy(view), name=name) for route, view, name in pages]


class JuryMemberViewSet(ModelViewSet):
    model = JuryMember
    icon = "user"
    menu_label = _("Membres des jurys")
    url_prefix = "jury/membres"
    edit_handler = ObjectList([FieldPanel(name) for name in (
        "campaign", "user", "person", "role", "organisation", "siren", "categories")], base_form_class=JuryMemberForm)
    list_display = ["__str__", "campaign", "role", "organisation"]
    list_filter = ["campaign", "role"]
    search_fields = None
    copy_view_enabled = False
    inspect_view_enabled = False


class JuryRoundViewSet(ModelViewSet):
    model = JuryRound
    icon = "list-ol"
    menu_label = _("Tours du jury")
    url_prefix = "jury/tours"
    edit_handler = ObjectList([FieldPanel(name) for name in (
        "campaign", "number", "name", "opens_at", "closes_at", "deliberation_opens_at", "jurors_per_application",
        "criteria", "shortlist")], base_form_class=JuryRoundForm)
    list_display = ["__str__", "campaign", "opens_at", "closes_at", "deliberation_opens_at"]
    list_filter = ["campaign"]
    search_fields = None
    copy_view_enabled = False
    inspect_view_enabled = False


class JuryGroup(ViewSetGroup):
    menu_label = _("Jury")
    menu_icon = "group"
    menu_order = 260
    items = (JuryAreaViewSet, JuryMemberViewSet("jury_member"), JuryRoundViewSet("jury_round"))
