"""The agenda's filters: theme, region and year, read from the GET parameters of the agenda page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interconnectes.regions import Region


class AgendaFilterForm(forms.Form):
    """Filters of the agenda; unknown values make the form invalid and are ignored, never a 500."""

    theme = forms.ChoiceField(label=_("Thème"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False, choices=[("", _("Toutes les régions")),
                                                                          *Region.choices])
    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, themes=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Tous les thèmes")), *[(theme.slug, theme.name) for theme in themes]]
        self.fields["year"].choices = [("", _("Toutes les années")), *[(year, year) for year in years]]
