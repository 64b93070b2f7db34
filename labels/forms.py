"""Forms of the labels app. ModelForms list their fields explicitly: status, reference, owner
and campaign are never form fields, so posting them changes nothing."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from interconnectes.validators import siret_matches_siren
from labels import eligibility
from labels.attachments import ACCEPT
from labels.models import Application, ApplicationStatus
from labels.steps import IMPACT, ORGANISATION, PROJECT, SUMMARY, organisation_fields, organisation_kinds

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class StepForm(AccessibleFormMixin, forms.ModelForm):
    """Drafting never requires a field: required fields are checked at submission."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def draft_values(self) -> dict:
        """The values worth keeping in the draft: every well-formed one, even beside another field's error."""
        return {name: value for name, value in self.cleaned_data.items() if name in self.fields}


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
        self.well_formed = {}
        label = self.instance.campaign.label
        for name in [name for name in self.fields if name not in organisation_fields(label)]:
            del self.fields[name]
        self.fields["org_kind"].choices = [("", _("Choisissez un type")), *organisation_kinds(label)]
        # Accept "123 456 789": the form field allows spaces, removed before the model's validators run.
        for name in ("siren", "siret"):
            field = self.fields[name]
            field.max_length = 20
            field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
            field.widget.attrs["maxlength"] = "20"

    def clean_siren(self):
        """One application per organisation and campaign: a second person of the organisation is sent to the
        first one's draft (co-editors are invited from its summary), without being told who holds it."""
        siren = "".join(self.cleaned_data["siren"].split())
        other = list(Application.objects.same_organisation(self.instance, siren).values_list("status", flat=True)) \
            if siren else []
        if other:
            if ApplicationStatus.DRAFT in other:
                raise forms.ValidationError(_(
                    "Un brouillon existe déjà pour cette organisation (même SIREN) dans cette campagne : "
                    "demandez à la personne qui l'a commencé de vous inviter à le rédiger avec elle."))
            raise forms.ValidationError(_(
                "Une candidature de cette organisation (même SIREN) est déjà déposée dans cette campagne."))
        return siren

    def clean_siret(self):
        return "".join(self.cleaned_data["siret"].split())

    def clean(self):
        """Refuse, next to its field, what makes the organisation ineligible, as soon as it is typed.

        The value stays in the draft (`draft_values`), so that the summary names the same block.
        """
        cleaned = super().clean()
        siren, siret = cleaned.get("siren"), cleaned.get("siret")
        if siren and siret and not siret_matches_siren(siret, siren):
            self.add_error("siret", _("Ce SIRET n'appartient pas au SIREN indiqué : ses 9 premiers chiffres "
                                      "doivent être ceux du SIREN."))
        campaign = self.instance.campaign
        problems = eligibility.organisation_errors(eligibility.Facts(
            label=campaign.label, organisation_kind=cleaned.get("org_kind") or "",
            organisation_created_on=cleaned.get("org_created_on"),
            deadline=campaign.closes_at.date() if campaign.closes_at else None,
        ))
        for name, message in problems:
            if name in cleaned:
                self.well_formed[name] = cleaned[name]
            self.add_error(name, message)
        return cleaned

    def draft_values(self) -> dict:
        return {**super().draft_values(), **self.well_formed}


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campaign = self.instance.campaign
        if campaign.rules:  # the consent names the rules: link them, where the campaign's page shows them
            self.fields["consent_rules"].help_text = format_html(
                '<a href="{}#rules-title">{}</a>', campaign.url, _("Lire le règlement du label"))


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
