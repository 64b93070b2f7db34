"""The search page's GET form: the query, and the type and year filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sitesearch.models import Kind


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher sur le site"), max_length=200, required=False, strip=True,
        error_messages={"max_length": _("Votre recherche est trop longue : %(limit_value)d caractères au plus.")},
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *Kind.choices],
        error_messages={"invalid_choice": _("Ce type de résultat n’existe pas : choisissez-en un dans la liste.")},
    )
    year = forms.IntegerField(
        label=_("Année"), required=False, min_value=1900, max_value=2100,
        error_messages={"invalid": _("Indiquez une année en chiffres, par exemple 2025."),
                        "min_value": _("Indiquez une année postérieure à 1900."),
                        "max_value": _("Indiquez une année antérieure à 2100.")},
    )
