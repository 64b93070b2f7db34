"""The phase of a campaign from its dates and a clock (pure function, hand-computed examples)."""

import datetime

import pytest

from labels.phases import Phase, campaign_phase, is_before_deadline, seconds_left
from tests.labels.factories import PARIS, paris

OPENS = paris(2026, 1, 15, 9, 0)
CLOSES = paris(2026, 3, 31, 23, 59, 59)
JURY = paris(2026, 4, 15, 9, 0)
RESULTS = paris(2026, 6, 10, 18, 0)
SECOND = datetime.timedelta(seconds=1)


@pytest.mark.parametrize(("now", "expected"), [
    (OPENS - SECOND, Phase.UPCOMING),
    (OPENS, Phase.OPEN),
    (CLOSES, Phase.OPEN),
    (CLOSES + SECOND, Phase.CLOSED),
    (JURY - SECOND, Phase.CLOSED),
    (JURY, Phase.JURY),
    (RESULTS - SECOND, Phase.JURY),
    (RESULTS, Phase.RESULTS),
    (paris(2030, 1, 1), Phase.RESULTS),
])
def test_phase_from_dates(now, expected):
    assert campaign_phase(OPENS, CLOSES, now, jury_starts_at=JURY, results_published_at=RESULTS) == expected


def test_without_jury_dates_a_closed_campaign_stays_closed():
    assert campaign_phase(OPENS, CLOSES, paris(2027, 1, 1)) == Phase.CLOSED


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        campaign_phase(OPENS, CLOSES, datetime.datetime(2026, 2, 1))


def test_deadline_is_inclusive_to_the_second():
    assert is_before_deadline(CLOSES, CLOSES)
    assert is_before_deadline(CLOSES, CLOSES - SECOND)
    assert not is_before_deadline(CLOSES, CLOSES + SECOND)


@pytest.mark.parametrize(("offset", "open_"), [(0.0, True), (0.4, True), (0.999999, True), (1.0, False)])
def test_the_closing_second_is_inclusive_to_its_end(offset, open_):
    """`closes_at` is stored at :59.000000: 23:59:59.4 is still within the closing second, 00:00:00 is not."""
    now = CLOSES + datetime.timedelta(seconds=offset)
    assert is_before_deadline(CLOSES, now) is open_
    assert (campaign_phase(OPENS, CLOSES, now) == Phase.OPEN) is open_


def test_deadline_in_utc_and_paris_are_the_same_instant():
    utc_now = datetime.datetime(2026, 3, 31, 21, 59, 59, tzinfo=datetime.UTC)  # 23:59:59 in Paris (CEST)
    assert is_before_deadline(CLOSES, utc_now)
    assert not is_before_deadline(CLOSES, utc_now + SECOND)


def test_spring_forward_day():
    # 29 March 2026: 02:00 jumps to 03:00 in Paris. 03:00 CEST is 01:00 UTC.
    closes = paris(2026, 3, 29, 3, 0)
    assert closes.utcoffset() == datetime.timedelta(hours=2)
    one_second_before = datetime.datetime(2026, 3, 29, 0, 59, 59, tzinfo=datetime.UTC)
    assert campaign_phase(OPENS, closes, one_second_before) == Phase.OPEN
    assert campaign_phase(OPENS, closes, one_second_before + 2 * SECOND) == Phase.CLOSED


def test_fall_back_day_ambiguous_time():
    # 25 October 2026: 02:30 happens twice; fold=0 is the first one (CEST, 00:30 UTC).
    closes = datetime.datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=0)
    assert closes.utcoffset() == datetime.timedelta(hours=2)
    first_pass = datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC)
    second_pass = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)  # 02:30 CET, one hour later
    assert is_before_deadline(closes, first_pass)
    assert not is_before_deadline(closes, second_pass)


def test_seconds_left():
    assert seconds_left(CLOSES, CLOSES - datetime.timedelta(minutes=2)) == 120
    assert seconds_left(CLOSES, CLOSES + SECOND) == 0
