"""The forms of commitments: every message in French, next to its field. The rules of dates and versions are in
consultations/commitment_rules.py, applied by the service (consultations/commitments.py) whose refusals the views
put back next to these fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from consultations import signed_documents

DATE_HELP = _("Au format jj/mm/aaaa.")
DATE_ERRORS = {"invalid": _("Saisissez une date valide (jj/mm/aaaa).")}


class CommitmentForm(AccessibleFormMixin, forms.Form):
    organisation = forms.TypedChoiceField(
        label=_("Organisation engagée"), coerce=int,
        error_messages={"required": _("Choisissez l'organisation que vous engagez."),
                        "invalid_choice": _("Vous n'êtes pas référent·e vérifié·e de cette organisation.")})
    signatory_name = forms.CharField(
        label=_("Nom du ou de la signataire"), max_length=160,
        error_messages={"required": _("Indiquez le nom de la personne qui a signé la charte.")})
    signatory_role = forms.CharField(
        label=_("Fonction publique du ou de la signataire"), max_length=200,
        help_text=_("Par exemple : vice-présidente déléguée au numérique. Elle est publiée dans le registre."),
        error_messages={"required": _("Indiquez la fonction de la personne qui a signé.")})
    signed_on = forms.DateField(
        label=_("Date de signature"), widget=forms.DateInput(format="%d/%m/%Y"), help_text=DATE_HELP,
        error_messages={"required": _("Indiquez la date de signature."), **DATE_ERRORS})
    signed_document = forms.FileField(
        label=_("Charte signée (PDF)"), help_text=signed_documents.HELP_TEXT,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        error_messages={"required": _("Joignez la charte signée, en PDF.")})
    scope = forms.CharField(
        label=_("Périmètre de l'engagement"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Les services, publics ou projets que l'engagement couvre."),
        error_messages={"required": _("Décrivez le périmètre de l'engagement.")})

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(organisation.pk, organisation.name) for organisation in organisations]

    def clean_signed_document(self):
        document = self.cleaned_data["signed_document"]
        signed_documents.check(document)
        return document

    def commitment_data(self) -> dict:
        """The commitment's own fields, as the service takes them."""
        return {name: self.cleaned_data[name]
                for name in ("signatory_name", "signatory_role", "signed_on", "signed_document", "scope")}


class DecisionForm(AccessibleFormMixin, forms.Form):
    VERIFY, REFUSE = "verifier", "refuser"

    decision = forms.ChoiceField(
        label=_("Décision"), widget=forms.RadioSelect,
        choices=[(VERIFY, _("Vérifié : le ou la signataire engage bien l'organisation")),
                 (REFUSE, _("Refusé"))],
        error_messages={"required": _("Choisissez une décision.")})
    reason = forms.CharField(
        label=_("Motif du refus"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire pour un refus ; envoyé au ou à la référent·e par e-mail."))


class WithdrawForm(AccessibleFormMixin, forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Date du retrait"), widget=forms.DateInput(format="%d/%m/%Y"), help_text=DATE_HELP,
        error_messages={"required": _("Indiquez la date du retrait."), **DATE_ERRORS})
    reason = forms.CharField(
        label=_("Motif du retrait"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Publié dans le registre des signataires."),
        error_messages={"required": _("Indiquez le motif du retrait.")})
