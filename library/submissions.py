"""Agents draft, submit and update the library's records; the team reviews them; each publication is a version.

Built on the shared module `reviews` (states, drafts, versions, the log):
this module knows the library's fields. The `Implementation` row stays the
live, published record that every page, tier and cache reads; a draft is a
JSON working copy of its editable fields, and publishing copies it onto the
row (inside the row's lock) and records the next `reviews.Version`.

Agents edit the fields of every level except those the team keeps (the lead
organisation, partners, address, "illustratif", data sources and the event
session: chosen from the site's lists, in the admin).
"""

import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import email_quota
from accounts.limits import EmailKind
from accounts.models import MembershipRole
from interconnectes.refusals import Refused
from library import facets, permissions
from library import submission_tasks as tasks
from library.models import Implementation
from library.tiers import DATE_FIELDS, FIELD_LEVELS, Level, fields_at
from reviews import merge, services, states
from reviews.models import Draft, Version
from reviews.states import Action, State

STAFF_ONLY = frozenset({"lead_organisation", "partners", "slug", "is_illustrative", "data_sources", "event_session",
                        "laureate"})
# Set by each publication (a year later: library/facets.py), neither drafted nor part of a version's content.
UPKEEP = frozenset({"review_due_on"})
EDITABLE = tuple(name for name in FIELD_LEVELS if name not in STAFF_ONLY | UPKEEP)
VERSIONED = tuple(name for name in FIELD_LEVELS if name not in UPKEEP)
# What "reprendre ce projet" leaves out: what belongs to the collectivité that did it, not to the project.
NOT_REPRISED = frozenset({"status", "stopped_reason", "started_on", "ended_on", "contact_email", "demonstrator_url"})

# What the team checks before approving: every box must be ticked.
CHECKLIST = (
    ("plain_language", gettext_lazy("Le texte est en langage clair, compréhensible sans être spécialiste.")),
    ("no_personal_data", gettext_lazy("Aucune donnée personnelle au niveau 0 (une adresse de service, aucun nom).")),
    ("licence", gettext_lazy("La licence est dans la liste (ou « autre » a été vérifiée).")),
    ("public_links", gettext_lazy("Les liens publics s'ouvrent et mènent à des contenus publics.")),
    ("consents", gettext_lazy("Les partenaires et personnes cités ont donné leur accord.")),
)
CHECKLIST_KEYS = tuple(key for key, _label in CHECKLIST)


class DraftErrors(Refused):
    """The draft's values would not make a sound record: the French messages by field."""

    def __init__(self, message, errors: dict):
        super().__init__(message, missing=sorted(errors))
        self.errors = errors


def content_type():
    return ContentType.objects.get_for_model(Implementation)


def to_json(name: str, value):
    """A field's value as the draft keeps it: dates as ISO text, text with plain line ends and no outer spaces."""
    if name in DATE_FIELDS:
        return value.isoformat() if value else None
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def from_json(name: str, value):
    if name in DATE_FIELDS:
        return datetime.date.fromisoformat(value) if value else None
    return value


def values_of(implementation) -> dict:
    return {name: to_json(name, getattr(implementation, name)) for name in EDITABLE}


def defaults() -> dict:
    return values_of(Implementation())


def build_instance(draft) -> Implementation:
    """The record as the draft would make it (unsaved): the live row with the draft's values, or a new one."""
    if draft.object_id:
        instance = Implementation.objects.select_related("lead_organisation").get(pk=draft.object_id)
    else:
        instance = Implementation(use_case_id=draft.context.get("use_case"), lead_organisation=draft.organisation,
                                  derived_from_id=draft.context.get("derived_from"))
    for name in EDITABLE:
        if name in draft.data:
            setattr(instance, name, from_json(name, draft.data[name]))
    return instance


def snapshot(implementation) -> dict:
    """Every field as published, as text a history can show: names for organisations, lists for relations."""
    values = {}
    for name in VERSIONED:
        value = getattr(implementation, name)
        if name == "lead_organisation":
            value = value.name
        elif name == "partners":
            value = sorted(partner.name for partner in value.all())
        elif name == "data_sources":
            value = [f"{source.name} ({source.url})" if source.url else source.name for source in value.all()]
        elif name == "event_session":
            value = str(value) if value else ""
        elif name == "laureate":
            link = implementation.public_laureate()
            value = f"{link['title']} ({link['campaign']})" if link else ""
        else:
            value = to_json(name, value)
        values[name] = value
    return values


# --- Reading ------------------------------------------------------------------------------------------------------

def drafts_of(user):
    """The open or recent drafts `user` edits: theirs, their co-edits, and every draft of the organisations they
    are référent of (while verified)."""
    memberships = permissions.verified_memberships(user)
    organisations = memberships.values("organisation_id")  # subqueries: no query of their own
    referent_of = memberships.filter(role=MembershipRole.REFERENT).values("organisation_id")
    return (Draft.objects.filter(content_type=content_type(), organisation_id__in=organisations)
            .filter(Q(created_by=user) | Q(editors=user) | Q(organisation_id__in=referent_of)).distinct()
            .select_related("organisation").order_by("-updated_at", "pk"))


def records_of(user):
    """The published records of the organisations `user` is a verified agent of."""
    return (Implementation.objects.reachable()
            .filter(lead_organisation_id__in=permissions.verified_memberships(user).values("organisation_id"))
            .select_related("use_case", "lead_organisation").order_by("use_case__title", "pk"))


def open_draft_of(implementation) -> Draft | None:
    return Draft.objects.filter(content_type=content_type(), object_id=implementation.pk,
                                state__in=states.OPEN_STATES).first()


# --- Agents -------------------------------------------------------------------------------------------------------

def start_new(user, use_case, organisation, now, *, derived_from=None, level: Level = Level.AGENTS) -> Draft:
    """A draft of a new record of `organisation` on `use_case`, blank or taken from `derived_from` (its fields
    of level 0 and 1 that `level` allows, without what belongs to the collectivité that did it)."""
    if not permissions.is_owner(user, organisation.pk):
        raise Refused(_("Seuls les agents vérifiés de cette collectivité peuvent rédiger ses fiches."))
    if Implementation.objects.filter(use_case=use_case, lead_organisation=organisation).exists():
        raise Refused(_("Votre collectivité a déjà une fiche sur ce cas d'usage : modifiez-la plutôt."))
    existing = Draft.objects.filter(content_type=content_type(), object_id__isnull=True, organisation=organisation,
                                    context__use_case=use_case.pk, state__in=states.OPEN_STATES).first()
    if existing is not None:
        raise Refused(_("Un brouillon de votre collectivité existe déjà sur ce cas d'usage : demandez à son auteur "
                        "de vous inviter."))
    data = defaults()
    if derived_from is not None:
        allowed = set(fields_at(min(level, Level.AGENTS)))
        source = values_of(derived_from)
        data.update({name: source[name] for name in EDITABLE if name in allowed and name not in NOT_REPRISED})
    with transaction.atomic():
        draft = Draft.objects.create(
            content_type=content_type(), organisation=organisation, created_by=user, created_at=now, updated_at=now,
            context={"use_case": use_case.pk, "derived_from": derived_from.pk if derived_from else None}, data=data)
        services.log(draft, Action.CREATE, user, now)
    return draft


def start_update(user, implementation, now) -> Draft:
    """The open draft of `implementation` (joined as co-editor), or a new one from its live values."""
    if not permissions.can_start_update(user, implementation):
        raise Refused(_("Seuls les agents vérifiés de la collectivité porteuse modifient sa fiche."))
    with transaction.atomic():
        Implementation.objects.select_for_update().filter(pk=implementation.pk).first()
        draft = open_draft_of(implementation)
        if draft is None:
            draft = Draft.objects.create(
                content_type=content_type(), object_id=implementation.pk,
                organisation_id=implementation.lead_organisation_id, created_by=user, created_at=now,
                updated_at=now, data=values_of(implementation),
                context={"use_case": implementation.use_case_id})
            services.log(draft, Action.CREATE, user, now)
        elif draft.created_by_id != user.pk:
            draft.editors.add(user)
    return draft


def save(draft_id, user, base: dict, submitted: dict, now) -> merge.Merge:
    """Merge one editor's form into the stored draft under its row lock; on a conflict, nothing is saved."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if not permissions.can_edit_draft(user, draft):
            raise Refused(_("Ce brouillon ne peut plus être modifié."))
        result = merge.merge(base, {name: submitted[name] for name in EDITABLE if name in submitted}, draft.data)
        if result.conflicts or not result.changed:
            return result
        draft.data = result.values
        draft.revision += 1
        draft.updated_at = now
        draft.save(update_fields=["data", "revision", "updated_at"])
    return result


def record_errors(draft) -> dict:
    """What the model says of the draft's values (French messages by field), as a publication would check them."""
    instance = build_instance(draft)
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def organisation_has_approved_record(organisation_id) -> bool:
    return Implementation.objects.reachable().filter(lead_organisation_id=organisation_id).exists()


def submit(draft_id, user, now) -> str:
    """Send the draft to the team, or publish it at once when the rules allow it (reviews.states): the action
    taken. Refused with the fields' messages when its values would not make a sound record."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if not permissions.can_edit_draft(user, draft):
            raise Refused(_("Ce brouillon ne peut plus être soumis."))
        errors = record_errors(draft)
        if errors:
            raise DraftErrors(_("Corrigez les champs signalés avant de soumettre."), errors)
        action = states.submit_action(is_update=draft.object_id is not None,
                                      organisation_has_approved_record=organisation_has_approved_record(
                                          draft.organisation_id))
        if action == Action.PUBLISH_DIRECTLY:
            publish(draft, user, now, checked=False)
            services.log(draft, Action.PUBLISH_DIRECTLY, user, now)
            transaction.on_commit(partial(tasks.notify_staff.enqueue, draft.pk), robust=True)
        else:
            draft.state = states.next_state(draft.state, Action.SUBMIT)
            draft.submitted_at = now
            draft.updated_at = now
            draft.save(update_fields=["state", "submitted_at", "updated_at"])
            services.log(draft, Action.SUBMIT, user, now)
            transaction.on_commit(partial(tasks.notify_staff.enqueue, draft.pk), robust=True)
    return action


def invite(draft_id, user, invitee, now) -> None:
    """Add a verified agent of the draft's organisation as co-editor, and tell them (an e-mail the quota of
    co-editor invitations counts)."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if not permissions.can_invite(user, draft):
            raise Refused(_("Vous ne pouvez pas inviter sur ce brouillon."))
        if not permissions.is_owner(invitee, draft.organisation_id):
            raise Refused(_("Seul un agent vérifié de votre collectivité peut co-rédiger cette fiche."))
        if invitee.pk == draft.created_by_id or draft.editors.filter(pk=invitee.pk).exists():
            raise Refused(_("Cette personne rédige déjà ce brouillon."))
        email_quota.reserve(EmailKind.COEDITOR_INVITATION, now, account=user, recipient=invitee.email)
        draft.editors.add(invitee)
        services.log(draft, Action.INVITE, user, now, note=invitee.email)
        transaction.on_commit(partial(tasks.notify_coeditor.enqueue, draft.pk, invitee.pk, user.pk), robust=True)


# --- The team ----------------------------------------------------------------------------------------------------

def review_queue():
    """Submitted drafts, oldest first, and versions published directly that nobody has read yet."""
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


def approve(draft_id, staff, ticked: set[str], note: str, now) -> Implementation:
    if not states.checklist_complete(ticked, CHECKLIST_KEYS):
        raise Refused(_("Cochez chaque point de la liste de vérification avant de publier."))
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        transition(draft, Action.APPROVE)
        errors = record_errors(draft)
        if errors:
            raise DraftErrors(_("La fiche n'est pas publiable en l'état : demandez des modifications."), errors)
        implementation = publish(draft, staff, now, checked=True, note=note.strip())
        services.log(draft, Action.APPROVE, staff, now, note=note.strip())
        transaction.on_commit(partial(tasks.notify_editors.enqueue, draft.pk, Action.APPROVE), robust=True)
    return implementation


def publish(draft, by, now, *, checked: bool, note: str = "") -> Implementation:
    """Copy the draft onto the live record (created for a new one) under its lock, number the version, close the
    draft. The caller holds the draft's lock, inside a transaction."""
    if draft.object_id:
        live = Implementation.objects.select_for_update().get(pk=draft.object_id)
        if not services.versions_of(live).exists():
            # Entered before versions were kept: what was public becomes version 1, so the history shows the
            # first update's changes.
            services.record_version(live, snapshot(live), None, live.first_published_at or now,
                                    note="État publié avant la tenue des versions.")
    implementation = build_instance(draft)
    if implementation.first_published_at is None:
        implementation.first_published_at = now
    # A publication is a review by its owners: the next one is a year away (library/facets.py), reminded anew.
    implementation.review_due_on = facets.review_due(timezone.localdate(now))
    implementation.review_reminded_on = None
    implementation.full_clean()
    implementation.save()
    services.record_version(implementation, snapshot(implementation), by, now, note=note, checked=checked)
    draft.object_id, draft.state, draft.updated_at = implementation.pk, State.PUBLISHED, now
    draft.save(update_fields=["object_id", "state", "updated_at"])
    return implementation


def mark_checked(version_id, staff, now) -> Version:
    with transaction.atomic():
        version = Version.objects.select_for_update().get(pk=version_id, content_type=content_type())
        if version.checked_at is None:
            version.checked_at = now
            version.save(update_fields=["checked_at"])
            services.log(Implementation(pk=version.object_id), Action.CHECK, staff, now,
                         note=str(version.number), model=Implementation)
    return version


def archive(implementation_id, by, reason: str, now) -> Implementation:
    """Withdraw a published record from the lists: its page stays, says why, and keeps its lessons for agents."""
    if not reason.strip():
        raise Refused(_("Indiquez pourquoi la fiche est retirée ou archivée : sa page l'affiche."))
    with transaction.atomic():
        implementation = Implementation.objects.select_for_update().get(pk=implementation_id)
        if implementation.first_published_at is None or implementation.archived_at is not None:
            raise Refused(_("Seule une fiche publiée et en ligne peut être retirée."))
        implementation.archived_at, implementation.archive_reason = now, reason.strip()
        implementation.save(update_fields=["archived_at", "archive_reason", "updated_at"])
        services.log(implementation, Action.ARCHIVE, by, now, note=reason.strip())
    return implementation
