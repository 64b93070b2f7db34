"""Admin: the charter's versions, the programme's lessons and the territories' positions in one menu.

An adopted version of the charter is frozen: its form refuses any change but
its status (en vigueur → remplacée or retirée), so a change of text is a new
version and what was signed stays as it was signed.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from consultations import permissions
from consultations.models import CharterStatus, CharterVersion, Lesson, TerritoryLocation


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
