from datetime import date

from tremplin.committees import rules
from tremplin.committees.enums import CommitteeMoment


def test_plan_dates_are_the_first_the_middle_and_the_last_day_of_the_convention():
    assert rules.plan_dates(date(2025, 1, 1), date(2027, 12, 31)) == {
        CommitteeMoment.START: date(2025, 1, 1),
        CommitteeMoment.MIDDLE: date(2026, 7, 2),
        CommitteeMoment.END: date(2027, 12, 31),
    }


def test_the_file_period_starts_the_day_after_the_previous_committee():
    assert rules.file_period(
        day=date(2026, 6, 30), previous_day=date(2025, 1, 15), convention_start=date(2025, 1, 1)
    ) == (date(2025, 1, 16), date(2026, 6, 30))


def test_without_a_previous_committee_the_file_period_starts_with_the_convention():
    assert rules.file_period(day=date(2025, 1, 15), previous_day=None, convention_start=date(2025, 1, 1)) == (
        date(2025, 1, 1),
        date(2025, 1, 15),
    )


def test_without_convention_nor_previous_committee_the_file_covers_the_year_before():
    assert rules.file_period(day=date(2025, 12, 31), previous_day=None, convention_start=None) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )


def test_the_file_period_is_never_reversed():
    assert rules.file_period(day=date(2024, 12, 10), previous_day=None, convention_start=date(2025, 1, 1)) == (
        date(2024, 12, 10),
        date(2024, 12, 10),
    )


def test_held_on_may_be_today_but_not_tomorrow():
    today = date(2025, 6, 15)
    assert rules.check_held_on(today, today) is None
    assert rules.check_held_on(date(2025, 6, 16), today) == rules.HELD_IN_FUTURE.format(held_on="16/06/2025")


def test_minutes_need_a_held_committee():
    assert rules.check_minutes(None, "  ") is None
    assert rules.check_minutes(None, "Compte rendu") == rules.MINUTES_BEFORE_HELD
    assert rules.check_minutes(date(2025, 6, 1), "Compte rendu") is None


def test_a_decision_is_due_after_the_committee():
    assert rules.check_decision(None, None) == rules.DECISION_BEFORE_HELD
    assert rules.check_decision(date(2025, 6, 1), date(2025, 5, 31)) == rules.DECISION_DUE_BEFORE_HELD.format(
        due_on="31/05/2025", held_on="01/06/2025"
    )
    assert rules.check_decision(date(2025, 6, 1), date(2025, 6, 1)) is None
