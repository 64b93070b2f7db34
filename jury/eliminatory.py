"""Eliminatory criteria: which files fall below a criterion's threshold, pure, no ORM.

A criterion marked eliminatory with a threshold eliminates a file when the
median of its jurors' scores on it is below the threshold, or (the campaign's
choice) when any juror's score is. An eliminated file is flagged "éliminé sur
le critère X" in the ranking and cannot receive a laureate level without a
recorded override reason (`jury.services.decisions`).
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

MEDIAN, ANY = "mediane", "un-jure"


@dataclass(frozen=True)
class Rule:
    criterion_id: int
    name: str
    threshold: int


def eliminated(rows, rules, how: str = MEDIAN) -> dict:
    """{application id: [names of the criteria that eliminate it]} from score rows (application_id, juror_id,
    criterion_id, score); files no rule eliminates are left out."""
    by_rule = {rule.criterion_id: rule for rule in rules}
    scores = defaultdict(list)
    for row in rows:
        if row.criterion_id in by_rule:
            scores[(row.application_id, row.criterion_id)].append(row.score)
    verdicts = defaultdict(list)
    for (application_id, criterion_id), values in sorted(scores.items()):
        rule = by_rule[criterion_id]
        low = min(values) if how == ANY else median(values)
        if low < rule.threshold:
            verdicts[application_id].append(rule.name)
    return dict(verdicts)
