"""The programme's rules on hand-computed examples: the visio link's window, the reminders due, durations, the
order of a theme's programme."""

import datetime
from types import SimpleNamespace

from territoirprod import programme, rules
from tests.labels.factories import paris

START = paris(2026, 3, 10, 10, 0)  # Tuesday 10 March 2026, 10:00 Paris (09:00 UTC)
END = paris(2026, 3, 10, 12, 0)


def test_the_visio_link_shows_from_midnight_the_day_before_until_the_end():
    assert rules.visio_opens_at(START) == paris(2026, 3, 9, 0, 0)
    assert not rules.visio_link_visible(True, START, END, paris(2026, 3, 8, 23, 59))
    assert rules.visio_link_visible(True, START, END, paris(2026, 3, 9, 0, 0))
    assert rules.visio_link_visible(True, START, END, paris(2026, 3, 10, 11, 59))
    assert not rules.visio_link_visible(True, START, END, paris(2026, 3, 10, 12, 0))


def test_the_visio_link_never_shows_to_someone_not_enrolled():
    assert not rules.visio_link_visible(False, START, END, paris(2026, 3, 10, 10, 30))


def test_the_day_before_is_a_paris_date_even_across_the_change_to_summer_time():
    start = paris(2026, 3, 30, 0, 30)  # the night after the change (29 March 2026), 22:30 UTC the day before
    assert rules.visio_opens_at(start) == paris(2026, 3, 29, 0, 0)


def test_reminders_due_seven_days_then_one_day_before():
    assert rules.due_reminders(START, paris(2026, 3, 2, 9, 0)) == []  # 8 days before
    assert rules.due_reminders(START, paris(2026, 3, 3, 0, 1)) == [rules.WEEK]  # 7 days before
    assert rules.due_reminders(START, paris(2026, 3, 8, 18, 0)) == [rules.WEEK]  # 2 days before
    assert rules.due_reminders(START, paris(2026, 3, 9, 7, 0)) == [rules.DAY]  # the day before
    assert rules.due_reminders(START, paris(2026, 3, 10, 9, 0)) == [rules.DAY]  # the morning itself
    assert rules.due_reminders(START, START) == []  # started: too late


def test_durations_as_the_attestation_writes_them():
    assert rules.format_duration(datetime.timedelta(hours=2)) == "2 h"
    assert rules.format_duration(datetime.timedelta(hours=1, minutes=30)) == "1 h 30"
    assert rules.format_duration(datetime.timedelta(minutes=45)) == "45 min"
    assert rules.total_duration([(START, END), (START, START + datetime.timedelta(minutes=90))]) == \
        datetime.timedelta(hours=3, minutes=30)


def test_the_journee_expert_takes_its_place_among_the_sequences_by_date():
    first = SimpleNamespace(number=1, starts_at=paris(2026, 1, 15, 10, 0))
    second = SimpleNamespace(number=2, starts_at=paris(2026, 3, 10, 10, 0))
    journee = SimpleNamespace(title="Journée expert IA")
    items = programme.in_date_order([second, first], journee, paris(2026, 2, 12, 9, 0))
    assert [item.obj for item in items] == [first, journee, second]
    assert [item.kind for item in items] == [programme.SEQUENCE, programme.JOURNEE_EXPERT, programme.SEQUENCE]


def test_a_journee_expert_without_a_date_is_left_out():
    sequence = SimpleNamespace(number=1, starts_at=START)
    assert [item.obj for item in programme.in_date_order([sequence], SimpleNamespace(), None)] == [sequence]
