"""The pure arithmetic of the indicators (no database)."""

from datetime import date
from decimal import Decimal

from tremplin.kernel.dates import age_on
from tremplin.reporting import rules


def test_age_band_boundaries():
    # 26 on the day of the 26th birthday; 50 on the day of the 50th.
    assert rules.age_band(age_on(date(1999, 3, 10), date(2025, 3, 9))) == "under_26"
    assert rules.age_band(age_on(date(1999, 3, 10), date(2025, 3, 10))) == "26_49"
    assert rules.age_band(age_on(date(1975, 1, 1), date(2024, 12, 31))) == "26_49"
    assert rules.age_band(age_on(date(1975, 1, 1), date(2025, 1, 1))) == "50_plus"


def test_days_covered_counts_overlapping_contracts_once_and_open_ended_ones():
    contracts = [
        (date(2025, 1, 1), date(2025, 1, 10)),
        (date(2025, 1, 5), date(2025, 1, 20)),
        (date(2025, 1, 25), None),
    ]
    # 1..20 January (20 days) + 25..31 January (7 days)
    assert rules.days_covered_in(contracts, date(2025, 1, 1), date(2025, 1, 31)) == 27


def test_dynamic_exit_rate_is_a_percentage_and_none_without_denominator():
    assert rules.dynamic_exit_rate(durable=1, transition=1, positive=1, counted=5, withdrawn=1) == Decimal(75)
    assert rules.dynamic_exit_rate(durable=0, transition=0, positive=0, counted=2, withdrawn=2) is None
    assert rules.dynamic_exit_rate(durable=0, transition=0, positive=0, counted=0, withdrawn=0) is None


def test_combined_target_weighs_by_the_exits_of_each_rate():
    assert rules.combined_target([]) is None
    assert rules.combined_target([(Decimal(60), 0)]) == Decimal(60)
    # (60 x 3 + 70 x 1) / 4 = 62.5
    assert rules.combined_target([(Decimal(60), 3), (Decimal(70), 1)]) == Decimal("62.5")
    # no exit at all: the plain mean
    assert rules.combined_target([(Decimal(60), 0), (Decimal(70), 0)]) == Decimal(65)
