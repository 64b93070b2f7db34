"""The laureates archive: every laureate and special mention of the published editions, with filters.

The editions (a few dozen pages) are read once and kept in memory; the
laureates are filtered, ordered and paginated in the database, so the page
reads its own 24 rows and costs the same number of queries whatever the
filters and however many editions the archive holds. Filters come from a
Django form: a value it does not know is ignored, never a 500.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
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
    """One page of applications joined to their campaigns (already in memory)."""
    by_pk = {campaign.pk: campaign for campaign in campaigns}
    return [Laureate(application, by_pk[application.campaign_id]) for application in applications]


def filter_choices(campaigns, awarded_campaign_ids, category_names) -> tuple[list, list, list]:
    """(years, (label, name) pairs, category names) that have at least one laureate: the form offers no empty
    filter. `awarded_campaign_ids`: the campaigns with a laureate or a mention."""
    awarded = [campaign for campaign in campaigns if campaign.pk in awarded_campaign_ids]
    years = sorted({campaign.year for campaign in awarded if campaign.year}, reverse=True)
    labels = sorted({(campaign.label, str(campaign.get_label_display())) for campaign in awarded})
    return years, labels, sorted(set(category_names), key=str.casefold)


def apply_filters(applications, campaigns, filters: dict):
    """`applications` narrowed to `filters` in SQL, newest edition first, then laureates before mentions and
    by name: the archive's order, so that the database can hand over one page."""
    kept = [campaign.pk for campaign in campaigns
            if filters.get("year", campaign.year) == campaign.year and filters.get("label", campaign.label) ==
            campaign.label]
    rows = applications.filter(campaign_id__in=kept)
    if "category" in filters:
        rows = rows.filter(category__name=filters["category"])
    if "region" in filters:
        rows = rows.filter(org_region=filters["region"])
    mention_last = Case(When(status=ApplicationStatus.MENTION, then=Value(1)), default=Value(0),
                        output_field=IntegerField())
    return rows.order_by("-campaign__year", "campaign__label", "campaign_id", mention_last,
                          Lower("published_org_name"), "pk")
