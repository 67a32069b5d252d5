"""The rules of working time as pure functions: public holidays by département, the daily and
weekly maxima at their boundaries, the week warning, the full-time hours of a period."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tremplin.worktime import rules
from tremplin.worktime.enums import PAID_KINDS, UNPAID_KINDS, EntryKind

NATIONAL_2026 = {
    date(2026, 1, 1): "Jour de l'an",
    date(2026, 4, 6): "Lundi de Pâques",
    date(2026, 5, 1): "Fête du Travail",
    date(2026, 5, 8): "Fête de la Victoire",
    date(2026, 5, 14): "Ascension",
    date(2026, 5, 25): "Lundi de Pentecôte",
    date(2026, 7, 14): "Fête nationale",
    date(2026, 8, 15): "Assomption",
    date(2026, 11, 1): "Toussaint",
    date(2026, 11, 11): "Armistice",
    date(2026, 12, 25): "Noël",
}


def test_public_holidays_of_paris_2026():
    assert rules.public_holidays("75", 2026) == NATIONAL_2026


@pytest.mark.parametrize("department", ["57", "67", "68"])
def test_alsace_moselle_adds_good_friday_and_26_december(department):
    assert rules.public_holidays(department, 2026) == {
        **NATIONAL_2026,
        date(2026, 4, 3): "Vendredi saint",
        date(2026, 12, 26): "Saint-Étienne",
    }


def test_la_reunion_adds_the_abolition_of_slavery_on_20_december():
    assert rules.public_holidays("974", 2026) == {**NATIONAL_2026, date(2026, 12, 20): "Abolition de l'esclavage"}


@pytest.mark.parametrize(
    "department,day",
    [("971", date(2026, 5, 27)), ("972", date(2026, 5, 22)), ("973", date(2026, 6, 10)), ("976", date(2026, 4, 27))],
)
def test_other_overseas_departements_have_their_own_abolition_day(department, day):
    assert rules.public_holiday_name(department, day) == "Abolition de l'esclavage"
    assert rules.public_holiday_name("34", day) is None


def test_public_holidays_are_in_date_order_and_a_copy():
    holidays = rules.public_holidays("57", 2026)
    assert list(holidays) == sorted(holidays)
    holidays.clear()
    assert rules.public_holidays("57", 2026)


def test_paid_kinds_follow_domain_section_12():
    assert set(PAID_KINDS) == {
        EntryKind.WORKED,
        EntryKind.PAID_LEAVE,
        EntryKind.PUBLIC_HOLIDAY,
        EntryKind.TRAINING,
        EntryKind.PMSMP,
    }
    assert set(UNPAID_KINDS) == {
        EntryKind.SICK_LEAVE,
        EntryKind.WORK_ACCIDENT,
        EntryKind.AUTHORISED_ABSENCE,
        EntryKind.UNJUSTIFIED_ABSENCE,
        EntryKind.SUSPENSION,
    }


def test_day_maximum_is_10_hours():
    day = date(2026, 3, 2)
    assert rules.check_day_total(day=day, total=Decimal("10")) is None
    assert rules.check_day_total(day=day, total=Decimal("10.25")) == rules.DAY_OVER_MAX.format(
        total="10,25", day="02/03/2026"
    )


def test_week_maximum_is_48_hours():
    monday = date(2026, 3, 2)
    assert rules.check_week_total(monday=monday, total=Decimal("48")) is None
    message = rules.check_week_total(monday=monday, total=Decimal("48.5"))
    assert message == rules.WEEK_OVER_MAX.format(total="48,5", monday="02/03/2026", sunday="08/03/2026")


def test_day_in_contract_boundaries():
    start, last = date(2026, 3, 2), date(2026, 8, 31)
    assert rules.check_day_in_contract(day=start, start=start, last=last) is None
    assert rules.check_day_in_contract(day=last, start=start, last=last) is None
    assert rules.check_day_in_contract(day=date(2026, 3, 1), start=start, last=last)
    assert rules.check_day_in_contract(day=date(2026, 9, 1), start=start, last=last)
    assert rules.check_day_in_contract(day=date(2030, 1, 1), start=start, last=None) is None  # CDI inclusion


def test_week_warning_above_at_once_below_only_when_complete():
    monday = date(2026, 3, 2)
    args = {"monday": monday, "expected": Decimal(26), "weekly_hours": Decimal(26)}
    assert rules.week_warning(total=Decimal(26), complete=True, **args) is None
    assert rules.week_warning(total=Decimal("26.5"), complete=False, **args) == rules.WEEK_ABOVE_CONTRACT.format(
        monday="02/03/2026", total="26,5", expected="26", weekly="26"
    )
    assert rules.week_warning(total=Decimal(20), complete=False, **args) is None
    assert rules.week_warning(total=Decimal(20), complete=True, **args) == rules.WEEK_BELOW_CONTRACT.format(
        monday="02/03/2026", total="20", expected="26", weekly="26"
    )


@pytest.mark.parametrize(
    "weekly,daily", [("35", "7.00"), ("26", "5.20"), ("20", "4.00"), ("24", "4.80"), ("26.33", "5.27")]
)
def test_planned_daily_hours(weekly, daily):
    assert rules.planned_daily_hours(Decimal(weekly)) == Decimal(daily)


def test_dates():
    assert rules.month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert rules.month_end(date(2026, 12, 1)) == date(2026, 12, 31)
    assert rules.week_monday(date(2026, 5, 17)) == date(2026, 5, 11)
    assert rules.month_fr(date(2026, 8, 1)) == "août 2026"


TABLE_1820 = [(date(2014, 1, 1), Decimal(1820))]


@pytest.mark.parametrize("year", [2024, 2026])  # a leap year and a common one
def test_full_time_hours_of_a_calendar_year_is_the_annual_reference(year):
    assert rules.full_time_hours(date(year, 1, 1), date(year, 12, 31), TABLE_1820) == 1820
    assert rules.etp(Decimal(1820), Fraction(1820)) == Decimal("1.00")


def test_full_time_hours_across_a_leap_year_and_a_change_of_reference():
    # 1-31 December 2023 at 1 820 h over 365 days, 1-31 January 2024 at a (fictitious) 1 600 h over 366 days:
    # 1820 x 31 / 365 + 1600 x 31 / 366 = 154.5753... + 135.5191... = 290.0944...
    table = [*TABLE_1820, (date(2024, 1, 1), Decimal(1600))]
    full_time = rules.full_time_hours(date(2023, 12, 1), date(2024, 1, 31), table)
    assert full_time == Fraction(1820 * 31, 365) + Fraction(1600 * 31, 366)
    assert rules.etp(Decimal(300), full_time).quantize(Decimal("0.0001")) == Decimal("1.0341")


def test_full_time_hours_without_reference_data_is_refused():
    with pytest.raises(rules.MissingReferenceHours, match="31/12/2013"):
        rules.full_time_hours(date(2013, 12, 31), date(2014, 1, 1), TABLE_1820)


def test_absence_periods_run_over_the_weekend_and_stop_at_a_day_worked():
    lines = [
        (date(2026, 3, 5), EntryKind.SICK_LEAVE, Decimal(7)),  # Thursday
        (date(2026, 3, 6), EntryKind.SICK_LEAVE, Decimal(7)),
        (date(2026, 3, 9), EntryKind.SICK_LEAVE, Decimal(7)),  # Monday
        (date(2026, 3, 10), EntryKind.WORKED, Decimal(7)),
        (date(2026, 3, 11), EntryKind.PAID_LEAVE, Decimal(7)),
        (date(2026, 3, 12), EntryKind.SICK_LEAVE, Decimal(7)),
    ]
    assert rules.absence_periods(lines) == [
        rules.AbsencePeriod(EntryKind.SICK_LEAVE, date(2026, 3, 5), date(2026, 3, 9), Decimal(21)),
        rules.AbsencePeriod(EntryKind.PAID_LEAVE, date(2026, 3, 11), date(2026, 3, 11), Decimal(7)),
        rules.AbsencePeriod(EntryKind.SICK_LEAVE, date(2026, 3, 12), date(2026, 3, 12), Decimal(7)),
    ]


def test_month_parts_clip_to_the_period():
    assert rules.month_parts(date(2024, 12, 20), date(2025, 2, 3)) == [
        (date(2024, 12, 1), date(2024, 12, 20), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 1, 1), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 1), date(2025, 2, 3)),
    ]
