"""The community's forms; every message in French, next to its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from community.models import BODY_MAX_LENGTH, Frequency

BODY_ERRORS = {"required": _("Écrivez votre message."),
               "max_length": _("Votre message est trop long : %(limit_value)d caractères au plus (il en compte "
                               "%(show_value)d).")}
BODY_HELP = _("Texte simple : les adresses web deviennent des liens, « @prenom-nom » mentionne un membre (il en "
              "est averti par e-mail).")


def body_field(label):
    return forms.CharField(label=label, max_length=BODY_MAX_LENGTH, strip=True, help_text=BODY_HELP,
                           widget=forms.Textarea(attrs={"rows": 6}), error_messages=BODY_ERRORS)


class PostForm(AccessibleFormMixin, forms.Form):
    body = body_field(_("Votre réponse"))


class EditPostForm(AccessibleFormMixin, forms.Form):
    body = body_field(_("Message"))


class TopicForm(AccessibleFormMixin, forms.Form):
    title = forms.CharField(label=_("Titre du sujet"), max_length=200,
                            help_text=_("Une question ou un thème en une ligne."),
                            error_messages={"required": _("Donnez un titre au sujet."),
                                            "max_length": _("Le titre fait %(limit_value)d caractères au plus.")})
    body = body_field(_("Message"))


class ReportForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(label=_("Pourquoi signalez-vous ce message ?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Lu par les seuls modérateurs de l'espace."),
                             error_messages={"required": _("Dites ce qui pose problème dans ce message."),
                                             "max_length": _("Le motif fait %(limit_value)d caractères au plus.")})


class HideForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(label=_("Motif du masquage"), max_length=300,
                             help_text=_("Montré aux modérateurs et à l'auteur ou l'autrice du message."),
                             error_messages={"required": _("Indiquez le motif du masquage.")})


class SubscriptionForm(AccessibleFormMixin, forms.Form):
    frequency = forms.ChoiceField(label=_("Recevoir les nouveaux messages par e-mail"), choices=Frequency.choices,
                                  initial=Frequency.DAILY,
                                  error_messages={"required": _("Choisissez une fréquence."),
                                                  "invalid_choice": _("Choisissez une fréquence de la liste.")})
