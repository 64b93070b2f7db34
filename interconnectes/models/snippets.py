"""Organisation and Person: snippets shared by every app.

A programme stores the role a person held at an event, because the Person
snippet only knows their current one.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from interconnectes.regions import Region
from interconnectes.validators import normalise_domain, validate_email_domain, validate_siren


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


class OrganisationQuerySet(models.QuerySet):
    def members_in(self, year: int):
        return self.filter(member_years__year=year)


class Organisation(index.Indexed, ClusterableModel):
    """An organisation; a member of the association in the years listed in `member_years` (its subscriptions),
    whose agents are recognised by the e-mail domains listed in `email_domains`."""

    name = models.CharField(_("nom"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=32, choices=OrganisationKind.choices)
    region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True)
    siren = models.CharField(
        _("SIREN"), max_length=9, blank=True, validators=[validate_siren], help_text=_("9 chiffres, facultatif.")
    )
    website = models.URLField(_("site web"), blank=True)
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True,
        help_text=_("Habitants (population municipale de l'Insee), pour une collectivité ; facultatif."))
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("population"),
        FieldPanel("siren"),
        FieldPanel("website"),
        FieldPanel("logo"),
        InlinePanel("member_years", heading=_("Années d'adhésion"), label=_("année")),
        InlinePanel("email_domains", heading=_("Domaines de messagerie des agents"), label=_("domaine")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def is_member_in(self, year: int) -> bool:
        """Whether it paid its subscription for `year`; reads prefetched `member_years` when they are."""
        return any(member_year.year == year for member_year in self.member_years.all())


class MemberYear(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="member_years")
    year = models.PositiveSmallIntegerField(_("année"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("année d'adhésion")
        verbose_name_plural = _("années d'adhésion")
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="one_member_year_per_year")]

    def __str__(self):
        return str(self.year)


class EmailDomain(models.Model):
    """A domain the organisation's agents have their addresses on: signing up with one, once the address is
    confirmed, makes the person a verified agent. A domain belongs to one organisation at most."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        _("domaine"), max_length=253, unique=True, validators=[validate_email_domain],
        help_text=_("Sans « @ », par exemple « nantesmetropole.fr ». Une messagerie publique (gmail.com…) "
                    "ne convient pas."),
        error_messages={"unique": _("Ce domaine est déjà déclaré par une autre organisation.")})

    class Meta:
        ordering = ["domain"]
        verbose_name = _("domaine de messagerie")
        verbose_name_plural = _("domaines de messagerie")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)

    def clean(self):
        self.domain = normalise_domain(self.domain)


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
