"""The laureates archive: every laureate and special mention of the published editions, with filters.

All editions together hold a few hundred laureates at most: one query reads
them (with their campaign already in memory), the filters and the pagination
apply in Python, so the page costs the same number of queries whatever the
filters and the amount of data. Filters come from a Django form: a value it
does not know is ignored, never a 500.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from interconnectes.regions import Region
from labels.models.applications import ApplicationStatus

PER_PAGE = 24


class LaureateFilterForm(forms.Form):
    """Year, label, category (by name: each edition has its own category rows) and region; all optional."""

    year = forms.TypedChoiceField(label=_("Édition"), required=False, coerce=int, empty_value=None)
    label = forms.ChoiceField(label=_("Label"), required=False)
    category = forms.ChoiceField(label=_("Catégorie"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False,
                               choices=[("", _("Toutes les régions")), *Region.choices])

    def __init__(self, *args, years=(), labels=(), categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Toutes les éditions")), *[(year, year) for year in years]]
        self.fields["label"].choices = [("", _("Tous les labels")), *labels]
        self.fields["category"].choices = [("", _("Toutes les catégories")), *[(name, name) for name in categories]]

    def filters(self) -> dict:
        """The valid, non-empty values; an invalid one is left out and the others still apply."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items()
                if name not in self.errors and value not in (None, "")}


def filter_form(data, *, years, labels, categories) -> tuple[LaureateFilterForm, dict]:
    """(form, filters) from the GET data; the form comes back without the values it ignored.

    Re-bound to the valid values only, it shows what actually applies and no
    error state pointing at messages the page does not display.
    """
    form = LaureateFilterForm(data or None, years=years, labels=labels, categories=categories)
    filters = form.filters()
    if form.errors:
        form = LaureateFilterForm({name: str(value) for name, value in filters.items()} or None,
                                  years=years, labels=labels, categories=categories)
        form.filters()
    return form, filters


@dataclass
class Laureate:
    """An application as the archive shows it, with its campaign (a page already loaded)."""

    application: object
    campaign: object

    @property
    def is_mention(self) -> bool:
        return self.application.status == ApplicationStatus.MENTION


def laureates_of(campaigns, applications) -> list[Laureate]:
    """Join the published results to their campaigns, newest edition first, laureates before mentions."""
    by_pk = {campaign.pk: (position, campaign) for position, campaign in enumerate(campaigns)}
    rows = [Laureate(application, by_pk[application.campaign_id][1])
            for application in applications if application.campaign_id in by_pk]
    rows.sort(key=lambda row: (by_pk[row.campaign.pk][0], row.is_mention, row.application.published_org_name.casefold(),
                               row.application.pk))
    return rows


def filter_choices(laureates) -> tuple[list, list, list]:
    """(years, (label, name) pairs, category names) that have at least one laureate: the form offers no empty
    filter."""
    years = sorted({row.campaign.year for row in laureates if row.campaign.year}, reverse=True)
    labels = sorted({(row.campaign.label, str(row.campaign.get_label_display())) for row in laureates})
    categories = sorted({row.application.category.name for row in laureates if row.application.category},
                        key=str.casefold)
    return years, labels, categories


def apply_filters(laureates, filters: dict) -> list[Laureate]:
    rows = laureates
    if "year" in filters:
        rows = [row for row in rows if row.campaign.year == filters["year"]]
    if "label" in filters:
        rows = [row for row in rows if row.campaign.label == filters["label"]]
    if "category" in filters:
        rows = [row for row in rows
                if row.application.category and row.application.category.name == filters["category"]]
    if "region" in filters:
        rows = [row for row in rows if row.application.org_region == filters["region"]]
    return rows
