"""Organisation and Person: snippets shared by every app.

A programme stores the role a person held at an event, because the Person
snippet only knows their current one.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from interconnectes.regions import Region
from interconnectes.validators import validate_siren


class OrganisationKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITE = "intercommunalite", _("Intercommunalité")
    METROPOLE = "metropole", _("Métropole")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Région")
    ASSOCIATION = "association", _("Association")
    ENTREPRISE = "entreprise", _("Entreprise")
    STARTUP = "startup", _("Start-up")
    ETAT = "etat", _("État et établissement public")
    RECHERCHE = "recherche", _("Recherche")


LOCAL_GOVERNMENT_KINDS = frozenset(
    {
        OrganisationKind.COMMUNE,
        OrganisationKind.INTERCOMMUNALITE,
        OrganisationKind.METROPOLE,
        OrganisationKind.DEPARTEMENT,
        OrganisationKind.REGION,
    }
)


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=32, choices=OrganisationKind.choices)
    region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True)
    siren = models.CharField(
        _("SIREN"), max_length=9, blank=True, validators=[validate_siren], help_text=_("9 chiffres, facultatif.")
    )
    website = models.URLField(_("site web"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    is_member = models.BooleanField(_("adhérente de l'association"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("siren"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("is_member"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Person(index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=255)
    slug = models.SlugField(_("identifiant d'URL"), max_length=255, unique=True, blank=True)
    role = models.CharField(_("fonction actuelle"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation actuelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("courte biographie"), max_length=800, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("slug")], heading=_("Identité")),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:240] or "personne"
        slug, suffix = base, 2
        while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug
