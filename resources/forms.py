"""The resource space's reader-facing forms: "signaler un problème" and the usefulness vote."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX = 2000


class ReportForm(forms.Form):
    message = forms.CharField(
        label=_("Le problème"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Un lien cassé, une information dépassée, une erreur : ce qui ne va pas, et si possible la "
                    "bonne information (2 000 caractères au plus)."),
        error_messages={"required": _("Décrivez le problème : un lien cassé, une information dépassée, une "
                                      "erreur…"),
                        "max_length": _("Le message dépasse 2 000 caractères : raccourcissez-le.")})


class VoteForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Cette ressource vous a-t-elle été utile ?"), choices=[("oui", _("Oui")), ("non", _("Non"))],
        coerce=lambda value: value == "oui",
        error_messages={"required": _("Répondez oui ou non."), "invalid_choice": _("Répondez oui ou non.")})
