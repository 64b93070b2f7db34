"""Forms of the jury's pages: conflict declaration, score sheet, decision, unlock, assignment, and the
finalists' pitch.

The score sheet's rules (scale, comment at the bottom of the scale) live in
`jury/rules.clean_scores`; the form applies them and puts each error next to
the field it concerns, and the service saves what the form cleaned.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccessibleFormMixin
from interconnectes.privatefiles import video, webvtt
from jury import assignment, bulk, pitches, rules

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
                # The length is checked by a validator rather than max_length, which would also write a
                # maxlength attribute that HTML does not allow on a number input.
                label=_("Note (0 à %(max)s)") % {"max": criterion.max_score}, required=False,
                validators=[MaxLengthValidator(4)],
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
    """A new entry of the register, among the outcomes the round offers (`jury/outcomes.py`); the citation a
    laureate or a mention needs is required by `Decision.clean`, whose error the view puts next to the field."""

    outcome = forms.ChoiceField(label=_("Décision du jury"), widget=forms.RadioSelect,
                                error_messages={"required": _("Choisissez la décision du jury."),
                                                "invalid_choice": _("Cette décision n'est pas possible dans ce "
                                                                    "tour.")})
    citation = forms.CharField(label=_("Citation publique"), required=False, max_length=1200, widget=COMMENT,
                               help_text=_("Publiée sur la page de la campagne pour un lauréat ou une mention."))
    feedback = forms.CharField(label=_("Retour au candidat"), required=False, max_length=3000,
                               widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("Synthèse approuvée par le jury, envoyée au candidat avec le résultat "
                                           "(jamais les commentaires bruts des jurés)."))
    minutes = forms.CharField(label=_("Procès-verbal de la délibération"), required=False, max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 4}))
    override_reason = forms.CharField(
        label=_("Motif de dérogation au critère éliminatoire"), required=False, max_length=3000, widget=COMMENT,
        help_text=_("Requis pour donner un niveau de lauréat à un dossier éliminé sur un critère."))
    correction_reason = forms.CharField(
        label=_("Motif de la correction"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Les résultats sont publiés : la correction met à jour la page publique et prévient le "
                    "candidat une fois. Le registre garde ce motif."))

    def __init__(self, *args, choices=(), published: bool = False, eliminated: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {choice.key: choice for choice in choices}
        self.fields["outcome"].choices = [(choice.key, choice.label) for choice in choices]
        if not published:
            del self.fields["correction_reason"]
        if not eliminated:
            del self.fields["override_reason"]

    def decision(self) -> dict:
        """The cleaned data as `record_decision` takes it: the chosen key read back into outcome and level."""
        data = dict(self.cleaned_data)
        choice = self.choices[data.pop("outcome")]
        return {**data, "outcome": choice.outcome, "level": choice.level}


class FetchedChoices(forms.models.ModelChoiceIterator):
    """A select's options from the objects the view has already read (`field.fetched`), not one query per select."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.fetched:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.fetched) + (self.field.empty_label is not None)


class FileReferenceField(forms.ModelChoiceField):
    """A file of the round typed by its reference: a round of two thousand files cannot be a select."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "size": 16})

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Sa référence, par exemple TI-2026-0042 (recherchez-la dans la liste "
                                         "ci-dessus)."))
        super().__init__(queryset=None, to_field_name="reference", **kwargs)
        self.error_messages["invalid_choice"] = _("Aucune candidature de ce tour ne porte cette référence.")

    def to_python(self, value):
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)


class JurorAndFileChoicesMixin:
    """A juror and a file of the round, checked against the `jurors` and `applications` querysets."""

    def __init__(self, *args, jurors, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = jurors
        self.fields["application"].queryset = applications

    def draw_options_from(self, jurors):
        """Take the juror select's options from this list, already read for the page, rather than a new query."""
        field = self.fields["juror"]
        field.fetched, field.iterator = jurors, FetchedChoices
        field.widget.choices = field.choices


class UnlockForm(JurorAndFileChoicesMixin, AccessibleFormMixin, forms.Form):
    juror = forms.ModelChoiceField(label=_("Juré"), queryset=None,
                                   error_messages={"required": _("Choisissez le juré.")})
    application = FileReferenceField(label=_("Candidature"), required=False, help_text=_(
        "Sa référence ; laissez vide pour toutes ses candidatures."))
    until = forms.DateTimeField(label=_("Déverrouillé jusqu'au (heure de Paris)"),
                                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                error_messages={"required": _("Indiquez jusqu'à quand."),
                                                "invalid": _("Saisissez une date et une heure valides.")})
    reason = forms.CharField(label=_("Motif"), max_length=2000, widget=COMMENT,
                             error_messages={"required": _("Indiquez le motif du déverrouillage.")})


class FileSearchForm(forms.Form):
    """The progress page's search among the round's files: reference, organisation or project title."""

    q = forms.CharField(label=_("Rechercher une candidature"), required=False, max_length=100, strip=True,
                        help_text=_("Référence, organisation ou titre du projet."),
                        error_messages={"max_length": _("Votre recherche est trop longue : %(limit_value)d "
                                                        "caractères au plus.")})

    def filter(self, applications):
        """`applications` narrowed to the search in SQL; an invalid search narrows nothing."""
        query = self.cleaned_data["q"] if self.is_valid() else ""
        if not query:
            return applications
        return applications.filter(Q(reference__icontains=query) | Q(org_name__icontains=query)
                                   | Q(title__icontains=query))


class AssignForm(forms.Form):
    mode = forms.ChoiceField(label=_("Répartition"), choices=assignment.Mode.choices)


class AssignmentChangeForm(JurorAndFileChoicesMixin, AccessibleFormMixin, forms.Form):
    ADD, REMOVE = "ajouter", "retirer"

    action = forms.ChoiceField(label=_("Action"), choices=[(ADD, _("Attribuer")), (REMOVE, _("Retirer"))])
    juror = forms.ModelChoiceField(label=_("Juré"), queryset=None,
                                   error_messages={"required": _("Choisissez le juré.")})
    application = FileReferenceField(label=_("Candidature"),
                                     error_messages={"required": _("Indiquez la référence de la candidature.")})



class PublishConfirmForm(AccessibleFormMixin, forms.Form):
    """The explicit confirmation the publication needs: it cannot be undone."""

    confirm = forms.BooleanField(
        label=_("J'ai relu ce récapitulatif : publier les résultats et envoyer ces e-mails."),
        error_messages={"required": _("Cochez la case pour confirmer la publication : elle ne peut pas être "
                                      "annulée.")})


class RankedFilesField(forms.TypedMultipleChoiceField):
    """Files ticked in the ranking, checked against the set of the round's files: a national round ranks
    thousands, and the boxes are drawn by the ranking table, so no list of choices is built for each click."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed: frozenset[str] = frozenset()

    def valid_value(self, value):
        return str(value) in self.allowed


class BulkDecisionForm(AccessibleFormMixin, forms.Form):
    """One outcome for files picked from the ranking (`jury/bulk.py`), with one reason."""

    MODES = [(bulk.CHECKED, _("Les dossiers cochés")), (bulk.FIRST, _("Les N premiers du classement")),
             (bulk.BELOW, _("Tous les dossiers classés au-delà du rang N"))]

    mode = forms.ChoiceField(label=_("Dossiers concernés"), choices=MODES, widget=forms.RadioSelect,
                             initial=bulk.CHECKED)
    number = forms.IntegerField(label=_("N"), required=False, min_value=0, max_value=10000)
    dossiers = RankedFilesField(
        label=_("Dossiers cochés"), required=False, coerce=int,
        error_messages={"invalid_choice": _("Un dossier coché n'est pas dans ce tour.")})
    outcome = forms.ChoiceField(label=_("Décision pour tous"), error_messages={
        "required": _("Choisissez la décision."),
        "invalid_choice": _("Cette décision n'est pas possible dans ce tour.")})
    reason = forms.CharField(label=_("Motif"), max_length=3000, widget=COMMENT,
                             error_messages={"required": _("Indiquez le motif de cette décision groupée.")})

    def __init__(self, *args, choices=(), application_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {choice.key: choice for choice in choices}
        self.fields["outcome"].choices = [("", _("— choisir —")), *[(c.key, c.label) for c in choices]]
        self.fields["dossiers"].allowed = frozenset(str(pk) for pk in application_ids)

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode in (bulk.FIRST, bulk.BELOW) and data.get("number") is None:
            self.add_error("number", _("Indiquez N."))
        if mode == bulk.CHECKED and not data.get("dossiers") and "dossiers" not in self.errors:
            self.add_error("dossiers", _("Cochez au moins un dossier dans le classement."))
        return data

    @property
    def checked(self) -> set[int]:
        """The boxes ticked in the ranking, kept when the form comes back with an error."""
        if not self.is_bound:
            return set()
        return {int(value) for value in self.data.getlist(self.add_prefix("dossiers")) if value.isdigit()}

    def decision(self) -> tuple[str, str]:
        choice = self.choices[self.cleaned_data["outcome"]]
        return choice.outcome, choice.level


class PitchForm(AccessibleFormMixin, forms.Form):
    """The finalist's pitch: a video uploaded or a link to it on a host they name, its WebVTT captions, consent.

    Checked by content (`interconnectes.privatefiles`): what the form cleans is
    saved whole by `services.pitches.save_pitch`, or nothing is.
    """

    video = forms.FileField(
        label=_("Vidéo du pitch (MP4 ou WebM)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": video.ACCEPT}),
        help_text=_("10 minutes au plus, 300 Mo au plus. Ou bien indiquez un lien ci-dessous."))
    link = forms.URLField(label=_("Ou lien vers la vidéo"), required=False, max_length=500, assume_scheme="https",
                          help_text=_("Adresse https de la vidéo sur le site qui l'héberge."))
    host = forms.CharField(label=_("Hébergeur de la vidéo"), required=False, max_length=120,
                           help_text=_("Par exemple : PeerTube de votre collectivité, Vimeo…"))
    captions = forms.FileField(
        label=_("Sous-titres ou transcription (WebVTT)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
        help_text=_("Fichier .vtt, pour les personnes sourdes ou malentendantes. Obligatoire."))
    public_consent = forms.BooleanField(
        label=_("J'accepte que ce pitch soit diffusé publiquement sur le site si la candidature est lauréate."),
        required=False)

    def __init__(self, *args, current=None, **kwargs):
        self.current = current
        super().__init__(*args, **kwargs)
        if current is not None:
            self.fields["captions"].help_text = _("Laisser vide pour garder le fichier actuel.")
            self.fields["video"].help_text = _("Laisser vide pour garder la vidéo actuelle (10 minutes et 300 Mo "
                                               "au plus).")

    def clean_video(self):
        uploaded = self.cleaned_data["video"]
        if uploaded:
            self.video_facts = video.validate_upload(uploaded, max_bytes=pitches.MAX_BYTES,
                                                     max_seconds=pitches.MAX_SECONDS)
        return uploaded

    def clean_link(self):
        link = self.cleaned_data["link"]
        if link and not link.lower().startswith("https://"):
            raise ValidationError(_("Donnez une adresse sécurisée, commençant par https://."))
        return link

    def clean_captions(self):
        uploaded = self.cleaned_data["captions"]
        if uploaded:
            webvtt.validate_upload(uploaded)
        elif self.current is None:
            raise ValidationError(_("Joignez les sous-titres ou la transcription du pitch (fichier WebVTT)."))
        return uploaded

    def clean(self):
        data = super().clean()
        uploaded, link = data.get("video"), data.get("link")
        if "video" in self.errors or "link" in self.errors:
            return data
        if uploaded and link:
            self.add_error("link", _("Donnez soit une vidéo, soit un lien, pas les deux."))
        elif not uploaded and not link and not (self.current and self.current.video):
            self.add_error("video", _("Déposez la vidéo du pitch, ou indiquez un lien vers elle."))
        if link and not data.get("host", "").strip():
            self.add_error("host", _("Indiquez le site qui héberge la vidéo."))
        return data


class DiscussionForm(AccessibleFormMixin, forms.Form):
    """Add the file to the "à discuter" list, or take it off, with a note."""

    to_discuss = forms.TypedChoiceField(
        label=_("À discuter"), widget=forms.RadioSelect, coerce=lambda value: value == "oui",
        choices=[("oui", _("Mettre ce dossier à discuter")), ("non", _("Retirer ce dossier de « à discuter »"))],
        error_messages={"required": _("Choisissez d'ajouter ou de retirer le dossier.")})
    note = forms.CharField(label=_("Note"), max_length=2000, widget=COMMENT,
                           error_messages={"required": _("Indiquez pourquoi ce dossier est à discuter, ou ne l'est "
                                                         "plus.")})
