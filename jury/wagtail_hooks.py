"""The jury in the Wagtail admin, for campaign staff only: the members and rounds viewsets, a "Jury" menu
that also leads to the jury's own pages (`/jury/`, `jury/urls.py`), where a juror lands after logging in, and
what the account deletion page tells a juror.

Jurors have no admin access at all: they score on the jury's pages, plain
Django views in the site's light frame. Staff manage members and rounds here
(standard Wagtail model viewsets, open to nobody else whatever Django
permission they hold), and run the rounds on the jury's pages.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from interconnectes.privileged_sessions import PRIVILEGED_ACCOUNT_HOOK
from jury.admin_forms import JuryMemberForm, JuryRoundForm
from jury.models import JuryMember, JuryRound
from jury.permissions import is_juror
from labels.permissions import is_campaign_staff


class CampaignStaffPolicy(ModelPermissionPolicy):
    """Every action on the model is for campaign staff; nobody else, whatever Django permission they hold."""

    def user_has_permission(self, user, action):
        return is_campaign_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_campaign_staff(user)


register_permission_policy(JuryMember, CampaignStaffPolicy(JuryMember), exact_class=True)
register_permission_policy(JuryRound, CampaignStaffPolicy(JuryRound), exact_class=True)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_campaign_staff(request.user)


class JuryPagesLink(ViewSet):
    """The menu's way to the jury's own pages (`/jury/`): progress, ranking, deliberation, publication."""

    name = "jury_pages"
    icon = "doc-full"
    menu_label = _("Suivi, classement et résultats")
    menu_item_class = StaffMenuItem

    @cached_property
    def menu_url(self):
        return reverse("jury:home")


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
    menu_name = "jury"
    menu_icon = "group"
    menu_order = 260
    items = (JuryPagesLink, JuryMemberViewSet("jury_member"), JuryRoundViewSet("jury_round"))


@hooks.register("register_admin_viewset")
def register_jury_admin():
    return JuryGroup()


@hooks.register("accounts_login_landing")
def land_jurors_on_their_pages(user):
    """A juror logging in without a `next` page lands on the jury's pages (see `accounts.views.auth`)."""
    return reverse("jury:home") if is_juror(user) else None


@hooks.register(PRIVILEGED_ACCOUNT_HOOK)
def sits_on_a_jury(user) -> bool:
    """A juror reads applicants' files: their session is short, as an editor's (interconnectes/privileged_sessions)."""
    return is_juror(user)


@hooks.register("accounts_account_deletion_notices")
def jury_record_outlives_the_account(user):
    """Told on the "supprimer mon compte" page: the seat stays, anonymised (see `jury.signals`)."""
    if not user.jury_memberships.exists():
        return None
    return _("Vous siégez dans un jury : vos notes et vos déclarations de membre de jury sont conservées sous un "
             "nom anonyme (« Juré·e n° … »), afin que les classements et le registre des conflits d'intérêts "
             "restent exacts. Votre nom et votre adresse n'y figureront plus.")
