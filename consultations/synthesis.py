"""The synthesis of lessons across territories: per lesson of the programme, how many territories found it and
their local evidence. A plain function over plain rows (one per finding of a published consultation), so that the
count is tested on hand-computed examples and the page reads its rows in one query."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EvidenceRow:
    """One finding: the lesson it is tagged to, the territory whose consultation found it, and the evidence."""

    lesson_number: int
    organisation_id: int
    organisation_name: str
    evidence: str
    kind: str = ""  # "citation", "chiffre"
    consultation_title: str = ""
    consultation_url: str = ""


@dataclass(frozen=True)
class LessonRef:
    number: int
    title: str
    text: str = ""

    @property
    def anchor(self) -> str:
        return f"enseignement-{self.number}"


@dataclass
class LessonSynthesis:
    lesson: LessonRef
    territory_count: int = 0
    evidence: list[EvidenceRow] = field(default_factory=list)


def synthesise(lessons, rows) -> list[LessonSynthesis]:
    """Each lesson in its number's order, with the number of distinct territories that found it and its evidence
    ordered by territory name; rows tagged to a number that is not among `lessons` are left out."""
    by_number = {lesson.number: LessonSynthesis(lesson) for lesson in sorted(lessons, key=lambda item: item.number)}
    territories: dict[int, set[int]] = {number: set() for number in by_number}
    for row in rows:
        entry = by_number.get(row.lesson_number)
        if entry is None:
            continue
        entry.evidence.append(row)
        territories[row.lesson_number].add(row.organisation_id)
    for number, entry in by_number.items():
        entry.territory_count = len(territories[number])
        entry.evidence.sort(key=lambda row: (row.organisation_name.casefold(), row.consultation_title.casefold()))
    return list(by_number.values())


def territories_with_findings(rows) -> int:
    """How many territories found at least one lesson."""
    return len({row.organisation_id for row in rows})
