"""Admin: the replays, with their chapters and share links, for staff holding the replays' permissions; the list
says at a glance which are not shown yet (captions or consent missing)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from replays.admin_forms import ReplayForm
from replays.models import Replay


class ReplayViewSet(SnippetViewSet):
    model = Replay
    icon = "media"
    menu_label = _("Replays")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "recorded_on", "visibility",
                    BooleanColumn("is_shown", label=_("Montré (sous-titres et accord)")), "updated_at"]
    list_filter = ["visibility", "speakers_consent", "recorded_on"]
    search_fields = ["title"]
    copy_view_enabled = False
    inspect_view_enabled = False

    edit_handler = ObjectList([
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("recorded_on"), FieldPanel("visibility")]),
        FieldPanel("description"),
        FieldPanel("speakers"),
        MultiFieldPanel([FieldPanel("sequence"), FieldPanel("session")], heading=_("Rattachement")),
        MultiFieldPanel([FieldPanel("video"), FieldPanel("link"), FieldPanel("host"), FieldPanel("duration_seconds")],
                        heading=_("Vidéo")),
        MultiFieldPanel([FieldPanel("captions"), FieldPanel("transcript")], heading=_("Sous-titres et transcription")),
        FieldPanel("slides"),
        InlinePanel("chapters", label=_("Chapitre"), heading=_("Chapitres")),
        MultiFieldPanel([FieldPanel("speakers_consent"), FieldPanel("consent_given_by")],
                        heading=_("Accord des intervenant·es (obligatoire pour publier)")),
        InlinePanel("share_links", label=_("Lien de partage"), heading=_("Liens de partage")),
    ], base_form_class=ReplayForm)


register_snippet(ReplayViewSet)
