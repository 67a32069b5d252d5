"""The paid hours and the ETP réalisés of working time (domain.md section 12): the lines inside
their contract, the hours paid per ACI and month, `PaidEtp` read once per page and shared by the
indicators, the aide au poste (funding) and the charts, the hours worked of the counted exits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import DecimalField, F, Max, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear, Round, TruncMonth

from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.reference.selectors import annual_reference_hours_table

from . import rules
from .enums import PAID_KINDS, EntryKind
from .models import TimesheetEntry

ZERO = Decimal(0)


def sum_hours(field: str = "hours"):
    """Sum of hours (2 decimals each), exact on both databases: SQLite adds them as floats
    (14368.0000000005); rounding the sum to the cent gives the exact total back."""
    return Round(Sum(field), 2, output_field=DecimalField(max_digits=12, decimal_places=2))


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") else value


# A timesheet line that lies inside its contract (start .. effective end).
INSIDE_CONTRACT = Q(day__gte=F("contract__start")) & (
    Q(contract__ended_on__isnull=False, day__lte=F("contract__ended_on"))
    | Q(contract__ended_on__isnull=True, contract__end__isnull=True)
    | Q(contract__ended_on__isnull=True, day__lte=F("contract__end"))
)


def entries_under_contract(structure: Structure, start: date, end: date) -> QuerySet[TimesheetEntry]:
    """The lines of [start, end] that lie inside their contract (a line left after an early end of
    the contract is not counted)."""
    return TimesheetEntry.objects.filter(structure=structure, day__range=(start, end)).filter(INSIDE_CONTRACT)


def hours_paid(structure: Structure, start: date, end: date) -> Decimal:
    """Hours in [start, end] of kind worked, paid leave, public holiday, training or PMSMP inside
    the contract (domain.md section 12)."""
    total = entries_under_contract(structure, start, end).filter(kind__in=PAID_KINDS).aggregate(total=sum_hours())
    return total["total"] or ZERO


@dataclass(frozen=True)
class MonthEtp:
    month: date  # first day
    hours_paid: Decimal
    etp: Decimal


@dataclass(frozen=True)
class PaidEtp:
    """The paid hours and ETP réalisés of some ACI over [start, end] (domain.md section 12), per
    ACI and per part of calendar month: every figure that divides hours by a full time reads it,
    so the hours are queried once per page. Exact (Fractions); round for display."""

    start: date
    end: date
    paid: dict[tuple[int, date], Decimal]  # (ACI id, first day of the month) -> hours paid
    parts: list[tuple[date, date, date, Fraction]]  # (month, part start, part end, full-time hours)

    @property
    def full_time(self) -> Fraction:
        return sum((full_time for *_, full_time in self.parts), Fraction(0))

    @property
    def hours_paid(self) -> Decimal:
        return sum(self.paid.values(), ZERO)

    @property
    def etp_realised(self) -> Decimal:
        return rules.etp(self.hours_paid, self.full_time)

    def realised_in(self, structure_id: int, month: date, full_time: Fraction) -> Fraction:
        """The ETP réalisés of one ACI in the part of `month` whose full-time hours are `full_time`."""
        return rules.etp_exact(self.paid.get((structure_id, month), ZERO), full_time)

    def by_month(self) -> list[MonthEtp]:
        """Each part of month with the hours and ETP réalisés of all the ACI together."""
        by_month: dict[date, Decimal] = defaultdict(lambda: ZERO)
        for (_, month), total in self.paid.items():
            by_month[month] += total
        return [
            MonthEtp(month, by_month[month], rules.etp(by_month[month], full_time))
            for month, *_, full_time in self.parts
        ]


def paid_etp(structure_ids: Iterable[int], start: date, end: date) -> PaidEtp:
    """One query for the hours and one for the reference table, for any number of ACI. Raises
    rules.MissingReferenceHours when a day of [start, end] has no annual reference hours."""
    if end < start:
        raise ValueError("La fin de la période précède son début.")
    table = annual_reference_hours_table()
    parts = [
        (month, part_start, part_end, rules.full_time_hours(part_start, part_end, table))
        for month, part_start, part_end in rules.month_parts(start, end)
    ]
    return PaidEtp(start, end, paid_hours_by_structure_and_month(structure_ids, start, end), parts)


def etp_realised(structure: Structure, start: date, end: date) -> Decimal:
    """hours_paid / the sum over the days of [start, end] of (annual reference hours in force that
    day / number of days of that day's year) (domain.md section 12). Unrounded: round for display.
    Raises rules.MissingReferenceHours when a day has no reference hours."""
    return paid_etp([structure.pk], start, end).etp_realised


def paid_hours_by_structure_and_month(
    structure_ids: Iterable[int], start: date, end: date
) -> dict[tuple[int, date], Decimal]:
    """(ACI id, first day of the month) -> paid hours of the part of that month in [start, end],
    inside the contracts; one query for any number of ACI."""
    rows = (
        TimesheetEntry.objects.filter(structure_id__in=list(structure_ids), day__range=(start, end))
        .filter(INSIDE_CONTRACT, kind__in=PAID_KINDS)
        .annotate(month=TruncMonth("day"))
        .values("structure_id", "month")
        .annotate(total=sum_hours())
        .values_list("structure_id", "month", "total")
    )
    return {(structure_id, _as_date(month)): total for structure_id, month, total in rows}


def paid_hours_by_month(structure: Structure, start: date, end: date) -> dict[date, Decimal]:
    """Paid hours of [start, end] per calendar month (first day -> hours), one query."""
    by_month = paid_hours_by_structure_and_month([structure.pk], start, end)
    return {month: total for (_, month), total in by_month.items()}


def last_day_filled(structure: Structure, start: date, end: date) -> date | None:
    """The last day of [start, end] with a timesheet line inside a contract of the ACI."""
    return entries_under_contract(structure, start, end).aggregate(last=Max("day"))["last"]


def etp_by_month(structure: Structure, year: int) -> list[MonthEtp]:
    """The 12 calendar months of `year`, each with its paid hours and ETP réalisés (for a chart)."""
    return paid_etp([structure.pk], date(year, 1, 1), date(year, 12, 31)).by_month()


def hours_worked_by_person_and_year(person_ids: Iterable[int], years: Iterable[int]) -> dict[tuple[int, int], Decimal]:
    """(person id, year) -> hours of kind "worked" in that calendar year (for the counted exits,
    domain.md section 12); one query for any number of people."""
    rows = (
        TimesheetEntry.objects.filter(person_id__in=list(person_ids), kind=EntryKind.WORKED, day__year__in=list(years))
        .annotate(year=ExtractYear("day"))
        .values("person_id", "year")
        .annotate(total=sum_hours())
        .values_list("person_id", "year", "total")
    )
    return {(person_id, year): total for person_id, year, total in rows}


def hours_worked_in_year(person: Person, year: int) -> Decimal:
    return hours_worked_by_person_and_year([person.pk], [year]).get((person.pk, year), ZERO)
