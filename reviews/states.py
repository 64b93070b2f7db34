"""The life of a contribution under review, on plain values: its states, the actions, which action leads where.

    brouillon ──soumettre──▶ soumis ──approuver──▶ publié ──archiver──▶ retiré ou archivé
        ▲                      │  └──refuser──▶ refusé
        └─(modifier)── modifications demandées ◀──demander des modifications──┘

A draft is edited only in "brouillon" and "modifications demandées". An
update of a record already published once, by an organisation the team has
already approved a record of, may be published without waiting ("publier
directement"): it is still logged, and stays "à relire" until staff have
read it. Any target (an AI project, later a consultation or a resource) uses
these rules through `reviews.models`; nothing here knows about one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    SUBMITTED = "soumis", _("Soumis à relecture")
    CHANGES_REQUESTED = "modifications", _("Modifications demandées")
    PUBLISHED = "publie", _("Publié")
    REFUSED = "refuse", _("Refusé")
    ARCHIVED = "archive", _("Retiré ou archivé")


class Action(models.TextChoices):
    CREATE = "creer", _("Brouillon créé")
    SAVE = "enregistrer", _("Brouillon enregistré")
    INVITE = "inviter", _("Co-rédacteur invité")
    SUBMIT = "soumettre", _("Soumis à relecture")
    REQUEST_CHANGES = "demander", _("Modifications demandées")
    APPROVE = "approuver", _("Approuvé et publié")
    REFUSE = "refuser", _("Refusé")
    PUBLISH_DIRECTLY = "publier", _("Publié directement, à relire")
    CHECK = "relire", _("Relu après publication")
    ARCHIVE = "archiver", _("Retiré ou archivé")


# (state, action) → the state it leads to. What is not here is refused.
TRANSITIONS: dict[tuple[str, str], str] = {
    (State.DRAFT, Action.SAVE): State.DRAFT,
    (State.CHANGES_REQUESTED, Action.SAVE): State.CHANGES_REQUESTED,
    (State.DRAFT, Action.INVITE): State.DRAFT,
    (State.CHANGES_REQUESTED, Action.INVITE): State.CHANGES_REQUESTED,
    (State.DRAFT, Action.SUBMIT): State.SUBMITTED,
    (State.CHANGES_REQUESTED, Action.SUBMIT): State.SUBMITTED,
    (State.SUBMITTED, Action.REQUEST_CHANGES): State.CHANGES_REQUESTED,
    (State.SUBMITTED, Action.APPROVE): State.PUBLISHED,
    (State.SUBMITTED, Action.REFUSE): State.REFUSED,
    (State.DRAFT, Action.PUBLISH_DIRECTLY): State.PUBLISHED,
    (State.CHANGES_REQUESTED, Action.PUBLISH_DIRECTLY): State.PUBLISHED,
    (State.PUBLISHED, Action.ARCHIVE): State.ARCHIVED,
}

OPEN_STATES = frozenset({State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED})
EDITABLE_STATES = frozenset({State.DRAFT, State.CHANGES_REQUESTED})


def next_state(state: str, action: str) -> str | None:
    """The state `action` leads to from `state`, or None when the action is not allowed there."""
    return TRANSITIONS.get((state, action))


def is_editable(state: str) -> bool:
    return state in EDITABLE_STATES


def is_open(state: str) -> bool:
    """A draft still on its way (not yet published, refused or archived): one per target at most."""
    return state in OPEN_STATES


def may_publish_directly(*, is_update: bool, organisation_has_approved_record: bool) -> bool:
    """An update of a published record, by an organisation the team already approved a record of: published at
    once, read afterwards. A new record always waits for the team."""
    return is_update and organisation_has_approved_record


def submit_action(*, is_update: bool, organisation_has_approved_record: bool) -> str:
    """What "soumettre" does for this draft: a direct publication or a request for review."""
    if may_publish_directly(is_update=is_update, organisation_has_approved_record=organisation_has_approved_record):
        return Action.PUBLISH_DIRECTLY
    return Action.SUBMIT


def checklist_complete(ticked: set[str], required: tuple[str, ...]) -> bool:
    """Staff approve only once every item of the checklist is ticked."""
    return set(required) <= ticked
