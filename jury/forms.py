"""Forms of the jury's pages: conflict declaration, score sheet, decision, unlock, assignment.

The score sheet's rules (scale, comment at the bottom of the scale) live in
`jury/rules.clean_scores`; the form applies them and puts each error next to
the field it concerns, and the service saves what the form cleaned.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from jury import assignment, rules
from jury.models import DecisionOutcome

COMMENT = forms.Textarea(attrs={"rows": 3})


class DeclarationForm(AccessibleFormMixin, forms.Form):
    """The juror's declaration; a conflict's reason is required by the service (`services.conflicts.declare`),
    whose error the view puts next to the field."""

    NO_CONFLICT, CONFLICT = "aucun", "conflit"

    answer = forms.ChoiceField(
        label=_("Déclaration"), widget=forms.RadioSelect,
        choices=[(NO_CONFLICT, _("Je déclare n'avoir aucun conflit d'intérêts avec cette candidature.")),
                 (CONFLICT, _("J'ai un conflit d'intérêts avec cette candidature."))],
        error_messages={"required": _("Choisissez l'une des deux déclarations.")},
    )
    reason = forms.CharField(label=_("Motif du conflit"), required=False, max_length=2000, widget=COMMENT,
                             help_text=_("Requis en cas de conflit. Vous ne verrez plus ce dossier."))

    @property
    def has_conflict(self):
        return self.cleaned_data["answer"] == self.CONFLICT


class OpenedAtField(forms.DateTimeField):
    """The sheet's last save as the form was opened (ISO 8601, written by the page), or None for a new sheet.

    A value that is not a real date (30 February, a hand-edited form) is an
    error of the whole form, before anything is saved; the page then sends it
    back empty, so that the juror's next save goes through.
    """

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        try:
            self.to_python(data)
        except ValidationError:
            return ""
        return data


class ScoreSheetForm(AccessibleFormMixin, forms.Form):
    """One score and one comment per criterion of the round, and an overall comment.

    `criteria` are the round's (frozen from the opening of scoring on).
    `loaded_at` carries the sheet's last save as the form was opened: when
    another tab saved in between, the view says so after this save wins.
    Cleaned: `scores`, {criterion id: (whole number or None, comment)}, and
    `loaded_at`, an aware datetime or None.
    """

    overall_comment = forms.CharField(label=_("Commentaire général"), required=False, max_length=5000,
                                      widget=forms.Textarea(attrs={"rows": 4}))
    loaded_at = OpenedAtField(required=False, error_messages={"invalid": _(
        "Vos notes n'ont pas été enregistrées : la date d'ouverture de la fiche envoyée avec le formulaire est "
        "invalide. Vérifiez vos notes puis enregistrez-les à nouveau.")})

    def __init__(self, *args, criteria, disabled=False, **kwargs):
        self.criteria = list(criteria)
        super().__init__(*args, **kwargs)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.CharField(
                label=_("Note (0 à %(max)s)") % {"max": criterion.max_score}, required=False, max_length=4,
                widget=forms.NumberInput(attrs={"min": 0, "max": criterion.max_score, "step": 1,
                                                "inputmode": "numeric", "class": "score-input"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Commentaire"), required=False, max_length=3000, widget=COMMENT,
                help_text=_("Requis pour la note 0."),
            )
        self.order_fields([name for criterion in self.criteria
                           for name in (f"score_{criterion.pk}", f"comment_{criterion.pk}")]
                          + ["overall_comment", "loaded_at"])
        if disabled:
            for field in self.fields.values():
                field.disabled = True

    @staticmethod
    def initial_for(scores, sheet):
        initial = {"overall_comment": sheet.overall_comment if sheet else "",
                   "loaded_at": sheet.updated_at.isoformat() if sheet else ""}
        for score in scores:
            initial[f"score_{score.criterion_id}"] = score.value
            initial[f"comment_{score.criterion_id}"] = score.comment
        return initial

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
                for criterion in self.criteria]

    def clean(self):
        data = super().clean()
        if "loaded_at" in self.errors:  # a hidden field: its error is the form's own, shown at the top
            self.add_error(None, list(self.errors.pop("loaded_at")))
        scales = [rules.Scale(c.pk, c.name, c.max_score) for c in self.criteria]
        values = {c.pk: (data.get(f"score_{c.pk}") or "").strip() for c in self.criteria}
        comments = {c.pk: data.get(f"comment_{c.pk}") or "" for c in self.criteria}
        try:
            data["scores"] = rules.clean_scores(scales, values, comments)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                self.add_error(None if key == "__all__" else f"score_{key}", messages)
        return data


class DecisionForm(AccessibleFormMixin, forms.Form):
    """A new entry of the register; the citation a laureate or a mention needs is required by `Decision.clean`,
    whose error the view puts next to the field."""

    outcome = forms.ChoiceField(label=_("Décision du jury"), choices=DecisionOutcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Choisissez la décision du jury.")})
    citation = forms.CharField(label=_("Citation publique"), required=False, max_length=1200, widget=COMMENT,
                               help_text=_("Publiée sur la page de la campagne pour un lauréat ou une mention."))
    feedback = forms.CharField(label=_("Retour au candidat"), required=False, max_length=3000,
                               widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("Synthèse approuvée par le jury, envoyée au candidat avec le résultat "
                                           "(jamais les commentaires bruts des jurés)."))
    minutes = forms.CharField(label=_("Procès-verbal de la délibération"), required=False, max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 4}))


class FetchedChoices(forms.models.ModelChoiceIterator):
    """A select's options from the objects the view has already read (`field.fetched`), not one query per select."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.fetched:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.fetched) + (self.field.empty_label is not None)


class JurorAndFileChoicesMixin:
    """A juror and a file of the round, checked against the `jurors` and `applications` querysets."""

    def __init__(self, *args, jurors, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = jurors
        self.fields["application"].queryset = applications

    def draw_options_from(self, jurors, applications):
        """Take the selects' options from these lists, already read for the page, rather than new queries."""
        for name, objects in (("juror", jurors), ("application", applications)):
            field = self.fields[name]
            field.fetched, field.iterator = objects, FetchedChoices
            field.widget.choices = field.choices


class UnlockForm(JurorAndFileChoicesMixin, AccessibleFormMixin, forms.Form):
    juror = forms.ModelChoiceField(label=_("Juré"), queryset=None,
                                   error_messages={"required": _("Choisissez le juré.")})
    application = forms.ModelChoiceField(label=_("Candidature"), queryset=None, required=False,
                                         empty_label=_("Toutes ses candidatures"))
    until = forms.DateTimeField(label=_("Déverrouillé jusqu'au (heure de Paris)"),
                                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                error_messages={"required": _("Indiquez jusqu'à quand."),
                                                "invalid": _("Saisissez une date et une heure valides.")})
    reason = forms.CharField(label=_("Motif"), max_length=2000, widget=COMMENT,
                             error_messages={"required": _("Indiquez le motif du déverrouillage.")})


class AssignForm(forms.Form):
    mode = forms.ChoiceField(label=_("Répartition"), choices=assignment.Mode.choices)


class AssignmentChangeForm(JurorAndFileChoicesMixin, AccessibleFormMixin, forms.Form):
    ADD, REMOVE = "ajouter", "retirer"

    action = forms.ChoiceField(label=_("Action"), choices=[(ADD, _("Attribuer")), (REMOVE, _("Retirer"))])
    juror = forms.ModelChoiceField(label=_("Juré"), queryset=None,
                                   error_messages={"required": _("Choisissez le juré.")})
    application = forms.ModelChoiceField(label=_("Candidature"), queryset=None,
                                         error_messages={"required": _("Choisissez la candidature.")})

