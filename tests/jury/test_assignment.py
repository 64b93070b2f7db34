"""Assignment of applications to jurors (jury/assignment.py)."""

import pytest

from jury.assignment import NotEnoughJurors, assign_balanced, assign_by_category, assign_everyone, loads


@pytest.mark.parametrize(("applications", "jurors", "per_application"),
                         [(30, 6, 3), (40, 6, 2), (7, 3, 2), (500, 12, 3)])
def test_balanced_gives_n_jurors_each_and_loads_within_one(applications, jurors, per_application):
    result = assign_balanced(list(range(applications)), [f"j{n}" for n in range(jurors)], per_application)
    assert all(len(set(assigned)) == per_application for assigned in result.values())
    counts = loads(result).values()
    assert max(counts) - min(counts) <= 1


def test_balanced_never_assigns_a_conflict_and_stays_balanced():
    jurors = ["a", "b", "c", "d"]
    conflicts = {("a", 0), ("a", 1), ("b", 2)}
    result = assign_balanced(list(range(10)), jurors, 2, conflicts)
    assert not any((juror, app) in conflicts for app, assigned in result.items() for juror in assigned)
    counts = loads(result).values()
    assert max(counts) - min(counts) <= 1


def test_balanced_refuses_when_conflicts_leave_too_few_jurors():
    with pytest.raises(NotEnoughJurors):
        assign_balanced([1], ["a", "b"], 2, {("a", 1)})


def test_everyone_and_by_category_skip_conflicts():
    assert assign_everyone([1, 2], ["a", "b"], {("b", 2)}) == {1: ["a", "b"], 2: ["a"]}
    assert assign_by_category({1: "data", 2: "inclusion"}, {"data": ["a", "b"], "inclusion": ["c"]}, {("a", 1)}) == {
        1: ["b"], 2: ["c"]}
