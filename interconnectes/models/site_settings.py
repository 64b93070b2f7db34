"""Site settings editors manage: contact, footer, social links, legal pages, navigation.

The header and footer are cached fragments; saving any of these settings
moves the cache generation so that readers see the change at once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    postal_address = models.TextField(_("adresse postale"), max_length=300, blank=True)
    footer_text = models.TextField(_("texte du pied de page"), max_length=600, blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("mentions légales"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("données personnelles"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("accessibilité"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image de partage par défaut"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Montrée par les réseaux sociaux et les messageries pour une page qui n'a pas d'image à elle. "
                    "À défaut, le logo de l'association."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("postal_address")], heading=_("Contact")),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("mastodon_url"), FieldPanel("linkedin_url"), FieldPanel("youtube_url"),
             FieldPanel("bluesky_url")],
            heading=_("Réseaux sociaux"),
        ),
        MultiFieldPanel(
            [FieldPanel("legal_notice_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Pages légales"),
        ),
        FieldPanel("share_image"),
    ]
    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = _("paramètres du site")

    def social_links(self):
        links = [("Mastodon", self.mastodon_url), ("LinkedIn", self.linkedin_url),
                 ("YouTube", self.youtube_url), ("Bluesky", self.bluesky_url)]
        return [(name, url) for name, url in links if url]

    def legal_pages(self):
        pages = [self.legal_notice_page, self.privacy_page, self.accessibility_page]
        return [page for page in pages if page is not None and page.live]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    panels = [InlinePanel("items", label=_("Entrée du menu"), max_num=8)]

    class Meta:
        verbose_name = _("menu principal")


class NavigationItem(Orderable):
    settings = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("libellé"), max_length=60, blank=True, help_text=_("Par défaut : le titre de la page."))

    panels = [FieldPanel("page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("entrée du menu")

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.label or self.page.title
