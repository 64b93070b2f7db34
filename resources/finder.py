"""Finding resources: the filters form (GET, no JavaScript), its filters in SQL, one page of cards.

Filters: kind, theme, audience and collection. Whatever the space holds, a
page asks a fixed number of queries: the choices of themes and collections
(kept in the cache until the content changes), the page of results with its
total, and the themes of that page's resources. An unknown value is answered
next to its field in French and ignored.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resources.rules import RESULTS_PER_PAGE, Audience, Kind, Visibility

FILTERS = ("kind", "theme", "audience", "collection")


class ResourceFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    audience = forms.ChoiceField(label=_("Public visé"), required=False)
    collection = forms.ChoiceField(label=_("Collection"), required=False)

    ALL = {"kind": _("Tous les types"), "theme": _("Tous les thèmes"), "audience": _("Tous les publics"),
           "collection": _("Toutes les collections")}

    def __init__(self, *args, choices: dict, **kwargs):
        """`choices`: the themes' and collections' (slug, name) pairs."""
        super().__init__(*args, **kwargs)
        options = {"kind": list(Kind.choices), "audience": list(Audience.choices), **choices}
        for name in FILTERS:
            field = cast(forms.ChoiceField, self.fields[name])
            field.choices = [("", self.ALL[name]), *options[name]]
            field.error_messages["invalid_choice"] = _(
                "Ce choix n'existe pas (ou plus) : le filtre est ignoré.")

    def filters(self) -> dict:
        """The valid, non-empty values (an invalid one is left out: its field shows why)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def filter_q(filters: dict) -> Q:
    q = Q()
    if "kind" in filters:
        q &= Q(kind=filters["kind"])
    if "audience" in filters:
        q &= Q(audience=filters["audience"])
    if "theme" in filters:
        q &= Q(themes__slug=filters["theme"])
    if "collection" in filters:
        q &= Q(collection_items__collection__slug=filters["collection"])
    return q


@dataclass(frozen=True)
class Card:
    """A resource as a list shows it."""

    title: str
    url: str
    kind: str
    audience: str
    summary: str
    themes: list[str]
    members_only: bool
    is_illustrative: bool
    is_link: bool


def card(resource, url: Callable[[str], str]) -> Card:
    """A resource read with its themes prefetched, as a card; `url`: the address of a resource from its slug."""
    return Card(title=resource.title, url=url(resource.slug), kind=resource.get_kind_display(),
                audience=resource.get_audience_display(), summary=resource.summary,
                themes=[theme.name for theme in resource.themes.all()],
                members_only=resource.visibility == Visibility.MEMBERS, is_illustrative=resource.is_illustrative,
                is_link=not resource.file)


@dataclass
class Found:
    form: ResourceFilterForm
    filters: dict
    results: object  # a Paginator page of cards
    query_string: str  # the filters, for the pagination's links


def find(resources, data, *, choices: dict, page_number, url: Callable[[str], str]) -> Found:
    """Filter the visible `resources` with the GET `data`; one page of cards, newest first."""
    form = ResourceFilterForm(data or None, choices=choices)
    filters = form.filters() if data else {}
    # A theme or a collection filter joins a many-valued relation: keep each resource once by filtering on ids.
    selected = resources.filter(pk__in=resources.filter(filter_q(filters)).values("pk")) if filters else resources
    rows = selected.prefetch_related("themes").order_by("-published_on", "title", "pk")
    results = Paginator(rows, RESULTS_PER_PAGE).get_page(page_number)
    results.object_list = [card(resource, url) for resource in results.object_list]
    return Found(form=form, filters=filters, results=results, query_string=urlencode(filters))
