"""What a round may decide, from its purpose and the campaign's levels: pure, no ORM.

A preselection decides "retenu pour la finale" or "non retenu"; a final decides
one of the campaign's laureate levels (Or, Argent, Bronze by default), the
special mention or "non retenu". A choice is one key for the form and the bulk
action ("laureat:Or"), read back into an (outcome, level) pair here, so that a
round can never record an outcome that is not its own, whatever is posted.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

PRESELECTION, FINAL = "preselection", "finale"
RETAINED, LAUREATE, MENTION, NOT_SELECTED = "finale", "laureat", "mention", "non-retenu"
SEPARATOR = ":"


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    outcome: str
    level: str = ""


def choices(purpose: str, levels: list[str]) -> list[Choice]:
    """The outcomes a round of `purpose` offers, in the order the jury reads them."""
    if purpose == PRESELECTION:
        return [Choice(RETAINED, _("Retenu pour la finale"), RETAINED),
                Choice(NOT_SELECTED, _("Non retenu"), NOT_SELECTED)]
    return [*(Choice(f"{LAUREATE}{SEPARATOR}{level}", _("Lauréat — %(level)s") % {"level": level}, LAUREATE, level)
              for level in levels),
            Choice(MENTION, _("Mention spéciale"), MENTION),
            Choice(NOT_SELECTED, _("Non retenu"), NOT_SELECTED)]


def parse(key: str, purpose: str, levels: list[str]) -> Choice | None:
    """The choice `key` names for this round, or None when the round does not offer it."""
    return next((choice for choice in choices(purpose, levels) if choice.key == key), None)


def key_of(outcome: str, level: str = "") -> str:
    """The form's key of a recorded (outcome, level), to show the current decision."""
    return f"{LAUREATE}{SEPARATOR}{level}" if outcome == LAUREATE and level else outcome


def label_of(outcome: str, level: str = "") -> str:
    """How a recorded decision reads in the ranking and the register: "Lauréat — Or", "Retenu pour la finale"."""
    labels = {RETAINED: _("Retenu pour la finale"), MENTION: _("Mention spéciale"), NOT_SELECTED: _("Non retenu")}
    if outcome == LAUREATE:
        return _("Lauréat — %(level)s") % {"level": level} if level else _("Lauréat")
    return labels.get(outcome, "")
