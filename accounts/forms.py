"""Forms of the accounts, and the mixin every form of the site uses to tie its help texts and errors to inputs."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.hashers import make_password
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts import tasks
from accounts.models import MembershipApplication, VerificationRequest
from interconnectes import canonical
from interconnectes.models import OrganisationKind


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

    error_messages = {
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect. Vérifiez-les, ou demandez un nouveau mot de "
                           "passe."),
        "inactive": _("Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien du message reçu à "
                      "l'inscription, ou demandez-en un nouveau."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        """Say so when the address and password are right but the address is unconfirmed: only whoever knows the
        password learns it. Every failed attempt checks one more password hash, real or not, so that the time
        of the answer does not tell an unconfirmed account from an unknown one."""
        try:
            return super().clean()
        except forms.ValidationError:
            username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
            unconfirmed = get_user_model().objects.filter(username__iexact=username or "", is_active=False).first()
            if unconfirmed is None:
                make_password(password or "")
            elif unconfirmed.check_password(password or ""):
                self.unconfirmed = True
                raise forms.ValidationError(self.error_messages["inactive"], code="inactive") from None
            raise


class ResendActivationForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=150,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


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


class TaskPasswordResetForm(AccessibleFormMixin, PasswordResetForm):
    """Hand every request to a Django task, whatever the address: the task finds the accounts and e-mails them,
    so that a known and an unknown address cost the request the same; unknown or inactive ones get nothing."""

    def save(self, request=None, **kwargs):
        """The link is made on the site's public address (`canonical`), not on the host the request named."""
        tasks.send_password_reset.enqueue(self.cleaned_data["email"], canonical.root_url(request))


class NoAutofocusMixin:
    """No field takes the focus on its own (Django's password forms autofocus one): keyboard and screen-reader
    users start at the skip link and the page's heading, as on every other page (see LoginForm)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)


class AccessibleSetPasswordForm(NoAutofocusMixin, AccessibleFormMixin, SetPasswordForm):
    pass


class AccessiblePasswordChangeForm(NoAutofocusMixin, AccessibleFormMixin, PasswordChangeForm):
    pass


class InviteAgentForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de l'agent"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "off"}))


class VerificationRequestForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = VerificationRequest
        fields = ["organisation", "organisation_name", "job_title", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"organisation_name": _("Si votre organisation n'est pas dans la liste : l'équipe la créera."),
                      "message": _("Tout ce qui aide l'équipe à vérifier : service, téléphone professionnel…")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].empty_label = _("— Mon organisation n'est pas dans la liste —")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            self.add_error("organisation_name", _("Choisissez votre organisation dans la liste, ou saisissez son "
                                                  "nom si elle n'y est pas."))
        return cleaned


class ApproveRequestForm(AccessibleFormMixin, forms.Form):
    """Staff approving a request for an organisation not on the site yet choose its kind: it is then created."""

    kind = forms.ChoiceField(label=_("Type de l'organisation à créer"), required=False,
                             choices=[("", "—"), *OrganisationKind.choices])


class RefuseRequestForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(label=_("Motif du refus (envoyé à la personne)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class MembershipApplicationForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = MembershipApplication
        fields = ["organisation_name", "siren", "kind", "population", "contact_role", "contact_phone", "message"]
        widgets = {"siren": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "20"}),
                   "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
                   "message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Accept "123 456 789": spaces are removed before the model's validators run.
        siren = self.fields["siren"]
        siren.max_length = 20
        siren.validators = [v for v in siren.validators if not isinstance(v, MaxLengthValidator)]

    def clean_siren(self):
        return "".join(self.cleaned_data["siren"].split())


class AcceptApplicationForm(AccessibleFormMixin, forms.Form):
    """Nothing to fill: accepting is one confirmed click (a POST with its CSRF token)."""
