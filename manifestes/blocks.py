"""The structure of a manifesto: ambitions, each with its numbered engagements."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class EngagementBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Intitulé"), max_length=255)
    text = blocks.TextBlock(label=_("Développement"), required=False)

    class Meta:
        icon = "tick"
        label = _("Engagement")


class AmbitionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Intitulé"), max_length=255)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    engagements = blocks.ListBlock(EngagementBlock(), label=_("Engagements"))

    class Meta:
        icon = "list-ol"
        label = _("Ambition")
