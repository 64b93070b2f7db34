"""The library's reader-facing form: "signaler une erreur"."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErrorReportForm(forms.Form):
    message = forms.CharField(
        label=_("Ce qui est inexact"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Le champ concerné, ce qui est faux, et si possible la bonne information et sa source "
                    "(2 000 caractères au plus)."),
        error_messages={"required": _("Décrivez l'erreur : ce qui est inexact, et si possible la bonne "
                                      "information."),
                        "max_length": _("Le message dépasse 2 000 caractères : raccourcissez-le.")})
