"""The records' forms: the announcement, the full record (with the self-assessment and the findings), the team's
review, the follow-up, and the public list's filters."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations import personal_data, record_rules
from consultations.followup_models import FollowUp, ProgressEntry
from consultations.record_choices import Answer, FindingKind, Method, Phase, Public
from consultations.record_models import Consultation
from consultations.record_submissions import CHECKLIST, DECLARED, FREE_TEXT, SCALAR, build_instance, from_json, to_json
from library.models import Implementation
from library.submission_forms import formfield
from reviews import merge

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def choice_boxes(label, choices, required=False):
    return forms.MultipleChoiceField(label=label, choices=choices, required=required,
                                     widget=forms.CheckboxSelectMultiple)


class WarningsMixin:
    """French warnings (not errors) next to free texts that may name a participant: shown, never blocking."""

    def warnings(self) -> dict[str, str]:
        data = getattr(self, "cleaned_data", None) or {}
        return personal_data.warnings_for({name: data.get(name) for name in FREE_TEXT if name in self.fields})


class DeclareForm(WarningsMixin, forms.ModelForm):
    """The announcement of a consultation: its territory, title, dates, objective and publics."""

    organisation = forms.ModelChoiceField(label=_("Territoire"), queryset=None, empty_label=None)
    publics = choice_boxes(_("Publics"), Public.choices, required=True)

    class Meta:
        model = Consultation
        fields = [name for name in DECLARED if name != "publics"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.order_fields(["organisation", *DECLARED])

    def clean(self):
        data = super().clean()
        for name, message in record_rules.date_errors(data.get("starts_on"), data.get("ends_on")).items():
            self.add_error(name, message)
        return data

    def _post_clean(self):
        """The record's own checks run when it is published; the announcement checks only what it holds."""


class DraftForm(WarningsMixin, forms.ModelForm):
    """Every field of the record, the self-assessment against the signed charter's articles and a finding per
    lesson; `base` carries what the editor loaded (reviews/merge.py), so that a co-editor's save is kept."""

    base = forms.CharField(widget=forms.HiddenInput, required=False)
    publics = choice_boxes(_("Publics"), Public.choices)
    methods = choice_boxes(_("Méthodes"), Method.choices)
    implementations = forms.ModelMultipleChoiceField(
        label=_("Projets de la bibliothèque d'IA discutés"), required=False, queryset=Implementation.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Consultation
        fields = [name for name in SCALAR if name not in ("publics", "methods")]
        formfield_callback = formfield
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def __init__(self, *args, draft, articles=(), lessons=(), base=None, **kwargs):
        self.draft, self.articles, self.lessons = draft, list(articles), list(lessons)
        data = draft.data
        initial = {name: from_json(name, data.get(name)) for name in SCALAR}
        initial["implementations"] = data.get("implementations") or []
        for article in self.articles:
            row = (data.get("assessments") or {}).get(str(article.pk)) or {}
            initial[f"answer_{article.pk}"], initial[f"comment_{article.pk}"] = row.get("answer", ""), row.get(
                "comment", "")
        for lesson in self.lessons:
            row = (data.get("findings") or {}).get(str(lesson.pk)) or {}
            initial[f"kind_{lesson.pk}"], initial[f"evidence_{lesson.pk}"] = row.get("kind", ""), row.get(
                "evidence", "")
        initial["base"] = json.dumps(base if base is not None else merge.fingerprints(
            {name: data.get(name) for name in self.editable_names()}))
        super().__init__(*args, instance=build_instance(draft), initial=initial, **kwargs)
        self.order_fields(["base", *SCALAR])
        self.fields["implementations"].queryset = (Implementation.objects.published()
                                                   .select_related("use_case", "lead_organisation")
                                                   .order_by("use_case__title", "pk"))
        for article in self.articles:
            self.fields[f"answer_{article.pk}"] = forms.ChoiceField(
                label=_("Article %(number)s : %(title)s") % {"number": article.number, "title": article.title},
                choices=[("", _("Non renseigné")), *Answer.choices], required=False)
            self.fields[f"comment_{article.pk}"] = forms.CharField(
                label=_("Commentaire sur l'article %(number)s") % {"number": article.number}, required=False,
                max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
        for lesson in self.lessons:
            self.fields[f"kind_{lesson.pk}"] = forms.ChoiceField(
                label=_("Type de preuve"), choices=[("", _("Pas de constat")), *FindingKind.choices], required=False)
            self.fields[f"evidence_{lesson.pk}"] = forms.CharField(
                label=_("Preuve locale (une citation, un chiffre)"), required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}))

    @staticmethod
    def editable_names():
        return (*SCALAR, "implementations", "assessments", "findings")

    def record_fields(self):
        return [self[name] for name in SCALAR[:SCALAR.index("facilitators")]]

    def result_fields(self):
        return [self[name] for name in (*SCALAR[SCALAR.index("facilitators"):], "implementations")]

    def assessment_rows(self):
        return [(article, self[f"answer_{article.pk}"], self[f"comment_{article.pk}"]) for article in self.articles]

    def finding_rows(self):
        return [(lesson, self[f"kind_{lesson.pk}"], self[f"evidence_{lesson.pk}"]) for lesson in self.lessons]

    def clean_base(self):
        try:
            value = json.loads(self.cleaned_data.get("base") or "{}")
        except ValueError:
            value = {}
        return value if isinstance(value, dict) else {}

    def clean(self):
        data = super().clean()
        for name, message in record_rules.input_errors(starts_on=data.get("starts_on"), ends_on=data.get("ends_on"),
                                                       participants=data.get("participants")).items():
            self.add_error(name, message)
        for lesson in self.lessons:
            kind, evidence = data.get(f"kind_{lesson.pk}"), (data.get(f"evidence_{lesson.pk}") or "").strip()
            if kind and not evidence:
                self.add_error(f"evidence_{lesson.pk}", _("Citez la preuve locale de ce constat."))
            elif evidence and not kind:
                self.add_error(f"kind_{lesson.pk}", _("Dites s'il s'agit d'une citation ou d'un chiffre."))
        return data

    def _post_clean(self):
        """A draft may be incomplete: the record's rules are checked when it is submitted (the service)."""
        for name in ("starts_on", "ends_on"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])

    def values(self) -> dict:
        data = self.cleaned_data
        values = {name: to_json(name, data.get(name)) for name in SCALAR}
        values["publics"], values["methods"] = list(data.get("publics") or []), list(data.get("methods") or [])
        values["participants"] = data.get("participants")
        values["implementations"] = sorted(item.pk for item in data.get("implementations") or [])
        values["assessments"] = {
            str(article.pk): {"answer": data.get(f"answer_{article.pk}") or "",
                              "comment": (data.get(f"comment_{article.pk}") or "").strip()}
            for article in self.articles if data.get(f"answer_{article.pk}")}
        values["findings"] = {
            str(lesson.pk): {"kind": data.get(f"kind_{lesson.pk}"),
                             "evidence": (data.get(f"evidence_{lesson.pk}") or "").strip()}
            for lesson in self.lessons if data.get(f"kind_{lesson.pk}")}
        return values


class ReviewForm(forms.Form):
    """The team's decision: approve (every item of the checklist ticked, the first being that no participant's
    personal data remains), ask for changes, or refuse (with a reason)."""

    decision = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect, choices=[
        ("approve", _("Approuver et publier")), ("changes", _("Demander des modifications")),
        ("refuse", _("Refuser"))])
    checklist = forms.MultipleChoiceField(label=_("Liste de vérification"), required=False,
                                          widget=forms.CheckboxSelectMultiple, choices=CHECKLIST)
    note = forms.CharField(label=_("Remarque générale ou raison du refus"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Envoyée aux rédacteurs. Obligatoire pour un refus."))


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "owner", "status", "reason"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "reason": forms.Textarea(attrs={"rows": 2})}


class StatusForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["status", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        for name, message in record_rules.follow_up_errors(status=data.get("status", ""),
                                                           reason=data.get("reason", "")).items():
            self.add_error(name, message)
        return data


class ProgressForm(forms.ModelForm):
    class Meta:
        model = ProgressEntry
        fields = ["follow_up", "on", "text"]
        widgets = {"on": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, follow_ups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].queryset = follow_ups
        self.fields["follow_up"].empty_label = None


class FilterForm(forms.Form):
    """The public list's filters: unknown values are ignored rather than failing."""

    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("Toutes")), *Phase.choices])
    method = forms.ChoiceField(label=_("Méthode"), required=False, choices=[("", _("Toutes")), *Method.choices])
    public = forms.ChoiceField(label=_("Public"), required=False, choices=[("", _("Tous")), *Public.choices])
