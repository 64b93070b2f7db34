"""Snippets of the events app: the themes editors manage and the venues reused across events."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from interconnectes.regions import Region


class EventTheme(models.Model):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class Venue(index.Indexed, ClusterableModel):
    name = models.CharField(_("nom"), max_length=255)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("ville"), max_length=120)
    region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    public_transport = models.TextField(_("transports en commun"), blank=True)
    parking = models.TextField(_("stationnement"), blank=True)
    step_free_access = models.BooleanField(
        _("accès de plain-pied"), default=False, help_text=_("Accessible aux personnes à mobilité réduite.")
    )
    accessibility_notes = models.TextField(_("informations d'accessibilité"), blank=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]), FieldPanel("region"),
             FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Adresse"),
        ),
        MultiFieldPanel(
            [FieldPanel("public_transport"), FieldPanel("parking"), FieldPanel("step_free_access"),
             FieldPanel("accessibility_notes")],
            heading=_("Accès"),
        ),
        InlinePanel("rooms", label=_("Salle")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["city", "name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self):
        return f"{self.name} ({self.city})"

    @property
    def map_url(self):
        """An OpenStreetMap link centred on the venue (no embedded map, no tile server)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
                f"#map=17/{self.latitude}/{self.longitude}")


class Room(Orderable):
    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("nom"), max_length=120)
    floor = models.CharField(_("étage"), max_length=60, blank=True)
    capacity = models.PositiveIntegerField(_("capacité"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("floor"), FieldPanel("capacity")]

    class Meta(Orderable.Meta):
        verbose_name = _("salle")
        verbose_name_plural = _("salles")

    def __str__(self):
        return self.name
