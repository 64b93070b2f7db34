"""The programme page of the concertations territoriales de l'IA, its method kit, and the programme's lessons.

The page shows the presentation, the charter in force, the method kit,
the engaged territories, the consultations, the synthesis of lessons, key
figures and a contact; its sub-URLs (RoutablePageMixin) hold each charter
version, the public register of signatories and the synthesis of lessons.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable

from interconnectes.blocks import BodyBlock
from interconnectes.models.base import BasePage


class ConsultationProgrammePage(RoutablePageMixin, BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)
    contact_name = models.CharField(_("nom du contact"), max_length=160, blank=True)
    contact_role = models.CharField(_("fonction du contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("adresse e-mail de contact"), blank=True,
                                      help_text=_("Une adresse de fonction, pas une adresse personnelle."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        InlinePanel("method_resources", label=_("Ressource du kit méthodologique")),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
                        heading=_("Contact")),
    ]
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types: list = []
    max_count = 1

    class Meta:
        verbose_name = _("programme des concertations territoriales de l'IA")


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide méthodologique")
    SHEET = "fiche", _("Fiche pratique")
    FACILITATION = "animation", _("Support d'animation")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire type")
    VIDEO = "video", _("Vidéo")
    OTHER = "autre", _("Autre ressource")


class MethodResource(Orderable):
    """One resource of the method kit: a link to another site or a document of the site's library."""

    page = ParentalKey(ConsultationProgrammePage, on_delete=models.CASCADE, related_name="method_resources")
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=16, choices=ResourceKind.choices, default=ResourceKind.GUIDE)
    link = models.URLField(_("lien"), blank=True)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    description = models.TextField(_("description"), max_length=600, blank=True)

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("link"), FieldPanel("document"),
              FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource du kit méthodologique")
        verbose_name_plural = _("ressources du kit méthodologique")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.link) == bool(self.document_id):
            raise ValidationError({"link": _("Indiquez soit un lien, soit un document (l'un des deux).")})


class Lesson(models.Model):
    """One of the programme's eight lessons, which consultations' findings are tagged to."""

    number = models.PositiveSmallIntegerField(_("numéro"), unique=True)
    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte"), blank=True)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("text")]

    class Meta:
        verbose_name = _("enseignement du programme")
        verbose_name_plural = _("enseignements du programme")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return f"enseignement-{self.number}"


