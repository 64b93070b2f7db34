"""Admin: the sequences (with their speakers), enrolments and attendance in one "Territoir'Prod" menu; the
person's enrolments and next sequences in "Mon espace"."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from interconnectes import clock
from territoirprod import permissions, space
from territoirprod.models import Attendance, Enrolment, Sequence


class SequenceViewSet(SnippetViewSet):
    model = Sequence
    icon = "date"
    menu_label = _("Séquences")
    list_display = ["__str__", "theme", "starts_at"]
    list_filter = ["theme"]
    search_fields = ["title"]
    ordering = ["-starts_at"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Inscriptions")
    list_display = ["user", "edition", "theme", "created_at", "cancelled_at"]
    list_filter = ["edition", "theme"]
    list_export = ["user", "edition", "theme", "enrolled_by", "created_at", "cancelled_at"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class AttendanceViewSet(SnippetViewSet):
    model = Attendance
    icon = "tick"
    menu_label = _("Présences")
    list_display = ["user", "sequence", "source", "recorded_at"]
    list_filter = ["source"]
    list_export = ["user", "sequence", "source", "recorded_at"]


class TerritoirProdGroup(SnippetViewSetGroup):
    items = (SequenceViewSet, EnrolmentViewSet, AttendanceViewSet)
    menu_icon = "group"
    menu_label = _("Territoir'Prod")
    menu_name = "territoirprod"


register_snippet(TerritoirProdGroup)


@hooks.register("accounts_space_sections")
def enrolments_in_my_space(request):
    """"Mon espace": the person's active enrolments and their next sequences (`territoirprod.space`)."""
    found = space.section(request.user, clock.now())
    return (25, _("Territoir'Prod"), "territoirprod/space.html", found) if found else None


@hooks.register("register_snippet_listing_buttons")
def roll_call_button(snippet, user, next_url=None):
    """A sequence's roll call, from the admin's list of sequences, for the team who records attendance."""
    if isinstance(snippet, Sequence) and permissions.is_programme_staff(user):
        yield Button(_("Présences"), url=reverse("territoirprod:roll_call", args=[snippet.pk]), icon_name="tick",
                     priority=30)
