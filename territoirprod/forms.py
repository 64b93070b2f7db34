"""The programme's forms: enrolment (by the person or their référent) and the team's roll call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interconnectes.restrictions import private_q
from territoirprod.models import EditionPage, ThemePage


class EnrolForm(forms.Form):
    """A theme, or a whole edition when no theme is given; `person`: an agent a référent enrols."""

    edition = forms.ModelChoiceField(EditionPage.objects.none(), required=False, widget=forms.HiddenInput,
                                     error_messages={"invalid_choice": _("Cette édition n'existe pas.")})
    theme = forms.ModelChoiceField(ThemePage.objects.none(), required=False,
                                   widget=forms.HiddenInput,
                                   error_messages={"invalid_choice": _("Ce thème n'existe pas.")})
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Published pages no view restriction covers, read when the form is made (the index lives in the cache).
        self.fields["edition"].queryset = EditionPage.objects.live().exclude(private_q())
        self.fields["theme"].queryset = ThemePage.objects.live().exclude(private_q())

    def clean(self):
        cleaned = super().clean()
        edition, theme = cleaned.get("edition"), cleaned.get("theme")
        if theme is not None and edition is None:  # a theme's page names the theme only: its edition is its parent
            edition = cleaned["edition"] = EditionPage.objects.filter(path=theme.path[:-theme.steplen]).first()
        if edition is None and not self.has_error("theme") and not self.has_error("edition"):
            self.add_error("edition", _("Choisissez un thème ou une édition."))
        elif edition is not None and theme is not None and not theme.is_child_of(edition):
            self.add_error("theme", _("Ce thème n'appartient pas à cette édition."))
        return cleaned


class RollCallForm(forms.Form):
    """Who was present at a sequence, among the people enrolled in it."""

    present = forms.TypedMultipleChoiceField(label=_("Présent·es"), coerce=int, required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(person.pk, person.get_full_name() or person.email) for person in people]
