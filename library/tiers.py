"""Which field of an implementation each reader may see: the level of every field, declared here, in one table.

    level 0  everyone (students, researchers, citizens)
    level 1  verified agents of collectivités (`accounts.tiers`: AGENT or MEMBER_AGENT)
    level 2  holders of an approved, unexpired grant on that very implementation (GRANT)

Levels add up: a level-2 reader sees levels 0 and 1 too. Templates never get
an `Implementation`: views hand them a `VisibleRecord`, built here, that holds
the values of the reader's levels only. A template asking for a field above
them gets nothing, because the value was never copied in. The edit form's
panels are grouped from the same table (library/models.py), so the level an
editor reads above a field is the level the site applies.
"""

import enum
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.tiers import Tier


class Level(enum.IntEnum):
    PUBLIC = 0
    AGENTS = 1
    EXPERTS = 2


HEADINGS = {
    Level.PUBLIC: _("Niveau 0\u00a0: public"),
    Level.AGENTS: _("Niveau 1\u00a0: agents vérifiés des collectivités"),
    Level.EXPERTS: _("Niveau 2\u00a0: titulaires d'un accès expert à ce projet"),
}

# What a reader below a level is told exists, without its content.
WITHHELD = {
    Level.AGENTS: _("Les retours d'expérience (ce qui a marché, ce qui a échoué, coûts, équipe, achats, "
                    "prérequis, indicateurs) sont réservés aux agents vérifiés des collectivités."),
    Level.EXPERTS: _("Le code, la documentation technique, la fiche du modèle, les données d'exemple et l'accès "
                     "au démonstrateur sont réservés aux titulaires d'un accès expert à ce projet."),
}

# Every field of an implementation that a reader may see, with its level, in the order the form shows them.
# `tests/library/test_tiers.py` fails if a field of the model is missing here.
FIELD_LEVELS: dict[str, Level] = {
    # Level 0: who, what, how it is used and overseen, where its open material is.
    "lead_organisation": Level.PUBLIC,
    "partners": Level.PUBLIC,
    "slug": Level.PUBLIC,
    "is_illustrative": Level.PUBLIC,
    "status": Level.PUBLIC,
    "stopped_reason": Level.PUBLIC,
    "started_on": Level.PUBLIC,
    "ended_on": Level.PUBLIC,
    "purpose": Level.PUBLIC,
    "usage": Level.PUBLIC,
    "human_oversight": Level.PUBLIC,
    "data_sources": Level.PUBLIC,
    "ai_act_risk": Level.PUBLIC,
    "contact_email": Level.PUBLIC,
    "licence": Level.PUBLIC,
    "code_url": Level.PUBLIC,
    "open_data_url": Level.PUBLIC,
    "demonstrator_url": Level.PUBLIC,
    "environmental_note": Level.PUBLIC,
    "event_session": Level.PUBLIC,
    "laureate": Level.PUBLIC,
    "review_due_on": Level.PUBLIC,  # the "à vérifier" badge once past
    # Level 1: lessons learned and what it took.
    "lessons_worked": Level.AGENTS,
    "lessons_failed": Level.AGENTS,
    "lessons_differently": Level.AGENTS,
    "build_cost": Level.AGENTS,
    "run_cost": Level.AGENTS,
    "team_skills": Level.AGENTS,
    "procurement": Level.AGENTS,
    "suppliers": Level.AGENTS,
    "data_prerequisites": Level.AGENTS,
    "indicators": Level.AGENTS,
    # Level 2: what it takes to reuse it.
    "code_archive_url": Level.EXPERTS,
    "technical_documentation": Level.EXPERTS,
    "model_card": Level.EXPERTS,
    "sample_data": Level.EXPERTS,
    "demonstrator_access": Level.EXPERTS,
}

# Fields that hold several objects (a many-to-many or child relation): the record holds them as a list.
MANY = frozenset({"partners", "data_sources"})
# Date fields: a draft and a version hold them as ISO text (library/submissions.py, library/history.py).
DATE_FIELDS = frozenset({"started_on", "ended_on"})
# Fields with choices: the record also holds their French label as `<name>_label`.
CHOICE_FIELDS = frozenset({"status", "ai_act_risk", "licence"})


def level_for_tier(tier: Tier) -> Level:
    """PUBLIC → 0; AGENT and MEMBER_AGENT → 1; GRANT (on the implementation asked about) → 2."""
    if tier >= Tier.GRANT:
        return Level.EXPERTS
    if tier >= Tier.AGENT:
        return Level.AGENTS
    return Level.PUBLIC


def fields_at(level: Level) -> tuple[str, ...]:
    """The fields a reader of `level` may see (those of their level and below), in the table's order."""
    return tuple(name for name, field_level in FIELD_LEVELS.items() if field_level <= level)


def fields_by_level() -> list[tuple[Level, list[str]]]:
    """The table grouped by level, lowest first: the sections of the edit form."""
    return [(level, [name for name, field_level in FIELD_LEVELS.items() if field_level == level]) for level in Level]


def is_filled(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple):
        return bool(value)
    return value is not None


@dataclass(frozen=True)
class VisibleRecord:
    """An implementation as one reader may see it: the values of their levels, and which higher levels hold more.

    `values` maps a field name to its value (a list for `MANY` fields, the
    French label under `<name>_label` for choice fields); `url` is the
    record's address; `withheld` lists the levels above the reader's that
    have content, for the notice that tells them it exists.
    """

    level: Level
    values: dict
    url: str = ""
    withheld: tuple = field(default=())

    def __getattr__(self, name):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name):
        return self.values[name]

    @property
    def withheld_notices(self) -> list[tuple[Level, Promise]]:
        return [(level, WITHHELD[level]) for level in self.withheld]


# Fields a reader sees through what the model says of them in public, never as the related object itself: the
# label application behind a laureate holds its applicant's contact details.
PUBLIC_VIEWS = {"laureate": "public_laureate"}


def read(instance, name):
    """One field's value from an implementation (lists for its relations: prefetched by the caller)."""
    if name in PUBLIC_VIEWS:
        return getattr(instance, PUBLIC_VIEWS[name])()
    value = getattr(instance, name)
    return list(value.all()) if name in MANY else value


def visible_record(instance, level: Level, url: str = "", with_withheld: bool = True) -> VisibleRecord:
    """Copy the fields of `level` and below out of `instance`; note which higher levels have something (unless
    `with_withheld` is off: lists read the columns of their level only, and say nothing of the others)."""
    values = {}
    for name in fields_at(level):
        values[name] = read(instance, name)
        if name in CHOICE_FIELDS:
            values[f"{name}_label"] = getattr(instance, f"get_{name}_display")() if values[name] else ""
    withheld = () if not with_withheld else tuple(
        higher for higher in Level if higher > level
        and any(is_filled(read(instance, name)) for name, field_level in FIELD_LEVELS.items() if field_level == higher)
    )
    return VisibleRecord(level=level, values=values, url=url, withheld=withheld)


# --- Documents and contacts ---------------------------------------------------------------------------------------
# A document carries its own level (1 or 2): it is listed, and served, to readers of that level on its project only.
# Contacts are of level 1; their name and address only while they consent to show them, their role otherwise (with
# the form that relays a message to them).

@dataclass(frozen=True)
class VisibleDocument:
    title: str
    url: str
    level: Level


@dataclass(frozen=True)
class VisibleContact:
    role: str
    name: str = ""  # empty: no consent, nothing that identifies them is shown
    email: str = ""
    write_url: str = ""


def visible_documents(documents, level: Level, url_for) -> list[VisibleDocument]:
    """The documents of `level` and below (the caller reads no others), each with its download address."""
    return [VisibleDocument(document.title, url_for(document), Level(document.level)) for document in documents
            if document.level <= level]


def visible_contacts(contacts, level: Level, write_url_for) -> list[VisibleContact]:
    if level < Level.AGENTS:
        return []
    return [VisibleContact(contact.role, contact.name, contact.email) if contact.has_consented
            else VisibleContact(contact.role, write_url=write_url_for(contact)) for contact in contacts]
