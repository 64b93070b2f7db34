"""The forms of expert access and of the contacts' relay; every message in French, next to its field."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin


class AccessRequestForm(AccessibleFormMixin, forms.Form):
    purpose = forms.CharField(
        label=_("Objet de votre demande"), min_length=20, max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Qui vous êtes, ce que vous voulez faire du code et des documents, pour qui."),
        error_messages={"required": _("Dites pourquoi vous demandez cet accès."),
                        "min_length": _("Précisez votre demande : %(limit_value)d caractères au moins.")})
    accept_terms = forms.BooleanField(
        label=_("J'accepte les conditions d'utilisation ci-dessus"),
        error_messages={"required": _("Acceptez les conditions d'utilisation pour envoyer la demande.")})


class ApproveForm(AccessibleFormMixin, forms.Form):
    expires_on = forms.DateField(
        label=_("Accès accordé jusqu'au"), widget=forms.DateInput(format="%d/%m/%Y"),
        help_text=_("Au format jj/mm/aaaa ; un an après aujourd'hui par défaut."),
        error_messages={"required": _("Indiquez jusqu'à quand l'accès est accordé."),
                        "invalid": _("Saisissez une date valide (jj/mm/aaaa).")})

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on <= self.today:
            raise forms.ValidationError(_("Choisissez une date après aujourd'hui."))
        if expires_on > self.today + datetime.timedelta(days=3 * 366):
            raise forms.ValidationError(_("Un accès est accordé pour trois ans au plus."))
        return expires_on


class RefuseForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Envoyé à la personne par e-mail."),
        error_messages={"required": _("Indiquez le motif du refus : il est envoyé à la personne.")})


class ContactMessageForm(AccessibleFormMixin, forms.Form):
    subject = forms.CharField(label=_("Objet"), max_length=150,
                              error_messages={"required": _("Indiquez l'objet de votre message.")})
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
                              help_text=_("Le contact vous répondra directement, à votre adresse e-mail."),
                              error_messages={"required": _("Écrivez votre message.")})
