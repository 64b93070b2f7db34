"""What a juror's screens make of their files, as pure functions: the state of each file and the list's filters,
the previous and next file from a sheet, and the rubric of a criterion.

No ORM and no request: the views hand plain values and render what comes back.
"""

from django.utils.translation import gettext_lazy as _

TO_DECLARE, TO_SCORE, IN_PROGRESS, SCORED, CONFLICT = "a-declarer", "a-noter", "en-cours", "notee", "conflit"
STATE_LABELS = {
    TO_DECLARE: _("Déclaration d'intérêts à faire"),
    TO_SCORE: _("À noter"),
    IN_PROGRESS: _("En cours"),
    SCORED: _("Notée"),
    CONFLICT: _("Conflit d'intérêts déclaré"),
}
# The list's filters: ?etat=<key>; "" shows every file the juror may open.
ALL, UNFINISHED, FINISHED = "", "a-noter", "notees"
FILTERS = {
    ALL: (_("Toutes"), {TO_DECLARE, TO_SCORE, IN_PROGRESS, SCORED}),
    UNFINISHED: (_("À noter"), {TO_DECLARE, TO_SCORE, IN_PROGRESS}),
    FINISHED: (_("Notées"), {SCORED}),
    CONFLICT: (_("Conflit d'intérêts"), {CONFLICT}),
}


def file_state(*, conflict: bool, declared: bool, scored: int, criteria: int) -> str:
    """A file's state for its juror from what they did: declared a conflict, declared none, scored N criteria
    (every criterion scored is a scored file: scores come after the declaration)."""
    if conflict:
        return CONFLICT
    if criteria and scored >= criteria:
        return SCORED
    if not declared:
        return TO_DECLARE
    return IN_PROGRESS if scored else TO_SCORE


def chosen_filter(value: str | None) -> str:
    """The list's filter from the query string; an unknown value shows every file."""
    return value if value in FILTERS else ALL


def neighbours(ids: list, current) -> tuple:
    """(previous, next) of `current` in the juror's ordered list of files; None at either end or if absent.

    >>> neighbours([3, 5, 8], 5)
    (3, 8)
    """
    if current not in ids:
        return None, None
    index = ids.index(current)
    return (ids[index - 1] if index > 0 else None), (ids[index + 1] if index + 1 < len(ids) else None)


def rubric_steps(max_score: int, bottom: str, middle: str, top: str) -> list[tuple[int, str]]:
    """(score, what it means) at the bottom, the middle (half the maximum, rounded down) and the top of a scale,
    for those staff described.

    >>> rubric_steps(10, "Absent", "", "Exemplaire")
    [(0, 'Absent'), (10, 'Exemplaire')]
    """
    steps = [(0, bottom), (max_score // 2, middle), (max_score, top)]
    return [(score, text) for score, text in steps if text]
