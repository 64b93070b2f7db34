"""Agents declare, document and update their territory's consultation records; the team reviews them; each
publication is a numbered version (the shared module `reviews`, as the AI library's records).

A record is first declared (title, dates, objective, publics: the announcement), then documented after the
event: both are drafts of the same record, the second an update published as its next version. The draft
keeps the record's fields as JSON, with three related parts beside them: the library's projects discussed
(`implementations`: ids), the self-assessment (`assessments`: article id → answer and comment) and the
findings (`findings`: lesson id → kind and evidence). Publishing copies the draft onto the `Consultation`
row and its related rows under the row's lock.
"""

import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations import permissions, personal_data, record_rules
from consultations import record_tasks as tasks
from consultations.charter_models import CharterArticle, CharterStatus
from consultations.commitment_models import Commitment
from consultations.programme_models import Lesson
from consultations.record_choices import Answer, FindingKind, Phase
from consultations.record_models import ArticleAssessment, Consultation, Finding
from interconnectes.refusals import Refused
from library.models import Implementation
from library.permissions import verified_memberships
from library.submissions import DraftErrors
from reviews import merge, services, states
from reviews.models import Draft, Version
from reviews.states import Action, State

SCALAR = ("title", "questions", "objective", "publics", "recruitment", "methods", "participation_level", "format",
          "starts_on", "ends_on", "phase", "participants", "facilitators", "partners", "resources_used",
          "synthesis", "documents_url", "licence")
DATES = frozenset({"starts_on", "ends_on"})
RELATED = ("implementations", "assessments", "findings")
EDITABLE = SCALAR + RELATED
# The announcement: what a territory says before the event.
DECLARED = ("title", "starts_on", "ends_on", "objective", "publics")
# Free texts a participant's name or contact could slip into (consultations/personal_data.py).
FREE_TEXT = ("title", "questions", "objective", "facilitators", "partners", "resources_used", "synthesis")

# What the team checks before approving; the first item is the one the programme insists on.
CHECKLIST = (
    ("no_personal_data", gettext_lazy("Aucune donnée personnelle de participant (ni nom, ni adresse, ni "
                                      "téléphone, ni citation attribuée à une personne).")),
    ("plain_language", gettext_lazy("Le texte est en langage clair, compréhensible sans être spécialiste.")),
    ("licence", gettext_lazy("Les résultats sont publiés sous une licence ouverte.")),
    ("findings", gettext_lazy("Les constats s'appuient sur une preuve locale (une citation, un chiffre).")),
)
CHECKLIST_KEYS = tuple(key for key, _label in CHECKLIST)


def content_type():
    return ContentType.objects.get_for_model(Consultation)


def to_json(name: str, value):
    if name in DATES:
        return value.isoformat() if value else None
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def from_json(name: str, value):
    if name in DATES:
        return datetime.date.fromisoformat(value) if value else None
    return value


def values_of(consultation) -> dict:
    values = {name: to_json(name, getattr(consultation, name)) for name in SCALAR}
    if consultation.pk:
        values["implementations"] = sorted(consultation.implementations.values_list("pk", flat=True))
        values["assessments"] = {str(row.article_id): {"answer": row.answer, "comment": row.comment}
                                 for row in consultation.assessments.all()}
        values["findings"] = {str(row.lesson_id): {"kind": row.kind, "evidence": row.evidence}
                              for row in consultation.findings.all()}
    else:
        values.update(implementations=[], assessments={}, findings={})
    return values


def commitment_of(organisation_id) -> Commitment | None:
    """The commitment a record is assessed against: the verified one, else the pending one."""
    return (Commitment.objects.filter(organisation_id=organisation_id, status__in=permissions.COMMITTED)
            .select_related("charter_version").order_by("-status").first())  # "verified" sorts after "pending"


def build_instance(draft) -> Consultation:
    """The record as the draft would make it (unsaved): the live row with the draft's values, or a new one."""
    if draft.object_id:
        instance = Consultation.objects.get(pk=draft.object_id)
    else:
        instance = Consultation(organisation=draft.organisation)
    for name in SCALAR:
        if name in draft.data:
            setattr(instance, name, from_json(name, draft.data[name]))
    return instance


def snapshot(consultation) -> dict:
    """Every field as published, as text a history or a feed can show."""
    values = {name: to_json(name, getattr(consultation, name)) for name in SCALAR}
    values["organisation"] = consultation.organisation.name
    values["implementations"] = sorted(str(item) for item in consultation.implementations.select_related(
        "use_case", "lead_organisation"))
    values["assessments"] = [f"{row.article.number}. {row.article.title} : {row.get_answer_display()}"
                             + (f" ({row.comment})" if row.comment else "")
                             for row in consultation.assessments.select_related("article")]
    values["findings"] = [f"{row.lesson.number}. {row.lesson.title} : {row.evidence}"
                          for row in consultation.findings.select_related("lesson")]
    return values


# --- Reading ------------------------------------------------------------------------------------------------------

def drafts_of(user):
    """The drafts `user` edits: theirs, their co-edits, and every draft of the organisations they are référent of."""
    memberships = verified_memberships(user)
    referent_of = memberships.filter(role="referent").values("organisation_id")
    return (Draft.objects.filter(content_type=content_type(),
                                 organisation_id__in=memberships.values("organisation_id"))
            .filter(Q(created_by=user) | Q(editors=user) | Q(organisation_id__in=referent_of)).distinct()
            .select_related("organisation").order_by("-updated_at", "pk"))


def records_of(user):
    return (Consultation.objects.published()
            .filter(organisation_id__in=verified_memberships(user).values("organisation_id"))
            .select_related("organisation").order_by("-starts_on", "pk"))


def open_draft_of(consultation) -> Draft | None:
    return Draft.objects.filter(content_type=content_type(), object_id=consultation.pk,
                                state__in=states.OPEN_STATES).first()


# --- Agents -------------------------------------------------------------------------------------------------------

def declare(user, organisation, values: dict, now) -> Draft:
    """A draft of a new record announcing a consultation; refused when its dates are out of order."""
    if not permissions.may_draft_for(user, organisation.pk):
        raise Refused(_("Seuls les agents vérifiés d'un territoire engagé (ou qui s'engage) dans la charte "
                        "déclarent ses concertations."))
    data = values_of(Consultation())
    data.update({name: to_json(name, values.get(name)) for name in DECLARED})
    data["phase"] = Phase.ANNOUNCED
    errors = record_rules.date_errors(values.get("starts_on"), values.get("ends_on"))
    if errors:
        raise DraftErrors(_("Corrigez les champs signalés."), errors)
    with transaction.atomic():
        draft = Draft.objects.create(content_type=content_type(), organisation=organisation, created_by=user,
                                     created_at=now, updated_at=now, data=data)
        services.log(draft, Action.CREATE, user, now)
    return draft


def start_update(user, consultation, now) -> Draft:
    """The open draft of `consultation` (joined as co-editor), or a new one from its live values."""
    if not permissions.can_start_update(user, consultation):
        raise Refused(_("Seuls les agents vérifiés du territoire modifient cette concertation."))
    with transaction.atomic():
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        draft = open_draft_of(consultation)
        if draft is None:
            draft = Draft.objects.create(content_type=content_type(), object_id=consultation.pk,
                                         organisation_id=consultation.organisation_id, created_by=user,
                                         created_at=now, updated_at=now, data=values_of(consultation))
            services.log(draft, Action.CREATE, user, now)
        elif draft.created_by_id != user.pk:
            draft.editors.add(user)
    return draft


def save(draft_id, user, base: dict, submitted: dict, now) -> merge.Merge:
    """Merge one editor's form into the stored draft under its row lock; on a conflict, nothing is saved."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if not permissions.can_edit_record_draft(user, draft):
            raise Refused(_("Ce brouillon ne peut plus être modifié."))
        result = merge.merge(base, {name: submitted[name] for name in EDITABLE if name in submitted}, draft.data)
        if result.conflicts or not result.changed:
            return result
        draft.data, draft.updated_at = result.values, now
        draft.revision += 1
        draft.save(update_fields=["data", "revision", "updated_at"])
    return result


def record_errors(draft) -> dict:
    """What the model and the charter rule say of the draft's values (French messages by field)."""
    instance = build_instance(draft)
    errors: dict = {}
    try:
        instance.full_clean(exclude=["slug", "charter_version"])
    except ValidationError as error:
        errors.update(error.message_dict)
    commitment = commitment_of(draft.organisation_id)
    answered = any((row or {}).get("answer") for row in (draft.data.get("assessments") or {}).values())
    errors.update(record_rules.assessment_errors(
        version_withdrawn=commitment is None or commitment.charter_version.status == CharterStatus.WITHDRAWN,
        answered=answered))
    return errors


def organisation_has_approved_record(organisation_id) -> bool:
    return Consultation.objects.published().filter(organisation_id=organisation_id).exists()


def submit(draft_id, user, now) -> str:
    """Send the draft to the team, or publish it at once when the rules allow it (reviews.states)."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if not permissions.can_edit_record_draft(user, draft):
            raise Refused(_("Ce brouillon ne peut plus être soumis."))
        errors = record_errors(draft)
        if errors:
            raise DraftErrors(_("Corrigez les champs signalés avant de soumettre."), errors)
        action = states.submit_action(is_update=draft.object_id is not None,
                                      organisation_has_approved_record=organisation_has_approved_record(
                                          draft.organisation_id))
        if action == Action.PUBLISH_DIRECTLY:
            publish(draft, user, now, checked=False)
        else:
            draft.state = states.next_state(draft.state, Action.SUBMIT)
            draft.submitted_at = draft.updated_at = now
            draft.save(update_fields=["state", "submitted_at", "updated_at"])
        services.log(draft, action, user, now)
        transaction.on_commit(partial(tasks.notify_staff.enqueue, draft.pk), robust=True)
    return action


# --- The team ----------------------------------------------------------------------------------------------------

def review_queue():
    drafts = (Draft.objects.filter(content_type=content_type(), state=State.SUBMITTED)
              .select_related("organisation").order_by("submitted_at", "pk"))
    versions = (Version.objects.filter(content_type=content_type(), checked_at__isnull=True)
                .order_by("published_at", "pk"))
    return drafts, versions


def transition(draft, action):
    new_state = states.next_state(draft.state, action)
    if new_state is None:
        raise Refused(_("Ce brouillon n'est plus en attente de relecture."))
    return new_state


def request_changes(draft_id, staff, comments: dict, note: str, now) -> Draft:
    comments = {name: text.strip() for name, text in comments.items() if name in EDITABLE and text.strip()}
    if not comments and not note.strip():
        raise Refused(_("Indiquez au moins une modification à faire, sur un champ ou en général."))
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        draft.state = transition(draft, Action.REQUEST_CHANGES)
        draft.comments, draft.reason, draft.updated_at = comments, note.strip(), now
        draft.save(update_fields=["state", "comments", "reason", "updated_at"])
        services.log(draft, Action.REQUEST_CHANGES, staff, now, note=note.strip(), comments=comments)
        transaction.on_commit(partial(tasks.notify_editors.enqueue, draft.pk, Action.REQUEST_CHANGES), robust=True)
    return draft


def refuse(draft_id, staff, reason: str, now) -> Draft:
    if not reason.strip():
        raise Refused(_("Indiquez la raison du refus : elle est envoyée aux rédacteurs."))
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        draft.state = transition(draft, Action.REFUSE)
        draft.reason, draft.updated_at = reason.strip(), now
        draft.save(update_fields=["state", "reason", "updated_at"])
        services.log(draft, Action.REFUSE, staff, now, note=reason.strip())
        transaction.on_commit(partial(tasks.notify_editors.enqueue, draft.pk, Action.REFUSE), robust=True)
    return draft


def approve(draft_id, staff, ticked: set[str], note: str, now) -> Consultation:
    if not states.checklist_complete(ticked, CHECKLIST_KEYS):
        raise Refused(_("Cochez chaque point de la liste de vérification avant de publier."))
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        transition(draft, Action.APPROVE)
        errors = record_errors(draft)
        if errors:
            raise DraftErrors(_("La fiche n'est pas publiable en l'état : demandez des modifications."), errors)
        consultation = publish(draft, staff, now, checked=True, note=note.strip())
        services.log(draft, Action.APPROVE, staff, now, note=note.strip())
        transaction.on_commit(partial(tasks.notify_editors.enqueue, draft.pk, Action.APPROVE), robust=True)
    return consultation


def unique_slug(title: str, organisation_name: str) -> str:
    base = slugify(f"{title} {organisation_name}")[:100] or "concertation"
    slug, number = base, 2
    while Consultation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def publish(draft, by, now, *, checked: bool, note: str = "") -> Consultation:
    """Copy the draft onto the live record (created for a new one) and its related rows, number the version,
    close the draft. The caller holds the draft's lock, inside a transaction."""
    if draft.object_id:
        Consultation.objects.select_for_update().get(pk=draft.object_id)
    consultation = build_instance(draft)
    if not consultation.slug:
        consultation.slug = unique_slug(consultation.title, draft.organisation.name)
    commitment = commitment_of(draft.organisation_id)
    consultation.charter_version = commitment.charter_version if commitment else None
    consultation.first_published_at = consultation.first_published_at or now
    consultation.last_published_at = now
    consultation.full_clean()
    consultation.save()
    write_related(consultation, draft.data)
    services.record_version(consultation, snapshot(consultation), by, now, note=note, checked=checked)
    draft.object_id, draft.state, draft.updated_at = consultation.pk, State.PUBLISHED, now
    draft.save(update_fields=["object_id", "state", "updated_at"])
    return consultation


def write_related(consultation, data: dict) -> None:
    """The projects discussed (published ones only), the self-assessment on the articles of the signed version,
    the findings on the programme's lessons: replaced by what the draft holds."""
    consultation.implementations.set(Implementation.objects.published().filter(pk__in=data.get("implementations")
                                                                               or []))
    articles = set(CharterArticle.objects.filter(version_id=consultation.charter_version_id)
                   .values_list("pk", flat=True)) if consultation.charter_version_id else set()
    consultation.assessments.all().delete()
    ArticleAssessment.objects.bulk_create(
        ArticleAssessment(consultation=consultation, article_id=int(key), answer=row["answer"],
                          comment=row.get("comment", ""))
        for key, row in (data.get("assessments") or {}).items()
        if key.isdigit() and int(key) in articles and row.get("answer") in Answer.values)
    lessons = set(Lesson.objects.values_list("pk", flat=True))
    consultation.findings.all().delete()
    Finding.objects.bulk_create(
        Finding(consultation=consultation, lesson_id=int(key), kind=row["kind"], evidence=row["evidence"])
        for key, row in sorted((data.get("findings") or {}).items())
        if key.isdigit() and int(key) in lessons and row.get("kind") in FindingKind.values
        and (row.get("evidence") or "").strip())


def mark_checked(version_id, staff, now) -> Version:
    with transaction.atomic():
        version = Version.objects.select_for_update().get(pk=version_id, content_type=content_type())
        if version.checked_at is None:
            version.checked_at = now
            version.save(update_fields=["checked_at"])
            services.log(Consultation(pk=version.object_id), Action.CHECK, staff, now, note=str(version.number),
                         model=Consultation)
    return version


# --- What pages read ----------------------------------------------------------------------------------------------

def personal_data_warnings(draft) -> dict[str, str]:
    """The team's view of the same warnings the agents' form shows (consultations/personal_data.py)."""
    return personal_data.warnings_for({name: draft.data.get(name) for name in FREE_TEXT})


def public_implementations():
    """The library's projects a consultation links to, as the public may see them (published, live use case)."""
    return Implementation.objects.published().select_related("use_case", "lead_organisation").order_by(
        "use_case__title", "pk")


def versions_of(consultation):
    """Its numbered versions, newest first: number and date only (the feed and the page show no draft)."""
    return services.versions_of(consultation).order_by("-number").only("number", "published_at", "object_id",
                                                                         "content_type")
