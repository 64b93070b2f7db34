"""Finding records in the library: the facets form (GET, no JavaScript), its filters and its counts, in SQL.

Facets: theme, technique, status, region, kind and size of the lead
collectivité, "code ouvert" (a code address is filled), "retour d'expérience
disponible" (a level-1 lessons field is filled: the fact is public, never
the lessons themselves), and words (`q`) looked up in the site search's
index of level-0 text (`sitesearch`: accents, capitals and plurals folded).

Whatever the library holds, a page asks a fixed number of queries: the
choices of themes and techniques, one aggregate that counts every choice of
every facet (each count with the other facets' filters applied, so a count
says what choosing it would give), and the page of results with its total.
An unknown value is answered next to its field in French and ignored.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from interconnectes.models import OrganisationKind
from interconnectes.regions import Region
from library import facets
from library.rules import Status
from sitesearch.models import Kind, SearchDocument
from sitesearch.text import query_terms

RESULTS_PER_PAGE = 20
CHOICE_FACETS = ("theme", "technique", "status", "region", "kind", "size")
FLAG_FACETS = ("code", "lessons")
LESSON_FIELDS = ("lessons_worked", "lessons_failed", "lessons_differently")


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Mots"), required=False, max_length=100,
                        help_text=_("Dans la finalité, l'utilisation, le contrôle humain des projets."))
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    technique = forms.ChoiceField(label=_("Technique d'IA"), required=False)
    status = forms.ChoiceField(label=_("Statut"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    kind = forms.ChoiceField(label=_("Type de collectivité"), required=False)
    size = forms.ChoiceField(label=_("Taille de la collectivité"), required=False)
    code = forms.BooleanField(label=_("Code ouvert"), required=False)
    lessons = forms.BooleanField(label=_("Retour d'expérience disponible"), required=False)

    ALL = {"theme": _("Tous les thèmes"), "technique": _("Toutes les techniques"), "status": _("Tous les statuts"),
           "region": _("Toutes les régions"), "kind": _("Tous les types"), "size": _("Toutes les tailles")}

    def __init__(self, *args, themes=(), techniques=(), **kwargs):
        """`themes` and `techniques`: (slug, name) pairs."""
        super().__init__(*args, **kwargs)
        self.options = {
            "theme": list(themes),
            "technique": list(techniques),
            "status": list(Status.choices),
            "region": list(Region.choices),
            "kind": list(OrganisationKind.choices),
            "size": [(band.key, band.label) for band in facets.SIZE_BANDS],
        }
        for name, options in self.options.items():
            self.fields[name].choices = [("", self.ALL[name]), *options]
            self.fields[name].error_messages["invalid_choice"] = _(
                "Ce choix n'existe pas (ou plus) : le filtre est ignoré.")

    def filters(self) -> dict:
        """The valid, non-empty values (an invalid one is left out: its field shows why)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def show_counts(self, counts: dict) -> None:
        """Put each choice's count next to its label ("Mobilités (3)")."""
        for name, options in self.options.items():
            self.fields[name].choices = [("", self.ALL[name]), *(
                (value, f"{label} ({counts.get((name, value), 0)})") for value, label in options)]
        for name in FLAG_FACETS:
            # A bound field copied its label when the form was validated: the count goes on the bound one.
            self[name].label = f"{self.fields[name].label} ({counts.get((name, True), 0)})"


def text_q(query: str) -> Q:
    """Records whose level-0 text, in the site search's index, holds every term of `query` (word starts)."""
    terms = query_terms(query)
    if not terms:
        return Q()
    documents = SearchDocument.objects.filter(
        kind=Kind.AI_PROJECT,
        key=Concat(Value("implementation:"), Cast(OuterRef("pk"), output_field=CharField())))
    for term in terms:
        documents = documents.filter(terms__contains=f" {term}")
    return Q(Exists(documents))


def choice_q(name: str, value) -> Q:
    """The records one choice of one facet keeps."""
    if name == "theme":
        return Q(use_case__theme__slug=value)
    if name == "technique":
        return Q(use_case__technique__slug=value)
    if name == "status":
        return Q(status=value)
    if name == "region":
        return Q(lead_organisation__region=value)
    if name == "kind":
        return Q(lead_organisation__kind=value)
    if name == "size":
        band = facets.SIZE_BY_KEY[value]
        low = Q(lead_organisation__population__gte=band.low)
        return low & Q(lead_organisation__population__lt=band.high) if band.high is not None else low
    if name == "code":
        return ~Q(code_url="")
    if name == "lessons":
        lessons = Q()
        for field in LESSON_FIELDS:
            lessons |= ~Q(**{field: ""})
        return lessons
    if name == "q":
        return text_q(value)
    raise KeyError(name)


def combined(filters: dict, *, without: str = "") -> Q:
    q = Q()
    for name, value in filters.items():
        if name != without:
            q &= choice_q(name, value)
    return q


def facet_counts(records, form: LibraryFilterForm, filters: dict) -> dict:
    """(facet, value) → the records that choosing it would leave, the other facets' filters kept: one query."""
    aggregates = {}
    keys = {}
    for name in CHOICE_FACETS:
        others = combined(filters, without=name)
        for index, (value, _label) in enumerate(form.options[name]):
            alias = f"{name}_{index}"
            keys[alias] = (name, value)
            aggregates[alias] = Count("pk", filter=others & choice_q(name, value))
    for name in FLAG_FACETS:
        keys[name] = (name, True)
        aggregates[name] = Count("pk", filter=combined(filters, without=name) & choice_q(name, True))
    totals = records.order_by().aggregate(**aggregates)
    return {keys[alias]: total for alias, total in totals.items()}


@dataclass(frozen=True)
class Card:
    """A result, as a list shows it: level-0 values only."""

    title: str  # the use case
    organisation: str
    url: str
    status_label: str
    purpose: str
    is_illustrative: bool
    to_check: bool  # past its review date: "à vérifier"
    has_code: bool


def card(implementation, today, request=None) -> Card:
    """A listed implementation (`ImplementationQuerySet.listed`) as a card."""
    use_case = implementation.use_case
    return Card(title=use_case.title, organisation=implementation.lead_organisation.name,
                url=use_case.implementation_url(implementation.slug, request),
                status_label=implementation.get_status_display(), purpose=implementation.purpose,
                is_illustrative=implementation.is_illustrative,
                to_check=facets.is_to_check(implementation.review_due_on, today),
                has_code=bool(implementation.code_url))


@dataclass
class Found:
    form: LibraryFilterForm
    filters: dict
    results: object  # a Paginator page of cards
    query_string: str  # the filters, for the pagination's links


def find(records, data, *, themes, techniques, page_number, today, request=None) -> Found:
    """Filter the published `records` with the GET `data`; count each facet's choices; one page of results."""
    form = LibraryFilterForm(data or None, themes=themes, techniques=techniques)
    filters = form.filters() if data else {}
    form.show_counts(facet_counts(records, form, filters))
    results = Paginator(records.filter(combined(filters)).listed(), RESULTS_PER_PAGE).get_page(page_number)
    results.object_list = [card(implementation, today, request) for implementation in results.object_list]
    return Found(form=form, filters=filters, results=results,
                 query_string=urlencode({name: "on" if value is True else value for name, value in filters.items()}))
