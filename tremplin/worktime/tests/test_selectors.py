"""Reads: the monthly statement adds up to the lines, paid hours and ETP réalisés against a hand
computation (domain.md section 12), payroll rows, the week sheet of a team."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.db.models import Sum

from tremplin.contracts.enums import ContractKind, ExitReason
from tremplin.contracts.models import Exit
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import ApprovalFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.reference.models import AnnualReferenceHours
from tremplin.worktime import figures, rules, selectors
from tremplin.worktime.enums import ABSENCE_KINDS, PAID_KINDS, EntryKind
from tremplin.worktime.models import MonthValidation, TimesheetEntry
from tremplin.worktime.tests.factories import SuspensionFactory, TimesheetEntryFactory

H = Decimal
MARCH = date(2026, 3, 1)


def lines(contract, *items):
    for day, kind, hours in items:
        TimesheetEntryFactory(contract=contract, day=day, kind=kind, hours=H(hours))


@pytest.fixture
def march(structure):
    """Three people under contract in March 2026, one leaving on the 20th, and noise around."""
    lea = ContractFactory(
        person=PersonFactory(structure=structure, first_name="Léa", last_name="Morel"),
        start=date(2026, 3, 2),
        initial_end=date(2026, 8, 31),
        initial_weekly_hours=H(35),
    )
    ApprovalFactory(person=lea.person, number="999992612345", start=date(2025, 4, 1))
    lines(
        lea,
        (date(2026, 3, 2), EntryKind.WORKED, "7"),
        (date(2026, 3, 3), EntryKind.WORKED, "7"),
        (date(2026, 3, 4), EntryKind.WORKED, "6.5"),
        (date(2026, 3, 4), EntryKind.TRAINING, "0.5"),
        (date(2026, 3, 5), EntryKind.PAID_LEAVE, "7"),
        (date(2026, 3, 6), EntryKind.SICK_LEAVE, "7"),
        (date(2026, 3, 9), EntryKind.SICK_LEAVE, "7"),
        (date(2026, 3, 10), EntryKind.PMSMP, "7"),
    )
    marc = ContractFactory(
        person=PersonFactory(structure=structure, first_name="Marc", last_name="Aubert"),
        start=date(2026, 1, 5),
        initial_end=date(2026, 3, 20),
        initial_weekly_hours=H(26),
    )
    Exit.objects.create(
        contract=marc,
        person=marc.person,
        exit_date=date(2026, 3, 20),
        reason=ExitReason.CDI,
        created_by=marc.created_by,
    )
    lines(
        marc,
        (date(2026, 2, 27), EntryKind.WORKED, "5.2"),  # February: not in March
        (date(2026, 3, 2), EntryKind.WORKED, "5.2"),
        (date(2026, 3, 3), EntryKind.UNJUSTIFIED_ABSENCE, "5.2"),
        (date(2026, 3, 20), EntryKind.WORKED, "5.2"),
        (date(2026, 3, 23), EntryKind.WORKED, "5.2"),  # after the end of the contract: not counted
    )
    nora = ContractFactory(  # hired on the 30th, nothing recorded yet
        person=PersonFactory(structure=structure, first_name="Nora", last_name="Petit"), start=date(2026, 3, 30)
    )
    ContractFactory(  # ended in February: not in the statement
        person=PersonFactory(structure=structure, last_name="Ancien"),
        start=date(2025, 9, 1),
        initial_end=date(2026, 2, 27),
    )
    elsewhere = ContractFactory(person=PersonFactory(structure=StructureFactory()), start=date(2026, 3, 2))
    lines(elsewhere, (date(2026, 3, 2), EntryKind.WORKED, "7"))
    return {"lea": lea, "marc": marc, "nora": nora}


def test_month_statement(structure, march):
    rows = selectors.month_statement(structure, MARCH)
    assert [row.person.last_name if row.person else "total" for row in rows] == ["Aubert", "Morel", "Petit", "total"]
    aubert, morel, petit, total = rows

    assert (morel.pass_number, morel.hours_worked, morel.hours_paid) == ("999992612345", H("20.5"), H(35))
    # paid = worked 20.5 + training 0.5 + paid leave 7 + PMSMP 7 = 35; sick leave 14 is not paid
    assert morel.absences == {
        EntryKind.PAID_LEAVE: H(7),
        EntryKind.PUBLIC_HOLIDAY: H(0),
        EntryKind.TRAINING: H("0.5"),
        EntryKind.PMSMP: H(7),
        EntryKind.SICK_LEAVE: H(14),
        EntryKind.WORK_ACCIDENT: H(0),
        EntryKind.AUTHORISED_ABSENCE: H(0),
        EntryKind.UNJUSTIFIED_ABSENCE: H(0),
        EntryKind.SUSPENSION: H(0),
    }
    assert morel.hours_unpaid == H(14)
    assert (morel.exit_date, morel.exit_reason) == (None, "")

    assert (aubert.pass_number, aubert.hours_worked, aubert.hours_paid) == ("", H("10.4"), H("10.4"))
    assert aubert.absences[EntryKind.UNJUSTIFIED_ABSENCE] == H("5.2")
    assert (aubert.exit_date, aubert.exit_reason, aubert.exit_category) == (date(2026, 3, 20), "CDI", "Emploi durable")

    assert (petit.hours_worked, petit.hours_paid, sum(petit.absences.values())) == (0, 0, 0)

    assert total.is_total and total.person is None
    assert (total.hours_worked, total.hours_paid) == (H("30.9"), H("45.4"))


def test_month_statement_adds_up_to_the_lines_under_contract(structure, march):
    *rows, total = selectors.month_statement(structure, MARCH)
    counted = TimesheetEntry.objects.filter(structure=structure, day__month=3).exclude(day=date(2026, 3, 23))
    by_kind = dict(counted.values("kind").annotate(total=Sum("hours")).values_list("kind", "total"))
    assert total.hours_worked == by_kind[EntryKind.WORKED] == sum(row.hours_worked for row in rows)
    for kind in ABSENCE_KINDS:
        assert total.absences[kind] == by_kind.get(kind, 0)
    assert total.hours_paid == sum(by_kind.get(kind, 0) for kind in PAID_KINDS)
    assert total.hours_paid == figures.hours_paid(structure, MARCH, date(2026, 3, 31))


def test_statement_query_count_does_not_grow_with_people(structure, march, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        selectors.month_statement(structure, MARCH)


def test_hours_paid_counts_paid_kinds_within_the_period(structure, march):
    assert figures.hours_paid(structure, date(2026, 3, 2), date(2026, 3, 2)) == H("12.2")
    assert figures.hours_paid(structure, date(2026, 2, 1), date(2026, 2, 28)) == H("5.2")
    assert figures.hours_paid(structure, date(2026, 3, 6), date(2026, 3, 9)) == 0  # sick leave only


def test_payroll_rows(structure, march):
    rows = {row.person.last_name: row for row in selectors.payroll_rows(structure, MARCH)}
    morel = rows["Morel"]
    assert (morel.month, morel.hours_paid, morel.days_worked) == (MARCH, H(35), 3)
    assert morel.hours_by_kind[EntryKind.SICK_LEAVE] == H(14)
    assert morel.absences == [
        rules.AbsencePeriod(EntryKind.TRAINING, date(2026, 3, 4), date(2026, 3, 4), H("0.5")),
        rules.AbsencePeriod(EntryKind.PAID_LEAVE, date(2026, 3, 5), date(2026, 3, 5), H(7)),
        rules.AbsencePeriod(EntryKind.SICK_LEAVE, date(2026, 3, 6), date(2026, 3, 9), H(14)),
        rules.AbsencePeriod(EntryKind.PMSMP, date(2026, 3, 10), date(2026, 3, 10), H(7)),
    ]
    assert rows["Petit"].hours_paid == 0


# ETP réalisés


def test_reference_hours_are_shipped(db):
    assert AnnualReferenceHours.objects.get().hours == 1820


def test_etp_of_a_calendar_year_with_1820_paid_hours_is_exactly_one(structure):
    contract = ContractFactory(
        person=PersonFactory(structure=structure), start=date(2026, 1, 1), initial_end=date(2026, 12, 31)
    )
    day, days = date(2026, 1, 1), []
    while len(days) < 182:  # 182 weekdays at 10 h = 1 820 h
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    lines(contract, *[(d, EntryKind.WORKED, "10") for d in days])
    lines(contract, (date(2026, 12, 1), EntryKind.SICK_LEAVE, "7"))  # not paid
    etp = figures.etp_realised(structure, date(2026, 1, 1), date(2026, 12, 31))
    assert etp == Decimal("1.00")
    assert figures.hours_paid(structure, date(2026, 1, 1), date(2026, 12, 31)) == 1820


def test_etp_of_a_partial_period_across_a_leap_year(structure):
    # P = 1 December 2023 to 31 January 2024, at 1 820 h a year; 300 paid hours.
    # Full-time hours of P = 31 days x 1820 / 365 (2023) + 31 days x 1820 / 366 (2024)
    #                      = 154.5753... + 154.1530... = 308.7283...
    # ETP = 300 / 308.7283... = 0.97172806...
    contract = ContractFactory(
        person=PersonFactory(structure=structure), start=date(2023, 11, 1), initial_end=date(2024, 6, 30)
    )
    lines(contract, *[(date(2023, 12, d), EntryKind.WORKED, "10") for d in range(1, 16)])  # 150 h
    lines(contract, *[(date(2024, 1, d), EntryKind.PAID_LEAVE, "10") for d in range(10, 25)])  # 150 h
    lines(
        contract, (date(2023, 11, 30), EntryKind.WORKED, "10"), (date(2024, 2, 1), EntryKind.WORKED, "10")
    )  # not in P
    etp = figures.etp_realised(structure, date(2023, 12, 1), date(2024, 1, 31))
    expected = Fraction(300) / (Fraction(31 * 1820, 365) + Fraction(31 * 1820, 366))
    assert etp == Decimal(expected.numerator) / Decimal(expected.denominator)
    assert etp.quantize(Decimal("0.00000001")) == Decimal("0.97172806")


def test_etp_uses_the_reference_hours_in_force_each_day(structure):
    AnnualReferenceHours.objects.create(valid_from=date(2026, 7, 1), hours=H(1600), source="Valeur fictive de test")
    contract = ContractFactory(person=PersonFactory(structure=structure), start=date(2026, 6, 1))
    lines(contract, (date(2026, 6, 30), EntryKind.WORKED, "10"), (date(2026, 7, 1), EntryKind.WORKED, "10"))
    # 30 June 2026 at 1 820 / 365 and 1 July at 1 600 / 365: 20 h / (3 420 / 365) = 7 300 / 3 420
    etp = figures.etp_realised(structure, date(2026, 6, 30), date(2026, 7, 1))
    assert etp == Decimal(7300) / Decimal(3420)


def test_etp_without_reference_hours_is_refused(structure):
    with pytest.raises(rules.MissingReferenceHours, match="31/12/2013"):
        figures.etp_realised(structure, date(2013, 12, 31), date(2014, 1, 31))


def test_etp_by_month(structure, march):
    months = figures.etp_by_month(structure, 2026)
    assert [m.month for m in months] == rules.months_of_year(2026)
    assert months[1].hours_paid == H("5.2") and months[2].hours_paid == H("45.4")
    # March: 45.4 h / (1 820 x 31 / 365) = 45.4 x 365 / 56 420
    assert months[2].etp == Decimal("16571") / Decimal("56420")
    assert months[2].etp == figures.etp_realised(structure, MARCH, date(2026, 3, 31))
    assert months[0].etp == 0 and months[11].etp == 0


def test_hours_worked_in_year(march):
    assert figures.hours_worked_in_year(march["marc"].person, 2026) == H("20.8")


# The week of a team


def test_week_sheet(structure, march, django_assert_num_queries):
    lea = march["lea"]
    SuspensionFactory(contract=lea, start=date(2026, 4, 2), end=date(2026, 4, 2))
    MonthValidation.objects.create(structure=structure, month=MARCH, validated_by=lea.created_by)
    TimesheetEntryFactory(contract=lea, day=date(2026, 3, 30), hours=H(7))
    contracts = selectors.contracts_of_week(structure, date(2026, 3, 30))
    with django_assert_num_queries(6):
        rows = selectors.week_sheet(contracts, date(2026, 3, 30))
    assert [row.contract.person.last_name for row in rows] == ["Morel", "Petit"]
    monday, tuesday, wednesday, thursday, friday, saturday, sunday = rows[0].days
    assert (monday.locked, [e.hours for e in monday.entries], monday.planned.hours) == (True, [H(7)], H(7))
    assert (tuesday.locked, tuesday.entries) == (True, [])
    assert (wednesday.locked, thursday.suspended, thursday.planned) == (False, True, None)
    assert (friday.public_holiday, friday.planned.hours) == ("", H(7))
    assert saturday.planned is None
    assert rows[1].days[0].planned.hours == H("5.2")  # 26 h / 5


def test_week_sheet_of_one_support(structure, support, march):
    march["nora"].production_support = support
    march["nora"].save()
    assert [c.person.last_name for c in selectors.contracts_of_week(structure, date(2026, 3, 30), support)] == ["Petit"]


def test_missing_days(structure, march):
    missing = selectors.missing_days(structure, MARCH)
    morel = [day for contract, day in missing if contract == march["lea"]]
    # 2-31 March: 22 weekdays, 7 of them recorded (2, 3, 4, 5, 6, 9, 10)
    assert len(morel) == 15 and morel[0] == date(2026, 3, 11)
    assert [day for contract, day in missing if contract == march["nora"]] == [date(2026, 3, 30), date(2026, 3, 31)]


def test_cdi_inclusion_is_covered_without_end(structure):
    contract = ContractFactory(
        person=PersonFactory(structure=structure),
        kind=ContractKind.CDI_INCLUSION,
        start=date(2020, 1, 6),
        initial_end=None,
    )
    lines(contract, (date(2026, 3, 2), EntryKind.WORKED, "7"))
    assert figures.hours_paid(structure, MARCH, date(2026, 3, 31)) == 7


def test_sums_of_hours_are_exact_on_both_databases(structure, django_user_model):
    """SQLite adds decimals as floats: 1 500 lines of 5,20 h must still give exactly 7 800 h."""
    from datetime import timedelta

    from tremplin.contracts.tests.factories import ContractFactory
    from tremplin.worktime.figures import hours_paid
    from tremplin.worktime.models import TimesheetEntry

    actor = django_user_model.objects.create_user(email="rh@example.org", password="x")
    lines = []
    for index in range(5):
        contract = ContractFactory(
            person__structure=structure, start=date(2025, 1, 1), initial_end=date(2025, 12, 31), job_label=str(index)
        )
        for offset in range(300):
            lines.append(
                TimesheetEntry(
                    contract=contract,
                    person=contract.person,
                    structure=structure,
                    day=date(2025, 1, 1) + timedelta(days=offset),
                    hours=Decimal("5.20"),
                    created_by=actor,
                )  # fmt: skip
            )
    TimesheetEntry.objects.bulk_create(lines)
    total = hours_paid(structure, date(2025, 1, 1), date(2025, 12, 31))
    assert total == Decimal(7800)
    assert str(total.normalize()) == "7.8E+3"
