"""The two declarations the French public sector expects: accessibility (RGAA) and eco-design (RGESN).

Both are editable pages so that the association's staff keep them up to date
without a deploy, but the parts that must stay honest are not free text: the
accessibility status is computed from the recorded audit, and the page
budgets come from `interconnectes.budgets`, the numbers the tests enforce.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from interconnectes import budgets
from interconnectes.declarations import (
    Conformity,
    CriterionStatus,
    budget_limits,
    budget_rows,
    conformity_status,
    criteria_summary,
    format_rate,
)

from .base import BasePage

DECLARATION_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

RATE_ERROR = _("Le taux de conformité est un pourcentage compris entre 0 et 100.")

DEFAULT_REMEDIES = (
    "<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site internet un "
    "défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services du portail et vous n'avez "
    "pas obtenu de réponse satisfaisante.</p>"
    "<ul>"
    '<li>Écrire un message au <a href="https://formulaire.defenseurdesdroits.fr/">Défenseur des droits</a></li>'
    '<li>Contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du Défenseur des droits '
    "dans votre région</a></li>"
    "<li>Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, "
    "Libre réponse 71120, 75342 Paris CEDEX 07</li>"
    "</ul>"
)


def lines(text: str) -> list[str]:
    """Editors list pages, tools and technologies one per line; the template shows them as a list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AccessibilityStatementPage(BasePage):
    """The RGAA 4.1 accessibility declaration, with the sections of the official model.

    The status is never typed by an editor: it is "non conforme" until an audit
    is recorded, then follows the audited rate as the RGAA defines it.
    """

    entity_name = models.CharField(
        _("entité qui publie la déclaration"), max_length=200, default="Les Interconnectés",
    )
    site_url = models.URLField(_("adresse du site concerné"))
    declaration_date = models.DateField(_("date de la déclaration"))
    rgaa_version = models.CharField(_("version du RGAA"), max_length=10, default="4.1")

    audit_date = models.DateField(
        _("date de l'audit"), null=True, blank=True,
        help_text=_("Laissez vide tant qu'aucun audit de conformité n'a été réalisé : le site est alors déclaré "
                    "non conforme."),
    )
    auditor = models.CharField(_("auditeur ou auditrice"), max_length=200, blank=True)
    audit_rate = models.DecimalField(
        _("taux de conformité (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0, message=RATE_ERROR), MaxValueValidator(100, message=RATE_ERROR)],
        help_text=_("Pourcentage des critères du RGAA respectés selon l'audit : 100 % donne « totalement conforme », "
                    "50 % ou plus « partiellement conforme », moins de 50 % « non conforme »."),
    )
    audit_pages = models.TextField(
        _("pages de l'échantillon"), blank=True, help_text=_("Une page par ligne : titre et adresse."),
    )
    audit_tools = models.TextField(_("outils utilisés pour l'évaluation"), blank=True, help_text=_("Un par ligne."))
    technologies = models.TextField(
        _("technologies utilisées"), blank=True, default="HTML5\nCSS\nJavaScript", help_text=_("Une par ligne."),
    )
    test_environment = models.TextField(
        _("environnement de test"), blank=True,
        help_text=_("Combinaisons de navigateurs et de technologies d'assistance utilisées pour l'audit."),
    )

    non_conformities = RichTextField(_("non-conformités"), blank=True, features=DECLARATION_TEXT_FEATURES)
    derogations = RichTextField(
        _("dérogations pour charge disproportionnée"), blank=True, features=DECLARATION_TEXT_FEATURES,
    )
    exempt_content = RichTextField(
        _("contenus non soumis à l'obligation d'accessibilité"), blank=True, features=DECLARATION_TEXT_FEATURES,
    )

    contact_email = models.EmailField(_("adresse électronique de contact"), blank=True)
    contact_form_url = models.URLField(_("adresse du formulaire de contact"), blank=True)
    postal_address = models.TextField(_("adresse postale"), max_length=300, blank=True)
    remedies = RichTextField(_("voies de recours"), default=DEFAULT_REMEDIES, features=DECLARATION_TEXT_FEATURES)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("entity_name"), FieldPanel("site_url"), FieldPanel("declaration_date"),
             FieldPanel("rgaa_version")],
            heading=_("Déclaration"),
        ),
        MultiFieldPanel(
            [FieldPanel("audit_date"), FieldPanel("auditor"), FieldPanel("audit_rate"), FieldPanel("audit_pages"),
             FieldPanel("audit_tools"), FieldPanel("technologies"), FieldPanel("test_environment")],
            heading=_("Audit de conformité"),
        ),
        MultiFieldPanel(
            [FieldPanel("non_conformities"), FieldPanel("derogations"), FieldPanel("exempt_content")],
            heading=_("Contenus non accessibles"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_form_url"), FieldPanel("postal_address")],
            heading=_("Retour d'information et contact"),
        ),
        FieldPanel("remedies"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("non_conformities")]

    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("déclaration d'accessibilité")

    def clean(self):
        super().clean()
        errors = {}
        if self.audit_date is None and self.audit_rate is not None:
            errors["audit_date"] = _("Indiquez la date de l'audit qui a mesuré ce taux.")
        if self.audit_date is not None and self.audit_rate is None:
            errors["audit_rate"] = _("Indiquez le taux de conformité mesuré par cet audit.")
        if not (self.contact_email or self.contact_form_url):
            errors["contact_email"] = _("Indiquez une adresse électronique ou l'adresse d'un formulaire de contact : "
                                        "le RGAA exige un moyen de signaler un défaut d'accessibilité.")
        if errors:
            raise ValidationError(errors)

    @property
    def audit_recorded(self) -> bool:
        return self.audit_date is not None and self.audit_rate is not None

    @property
    def audit_rate_label(self) -> str:
        return format_rate(self.audit_rate) if self.audit_rate is not None else ""

    @property
    def conformity(self) -> Conformity:
        return conformity_status(self.audit_rate if self.audit_recorded else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            conformity=self.conformity,
            audit_pages=lines(self.audit_pages),
            audit_tools=lines(self.audit_tools),
            technologies=lines(self.technologies),
            test_environment=lines(self.test_environment),
        )
        return context


class EcodesignStatementPage(BasePage):
    """The RGESN 2024 eco-design declaration.

    Criteria are recorded one by one with an honest status; the page budgets
    are not editable and are read from `interconnectes.budgets`, so the
    declaration states exactly what the test suite checks.
    """

    intro = models.TextField(_("chapô"), max_length=1200, blank=True)  # longer than other pages': it explains
    declaration_date = models.DateField(_("date de la déclaration"))
    hosting_provider = models.CharField(_("hébergeur"), max_length=200, blank=True)
    hosting_location = models.CharField(_("lieu d'hébergement"), max_length=200, blank=True)
    hosting_energy = models.TextField(
        _("énergie de l'hébergement"), blank=True,
        help_text=_("Part d'énergie renouvelable, efficacité énergétique (PUE) des centres de données…"),
    )
    cache_strategy = models.TextField(_("stratégie de cache"), blank=True)
    min_connection = models.CharField(
        _("connexion minimale prise en charge"), max_length=120, default=budgets.MIN_CONNECTION,
    )
    measured_figures = models.TextField(
        _("mesures relevées"), blank=True,
        help_text=_("Chiffres mesurés sur le site en production (poids, requêtes, EcoIndex), à mettre à jour après "
                    "chaque mesure."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("declaration_date"),
        InlinePanel("criteria", label=_("Critère du RGESN"), heading=_("Critères du RGESN")),
        MultiFieldPanel(
            [FieldPanel("hosting_provider"), FieldPanel("hosting_location"), FieldPanel("hosting_energy")],
            heading=_("Hébergement"),
        ),
        FieldPanel("cache_strategy"),
        FieldPanel("min_connection"),
        FieldPanel("measured_figures"),
    ]
    parent_page_types = ["interconnectes.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("déclaration d'écoconception")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        criteria = SimpleLazyObject(lambda: list(self.criteria.all()))
        context.update(
            criteria=criteria,
            criteria_summary=SimpleLazyObject(lambda: criteria_summary(criterion.status for criterion in criteria)),
            budget_rows=budget_rows(),
            budget_limits=budget_limits(),
        )
        return context


class EcodesignCriterion(Orderable):
    page = ParentalKey(EcodesignStatementPage, on_delete=models.CASCADE, related_name="criteria")
    reference = models.CharField(_("référence"), max_length=10, help_text=_("Numéro du critère, par exemple 4.1."))
    title = models.CharField(_("intitulé"), max_length=300)
    status = models.CharField(_("statut"), max_length=20, choices=CriterionStatus.choices,
                              default=CriterionStatus.NOT_MET)
    note = models.TextField(_("précision"), blank=True,
                            help_text=_("Ce qui est fait, ou pourquoi ce n'est pas le cas."))

    panels = [FieldPanel("reference"), FieldPanel("title"), FieldPanel("status"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("critère du RGESN")
        verbose_name_plural = _("critères du RGESN")

    def __str__(self):
        return f"{self.reference} {self.title}"


def declaration_links(request=None) -> list[tuple[str, str]]:
    """(URL, label) of the live declarations for the footer, the accessibility one carrying its status.

    The RGAA requires the status next to the link. Read once per content
    version: the footer is a cached fragment.
    """
    links = []
    accessibility = AccessibilityStatementPage.objects.live().order_by("path").first()
    if accessibility is not None and (url := accessibility.get_url(request)):
        links.append((url, _("Accessibilité : %(status)s") % {"status": accessibility.conformity.label}))
    ecodesign = EcodesignStatementPage.objects.live().order_by("path").first()
    if ecodesign is not None and (url := ecodesign.get_url(request)):
        links.append((url, _("Écoconception")))
    return links
