"""Forms of the labels app. ModelForms list their fields explicitly: status, reference, owner
and campaign are never form fields, so posting them changes nothing."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from labels.attachments import ACCEPT
from labels.models import Application
from labels.steps import IMPACT, ORGANISATION, PROJECT, SUMMARY


class AccessibleFormMixin:
    """Tie help texts and errors to their input with aria-describedby, and flag invalid inputs.

    Errors a view adds after validation (a service's refusal put next to its
    field) are tied to their input too.
    """

    def full_clean(self):
        super().full_clean()
        self.describe_inputs()

    def add_error(self, field, error):
        super().add_error(field, error)
        self.describe_inputs()

    def describe_inputs(self):
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if self.errors.get(name):
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_helptext")


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


# Accounts

class SignupForm(AccessibleFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Nom"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=150,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label=_("Mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("12 caractères au moins, pas un mot de passe courant ni uniquement des chiffres."),
    )
    password2 = forms.CharField(label=_("Confirmation du mot de passe"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne correspondent pas."))
        if password1:
            user = get_user_model()(username=cleaned.get("email", ""), email=cleaned.get("email", ""),
                                    first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", ""))
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AccessibleFormMixin, AuthenticationForm):
    # No autofocus (Django's default): keyboard and screen-reader users start at the skip link and the
    # page's heading, as on every other page, instead of being dropped inside the form.
    username = forms.CharField(label=_("Adresse e-mail"), max_length=150,
                               widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class DeleteAccountForm(AccessibleFormMixin, forms.Form):
    password = forms.CharField(label=_("Votre mot de passe, pour confirmer"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("Mot de passe incorrect."))
        return self.cleaned_data["password"]
