"""Admin: the charter's versions, the programme's lessons and the territories' positions in one menu; the team's
queue of commitments in the admin menu; the référents' commitments in "Mon espace" and in their personal data.

An adopted version of the charter is frozen: its form refuses any change but
its status (en vigueur → remplacée or retirée), so a change of text is a new
version and what was signed stays as it was signed.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.models import MembershipRole
from consultations import permissions
from consultations.models import CharterStatus, CharterVersion, Commitment, CommitmentStatus, Lesson, TerritoryLocation
from interconnectes.content_version import content_version
from library.permissions import verified_roles


class CharterVersionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        stored = CharterVersion.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
        if stored is None or stored == CharterStatus.DRAFT:
            return cleaned
        if cleaned.get("status") == CharterStatus.DRAFT:
            self.add_error("status", _("Une version adoptée ne redevient pas un projet."))
        text_changed = set(self.changed_data) - {"status"}
        if text_changed or any(formset.has_changed() for formset in self.formsets.values()):
            raise ValidationError(_("Une version adoptée ne se modifie pas : seul son statut peut changer. Pour "
                                    "changer le texte, créez une nouvelle version."))
        return cleaned


class CharterVersionViewSet(SnippetViewSet):
    model = CharterVersion
    icon = "list-ol"
    menu_label = _("Versions de la charte")
    list_display = ["__str__", "status", "adopted_on"]
    list_filter = ["status"]
    copy_view_enabled = False
    inspect_view_enabled = False

    edit_handler = ObjectList([FieldPanel("number"), FieldPanel("status"), FieldPanel("adopted_on"),
                               FieldPanel("preamble"), FieldPanel("document"),
                               InlinePanel("articles", label=_("Article"))], base_form_class=CharterVersionForm)


class LessonViewSet(SnippetViewSet):
    model = Lesson
    icon = "pick"
    menu_label = _("Enseignements")
    list_display = ["number", "title"]
    copy_view_enabled = False
    inspect_view_enabled = False


class TerritoryLocationViewSet(SnippetViewSet):
    model = TerritoryLocation
    icon = "site"
    menu_label = _("Positions des territoires")
    list_display = ["organisation", "latitude", "longitude"]
    copy_view_enabled = False
    inspect_view_enabled = False


class ConsultationsGroup(SnippetViewSetGroup):
    items = (CharterVersionViewSet, LessonViewSet, TerritoryLocationViewSet)
    menu_icon = "group"
    menu_label = _("Concertations IA")
    menu_name = "concertations"


register_snippet(ConsultationsGroup)


@hooks.register("register_admin_menu_item")
def commitments_to_verify():
    """The team's queue of commitments, a plain view of the site (consultations/views.py)."""

    class CommitmentsMenuItem(MenuItem):
        def is_shown(self, request):
            return permissions.is_programme_staff(request.user)

    return CommitmentsMenuItem(_("Engagements à vérifier"), reverse("consultations:queue"), icon_name="tick",
                               order=260)


@hooks.register("accounts_space_sections")
def commitments_in_my_space(request):
    """"Mon espace": a référent's organisations' commitments to the charter; the team's count of those to verify."""
    referent_of = [pk for pk, role in verified_roles(request).items() if role == MembershipRole.REFERENT]
    staff = permissions.is_programme_staff(request.user)
    if not referent_of and not staff:
        return None
    # Kept until a commitment changes (it moves the content version): "Mon espace" holds many sections.
    commitments, pending_count = cache.get_or_set(
        f"consultations:space:{sorted(referent_of)}:{staff}:{content_version()}",
        lambda: (list(Commitment.objects.filter(organisation_id__in=referent_of)
                      .select_related("organisation", "charter_version").order_by("organisation__name", "-pk")),
                 Commitment.objects.filter(status=CommitmentStatus.PENDING).count() if staff else 0),
        timeout=3600)
    return (40, _("Concertations IA : engagement dans la charte"), "consultations/space_commitments.html",
            {"commitments": commitments, "is_referent": bool(referent_of), "staff": staff,
             "pending_count": pending_count})


@hooks.register("accounts_personal_data")
def commitments_in_my_data(user):
    """The commitments the person submitted for their organisation."""
    commitments = Commitment.objects.filter(submitted_by=user).select_related("organisation").order_by("pk")
    return {"concertations_engagements": [
        {"organisation": commitment.organisation.name, "signataire": commitment.signatory_name,
         "signee_le": commitment.signed_on.isoformat(), "deposee_le": commitment.submitted_at.isoformat(),
         "statut": commitment.status} for commitment in commitments]}
