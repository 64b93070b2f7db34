"""Forms of the labels app. ModelForms list their fields explicitly: status, reference, owner
and campaign are never form fields, so posting them changes nothing."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from labels.attachments import ACCEPT
from labels.models import Application
from labels.steps import IMPACT, ORGANISATION, PROJECT, SUMMARY

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class StepForm(AccessibleFormMixin, forms.ModelForm):
    """Drafting never requires a field: required fields are checked at submission."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class OrganisationForm(StepForm):
    class Meta:
        model = Application
        fields = list(ORGANISATION.fields)
        widgets = {"org_created_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
                   "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
                   "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
                   "siren": forms.TextInput(attrs={"inputmode": "numeric"}),
                   "siret": forms.TextInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Accept "123 456 789": the form field allows spaces, removed before the model's validators run.
        for name in ("siren", "siret"):
            field = self.fields[name]
            field.max_length = 20
            field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
            field.widget.attrs["maxlength"] = "20"

    def clean_siren(self):
        return "".join(self.cleaned_data["siren"].split())

    def clean_siret(self):
        return "".join(self.cleaned_data["siret"].split())


class ProjectForm(StepForm):
    class Meta:
        model = Application
        fields = list(PROJECT.fields)
        widgets = {name: TEXTAREA for name in ("summary", "problem", "solution", "partners")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = self.instance.campaign.categories.all()
        self.fields["category"].empty_label = _("Choisissez une catégorie")


class ImpactForm(StepForm):
    class Meta:
        model = Application
        fields = list(IMPACT.fields)
        widgets = {name: TEXTAREA for name in ("impact", "funding", "sobriety", "inclusion", "ethics",
                                               "data_protection")}


class SummaryForm(StepForm):
    class Meta:
        model = Application
        fields = list(SUMMARY.fields)


STEP_FORMS = {"organisation": OrganisationForm, "projet": ProjectForm, "impact": ImpactForm}


class AttachmentForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(label=_("Fichier"),
                           help_text=_("PDF, PNG, JPEG, ODT ou DOCX, 10 Mo au plus, 5 fichiers au plus."),
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))


class CoEditorForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de votre collègue"))


class ReasonForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(label=_("Motif"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ReopenForm(ReasonForm):
    until = forms.DateTimeField(label=_("Nouvelle date limite (heure de Paris)"),
                                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
