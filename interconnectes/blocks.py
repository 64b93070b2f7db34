"""The StreamField block library shared by the site's free-form pages.

Blocks are built for accessibility first: images ask whether they are
decorative, external media need a title and offer a transcript, headings
are limited to h2-h4.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"

    def bulk_to_python(self, values):
        """Load the renditions of every figure of a page in one query, not one per picture."""
        figures = super().bulk_to_python(values)
        images = [figure["image"] for figure in figures if figure["image"] is not None]
        if images:
            renditions = defaultdict(list)
            rendition_model = get_image_model().get_rendition_model()
            for rendition in rendition_model.objects.filter(image_id__in={image.pk for image in images}):
                renditions[rendition.image_id].append(rendition)
            for image in images:
                for rendition in renditions[image.pk]:
                    rendition.image = image  # as prefetch_related would: no query for the alt text
                image.prefetched_renditions = renditions[image.pk]
        return figures


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20, help_text=_("Par exemple : 1 300"))
    label = blocks.CharBlock(label=_("Libellé"), max_length=120, help_text=_("Par exemple : collectivités adhérentes"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres clés"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Chiffres clés")
        template = "blocks/key_figures.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse web"), required=False)
    button_label = blocks.CharBlock(label=_("Libellé du bouton"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Appel à l'action")
        template = "blocks/call_to_action.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choisissez une page ou indiquez une adresse web."))}
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Titre affiché"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Lien vers un document")
        template = "blocks/document_link.html"


class ExternalMediaBlock(blocks.StructBlock):
    """A video or podcast hosted elsewhere, shown as a link: no third-party iframe.

    Loading a player from another host would send the reader's address to it
    and weigh several hundred kilobytes; the reader follows the link by choice.
    """

    url = blocks.URLBlock(label=_("Adresse de la vidéo ou du podcast"))
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    transcript = blocks.TextBlock(label=_("Transcription"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo ou podcast")
        template = "blocks/external_media.html"


class BodyBlock(blocks.StreamBlock):
    """The body of free-form pages."""

    rich_text = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES, template="blocks/rich_text.html")
    image = FigureBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = ExternalMediaBlock()
