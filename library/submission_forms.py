"""The agents' forms: a draft's fields under their level headings, a use case to start from, the team's review."""

import json

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from library.models import Implementation, UseCasePage
from library.submissions import CHECKLIST, EDITABLE, build_instance, from_json, to_json
from library.tiers import HEADINGS, fields_by_level
from reviews import merge


def formfield(model_field, **kwargs):
    """Addresses typed without a scheme are read as https (Django 6's default)."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class DraftForm(forms.ModelForm):
    """Every editable field of a record, with the level that decides who reads it; `base` carries what the editor
    loaded (reviews/merge.py), so that a co-editor's save meanwhile is kept."""

    base = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Implementation
        fields = list(EDITABLE)
        formfield_callback = formfield
        widgets = {"started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, draft, base=None, **kwargs):
        self.draft = draft
        initial = {name: from_json(name, value) for name, value in draft.data.items() if name in EDITABLE}
        initial["base"] = json.dumps(base if base is not None else merge.fingerprints(
            {name: draft.data.get(name) for name in EDITABLE}))
        super().__init__(*args, instance=build_instance(draft), initial=initial, **kwargs)
        for name in ("started_on", "ended_on"):
            self.fields[name].widget.format = "%Y-%m-%d"

    def sections(self):
        """(heading, [bound fields]) per level, lowest first: the form shows who reads each field."""
        return [(HEADINGS[level], [self[name] for name in names if name in self.fields])
                for level, names in fields_by_level() if any(name in self.fields for name in names)]

    def clean_base(self):
        try:
            value = json.loads(self.cleaned_data.get("base") or "{}")
        except ValueError:
            value = {}
        return value if isinstance(value, dict) else {}

    def values(self) -> dict:
        return {name: to_json(name, self.cleaned_data.get(name)) for name in EDITABLE}


class StartForm(forms.Form):
    """A new record: which use case, for which of the person's collectivités."""

    use_case = forms.ModelChoiceField(label=_("Cas d'usage"), queryset=UseCasePage.objects.none(),
                                      empty_label=_("Choisissez un cas d'usage"))
    organisation = forms.ModelChoiceField(label=_("Collectivité porteuse"), queryset=None,
                                          empty_label=None)

    def __init__(self, *args, organisations, use_cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["use_case"].queryset = use_cases
        self.fields["organisation"].queryset = organisations


class InviteForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Collègue à inviter"), queryset=None,
                                    empty_label=_("Choisissez un agent vérifié de votre collectivité"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda user: user.get_full_name() or user.email


class ReviewForm(forms.Form):
    """The team's decision: approve (every item of the checklist ticked), ask for changes (a comment per field
    and a general one), or refuse (with a reason)."""

    decision = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect, choices=[
        ("approve", _("Approuver et publier")), ("changes", _("Demander des modifications")),
        ("refuse", _("Refuser"))])
    checklist = forms.MultipleChoiceField(label=_("Liste de vérification"), required=False,
                                          widget=forms.CheckboxSelectMultiple, choices=CHECKLIST)
    note = forms.CharField(label=_("Remarque générale ou raison du refus"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Envoyée aux rédacteurs. Obligatoire pour un refus."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in EDITABLE:
            self.fields[f"comment_{name}"] = forms.CharField(
                label=_("Remarque sur « %(field)s »") % {"field": Implementation._meta.get_field(name).verbose_name},
                required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def comments(self) -> dict:
        return {name: self.cleaned_data.get(f"comment_{name}", "") for name in EDITABLE}


class ArchiveForm(forms.Form):
    reason = forms.CharField(label=_("Raison du retrait ou de l'archivage"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Affichée sur la page de la fiche."),
                             error_messages={"required": _("Indiquez pourquoi la fiche est retirée ou archivée : sa "
                                                           "page l'affiche.")})
