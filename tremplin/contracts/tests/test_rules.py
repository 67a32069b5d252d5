from datetime import date
from decimal import Decimal

import pytest

from tremplin.contracts import rules
from tremplin.kernel.dates import Period


@pytest.mark.parametrize(
    "start,months,expected",
    [
        (date(2026, 3, 1), 4, date(2026, 6, 30)),
        (date(2026, 1, 15), 4, date(2026, 5, 14)),
        (date(2025, 10, 31), 4, date(2026, 2, 28)),  # no 31 February: last day of the month
        (date(2023, 10, 31), 4, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 1), 24, date(2026, 12, 31)),
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2024, 3, 1), 24, date(2026, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
    ],
)
def test_last_day_within(start, months, expected):
    assert rules.last_day_within(start, months) == expected


def test_covered_days_counts_the_union():
    periods = [Period(date(2026, 1, 1), date(2026, 1, 10)), Period(date(2026, 1, 5), date(2026, 1, 20))]
    assert rules.covered_days(periods) == 20
    assert rules.covered_days([Period(date(2026, 1, 1), date(2026, 1, 1))] * 2) == 1
    assert rules.covered_days([]) == 0


def test_uncovered_from():
    required = Period(date(2026, 1, 1), date(2026, 12, 31))
    assert rules.uncovered_from(required, [Period(date(2025, 12, 1), date(2026, 12, 31))]) is None
    covers = [Period(date(2026, 1, 1), date(2026, 6, 30)), Period(date(2026, 7, 1), date(2026, 12, 31))]
    assert rules.uncovered_from(required, covers) is None
    covers = [Period(date(2026, 1, 1), date(2026, 6, 30)), Period(date(2026, 7, 2), date(2026, 12, 31))]
    assert rules.uncovered_from(required, covers) == date(2026, 7, 1)
    assert rules.uncovered_from(required, []) == date(2026, 1, 1)


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (date(2026, 1, 5), date(2026, 7, 4), date(2026, 1, 18)),  # 6 months: 2 weeks at most
        (date(2026, 3, 1), date(2026, 6, 30), date(2026, 3, 14)),  # 4 months: 17 days -> 14
        (date(2026, 1, 1), date(2026, 12, 31), date(2026, 1, 31)),  # over 6 months: 1 month at most
        (date(2026, 1, 1), date(2026, 2, 28), date(2026, 1, 8)),  # 59 days: 8 days
        (date(2026, 1, 1), None, date(2026, 1, 31)),  # CDI inclusion
    ],
)
def test_trial_period(start, end, expected):
    assert rules.trial_period_end(start=start, end=end) == expected


def test_hours_messages_use_french_decimals():
    message = rules.check_weekly_hours(
        hours=Decimal("35.5"), period=Period(date(2026, 1, 1), date(2026, 6, 30)), low_hours_derogations=[]
    )
    assert message == "La durée hebdomadaire d'un CDDI est de 35 heures au plus : 35,5 h est refusé."
