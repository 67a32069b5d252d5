"""Reads on working time: the planned hours of a day, the week sheet of a team, the monthly
statement (EMI) and the payroll rows, the summary of a worksite. The paid hours and the ETP
réalisés are in figures.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max, Q, QuerySet
from django.db.models.functions import TruncMonth

from tremplin.contracts.enums import AmendmentKind
from tremplin.contracts.models import Contract, Exit
from tremplin.eligibility.models import Approval
from tremplin.kernel.dates import Period
from tremplin.organisations.models import ProductionSupport, Structure
from tremplin.people.models import Person

from . import rules
from .enums import ABSENCE_KINDS, PAID_KINDS, EntryKind
from .figures import ZERO, _as_date, entries_under_contract, sum_hours
from .models import MonthValidation, TimesheetEntry

# The contract on a day


def weekly_hours_on(contract: Contract, day: date) -> Decimal:
    """The weekly hours in force on `day`: those of the latest change of hours that took effect
    by then, else the initial ones (contract.weekly_hours is the latest, even when it takes
    effect later). Reads contract.amendments (prefetch it for lists)."""
    changes = [a for a in contract.amendments.all() if a.kind == AmendmentKind.HOURS and a.effective_date <= day]
    if not changes:
        return contract.initial_weekly_hours
    return max(changes, key=lambda a: (a.effective_date, a.pk)).new_weekly_hours


def suspension_periods(contract: Contract) -> list[Period]:
    """Reads contract.suspensions (prefetch it for lists)."""
    return [Period(s.start, s.end) for s in contract.suspensions.all()]


def contract_covers(contract: Contract, day: date) -> bool:
    return rules.check_day_in_contract(day=day, start=contract.start, last=contract.effective_end) is None


@dataclass(frozen=True)
class PlannedHours:
    hours: Decimal
    production_support: ProductionSupport | None


def planned_hours(contract: Contract, day: date) -> PlannedHours | None:
    """What the planning says for `day`: the contract's planned day for that weekday when it has a
    planning, else weekly hours / 5 from Monday to Friday on the contract's atelier or chantier.
    None when nothing is planned that weekday. Reads contract.planned_days (prefetch it)."""
    planning = list(contract.planned_days.all())
    if planning:
        planned = next((p for p in planning if p.weekday == day.weekday()), None)
        if planned is None or planned.hours == 0:
            return None
        return PlannedHours(planned.hours, planned.production_support)
    if day.weekday() not in rules.PLANNED_WEEKDAYS:
        return None
    return PlannedHours(rules.planned_daily_hours(weekly_hours_on(contract, day)), contract.production_support)


@dataclass(frozen=True)
class PlannedEntry:
    """The line that "confirm as planned" records for a day."""

    kind: str
    hours: Decimal
    production_support: ProductionSupport | None
    comment: str


def planned_entry(contract: Contract, day: date, suspensions: Iterable[Period]) -> PlannedEntry | None:
    """What a planned day of the contract records: its planned hours, worked, or "public holiday"
    on a public holiday of the ACI's département (named in the comment). None when nothing is
    planned, the day is outside the contract or the contract is suspended."""
    planned = planned_hours(contract, day)
    if planned is None or not contract_covers(contract, day) or rules.suspension_on(day, suspensions) is not None:
        return None
    holiday = rules.public_holiday_name(contract.structure.department, day)
    kind = EntryKind.PUBLIC_HOLIDAY if holiday else EntryKind.WORKED
    return PlannedEntry(kind, planned.hours, planned.production_support, holiday or "")


def planning_total(contract: Contract) -> Decimal:
    return sum((p.hours for p in contract.planned_days.all()), ZERO)


def planning_warning(contract: Contract, *, today: date) -> str | None:
    """A warning when the weekly planning does not add up to the contract's weekly hours."""
    planning = list(contract.planned_days.all())
    weekly = weekly_hours_on(contract, max(today, contract.start))
    total = planning_total(contract)
    if planning and total != weekly:
        return rules.PLANNING_DIFFERS.format(total=rules.hours_fr(total), weekly=rules.hours_fr(weekly))
    return None


def month_is_validated(structure: Structure | int, day: date) -> bool:
    structure_id = getattr(structure, "pk", structure)
    return MonthValidation.objects.filter(structure_id=structure_id, month=rules.month_start(day)).exists()


def week_expectation(
    contract: Contract, monday: date, lines: Iterable[TimesheetEntry] | None = None
) -> tuple[Decimal, Decimal, bool]:
    """(hours recorded, hours expected, every planned day has a line) for the contract's ISO week
    starting on `monday`. Expected: the planned hours of the days under contract and not
    suspended; recorded: every line but "suspension" (absences carry the planned hours)."""
    suspensions = suspension_periods(contract)
    planned_days = {}
    for day in rules.week_days(monday):
        planned = planned_hours(contract, day)
        if planned and contract_covers(contract, day) and rules.suspension_on(day, suspensions) is None:
            planned_days[day] = planned.hours
    if lines is None:
        lines = TimesheetEntry.objects.filter(contract=contract, day__range=(monday, monday + 6 * rules.ONE_DAY))
    total, days_with_lines = ZERO, set()
    for line in lines:
        if line.kind == EntryKind.SUSPENSION:
            continue
        total += line.hours
        days_with_lines.add(line.day)
    complete = all(day in days_with_lines for day in planned_days)
    return total, sum(planned_days.values(), ZERO), complete


def week_warnings(contract: Contract, monday: date, lines: Iterable[TimesheetEntry] | None = None) -> list[str]:
    """The warnings of the contract's week (see rules.week_warning); `lines`: the week's lines of
    the contract when the caller has them already."""
    total, expected, complete = week_expectation(contract, monday, lines)
    warning = rules.week_warning(
        monday=monday,
        total=total,
        expected=expected,
        weekly_hours=weekly_hours_on(contract, max(monday, contract.start)),
        complete=complete,
    )
    return [warning] if warning else []


# Contracts and lines of a structure over a period


def contracts_covering(structure: Structure, start: date, end: date) -> QuerySet[Contract]:
    """Contracts of the structure that cover at least one day of [start, end] (suspended days
    included: domain.md section 12, "under contract")."""
    return Contract.objects.filter(structure=structure, start__lte=end).filter(
        Q(ended_on__gte=start) | Q(ended_on__isnull=True, end__gte=start) | Q(ended_on__isnull=True, end__isnull=True)
    )


# Monthly statement (EMI) and payroll


@dataclass(frozen=True)
class StatementRow:
    """One employee's line of the monthly statement, or the total line (person None)."""

    person: Person | None
    pass_number: str
    hours_worked: Decimal
    hours_paid: Decimal
    absences: dict[str, Decimal]  # hours by kind, every kind of ABSENCE_KINDS in column order
    exit_date: date | None = None
    exit_reason: str = ""  # French label
    exit_category: str = ""  # French label of the DGEFP category
    is_total: bool = False

    @property
    def hours_unpaid(self) -> Decimal:
        return sum((hours for kind, hours in self.absences.items() if kind not in PAID_KINDS), ZERO)


def _hours_by_person_and_kind(structure: Structure, start: date, end: date) -> dict[int, dict[str, Decimal]]:
    totals: dict[int, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(EntryKind, ZERO))
    rows = (
        entries_under_contract(structure, start, end)
        .values("person_id", "kind")
        .annotate(total=sum_hours())
        .values_list("person_id", "kind", "total")
    )
    for person_id, kind, total in rows:
        totals[person_id][kind] += total
    return totals


def _people_of_month(structure: Structure, first: date, last: date) -> list[Person]:
    ids = contracts_covering(structure, first, last).values("person_id")
    return list(Person.objects.filter(pk__in=ids).order_by("last_name", "first_name", "pk"))


def _pass_numbers(people: Iterable[Person], first: date, last: date) -> dict[int, str]:
    """The PASS IAE of each person that covers at least one day of the month (the latest one)."""
    numbers: dict[int, tuple[date, str]] = {}
    approvals = Approval.objects.filter(person__in=list(people), start__lte=last).prefetch_related(
        "prolongations", "suspensions"
    )
    for approval in approvals:
        if approval.effective_end >= first:
            current = numbers.get(approval.person_id)
            if current is None or approval.start > current[0]:
                numbers[approval.person_id] = (approval.start, approval.number)
    return {person_id: number for person_id, (_, number) in numbers.items()}


def month_statement(structure: Structure, month: date) -> list[StatementRow]:
    """The monthly statement of an ACI (EMI of the ASP Extranet): one row per person under
    contract at least one day of the month, ordered by name, then a total row (is_total)."""
    first, last = rules.month_start(month), rules.month_end(month)
    people = _people_of_month(structure, first, last)
    hours = _hours_by_person_and_kind(structure, first, last)
    passes = _pass_numbers(people, first, last)
    exits = {
        e.person_id: e
        for e in Exit.objects.filter(contract__structure=structure, exit_date__range=(first, last)).order_by(
            "exit_date"
        )
    }
    rows = []
    for person in people:
        by_kind = hours[person.pk] if person.pk in hours else dict.fromkeys(EntryKind, ZERO)
        exit_ = exits.get(person.pk)
        rows.append(
            StatementRow(
                person=person,
                pass_number=passes.get(person.pk, ""),
                hours_worked=by_kind[EntryKind.WORKED],
                hours_paid=sum((by_kind[kind] for kind in PAID_KINDS), ZERO),
                absences={kind: by_kind[kind] for kind in ABSENCE_KINDS},
                exit_date=exit_.exit_date if exit_ else None,
                exit_reason=exit_.get_reason_display() if exit_ else "",
                exit_category=exit_.category.label if exit_ else "",
            )
        )
    rows.append(
        StatementRow(
            person=None,
            pass_number="",
            hours_worked=sum((row.hours_worked for row in rows), ZERO),
            hours_paid=sum((row.hours_paid for row in rows), ZERO),
            absences={kind: sum((row.absences[kind] for row in rows), ZERO) for kind in ABSENCE_KINDS},
            is_total=True,
        )
    )
    return rows


@dataclass(frozen=True)
class PayrollRow:
    """Hours and absences of one employee in one month, for the payroll software."""

    person: Person
    month: date
    hours_by_kind: dict[str, Decimal]  # every EntryKind, in declaration order
    hours_paid: Decimal
    days_worked: int  # days with hours worked
    absences: list[rules.AbsencePeriod] = field(default_factory=list)


def payroll_rows(structure: Structure, month: date) -> list[PayrollRow]:
    first, last = rules.month_start(month), rules.month_end(month)
    people = _people_of_month(structure, first, last)
    lines: dict[int, list[tuple[date, str, Decimal]]] = defaultdict(list)
    for person_id, day, kind, hours in entries_under_contract(structure, first, last).values_list(
        "person_id", "day", "kind", "hours"
    ):
        lines[person_id].append((day, kind, hours))
    rows = []
    for person in people:
        person_lines = lines.get(person.pk, [])
        by_kind = dict.fromkeys(EntryKind, ZERO)
        for _, kind, hours in person_lines:
            by_kind[kind] += hours
        rows.append(
            PayrollRow(
                person=person,
                month=first,
                hours_by_kind=by_kind,
                hours_paid=sum((by_kind[kind] for kind in PAID_KINDS), ZERO),
                days_worked=len({day for day, kind, hours in person_lines if kind == EntryKind.WORKED and hours > 0}),
                absences=rules.absence_periods(person_lines),
            )
        )
    return rows


# The week sheet of a team (the supervisor's screen)


@dataclass(frozen=True)
class SheetDay:
    day: date
    planned: PlannedHours | None  # None: nothing planned, or outside the contract, or suspended
    public_holiday: str  # its name, or ""
    in_contract: bool
    suspended: bool
    locked: bool  # the month is validated
    entries: list[TimesheetEntry]


@dataclass(frozen=True)
class SheetRow:
    contract: Contract
    days: list[SheetDay]
    warnings: list[str]


def contracts_of_week(
    structure: Structure, monday: date, production_support: ProductionSupport | None = None
) -> QuerySet[Contract]:
    """The contracts of the structure (of one atelier or chantier: planned there, or attached to it)
    that cover a day of the week, ready for week_sheet."""
    contracts = contracts_covering(structure, monday, monday + 6 * rules.ONE_DAY)
    if production_support is not None:
        contracts = contracts.filter(
            Q(production_support=production_support) | Q(planned_days__production_support=production_support)
        ).distinct()
    return (
        contracts.select_related("person", "structure", "production_support")
        .prefetch_related("amendments", "suspensions", "planned_days__production_support")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def week_sheet(contracts: Iterable[Contract], monday: date) -> list[SheetRow]:
    """Per contract and day of the ISO week: the planned hours, the public holiday, whether the
    day is under contract, suspended or locked, and the lines recorded."""
    contracts = list(contracts)
    sunday = monday + 6 * rules.ONE_DAY
    entries: dict[tuple[int, date], list[TimesheetEntry]] = defaultdict(list)
    for entry in TimesheetEntry.objects.filter(contract__in=contracts, day__range=(monday, sunday)).select_related(
        "production_support"
    ):
        entries[(entry.contract_id, entry.day)].append(entry)
    structure_ids = {c.structure_id for c in contracts}
    locked_months = set(
        MonthValidation.objects.filter(
            structure_id__in=structure_ids, month__in={rules.month_start(monday), rules.month_start(sunday)}
        ).values_list("structure_id", "month")
    )
    rows = []
    for contract in contracts:
        suspensions = suspension_periods(contract)
        days = []
        for day in rules.week_days(monday):
            in_contract = contract_covers(contract, day)
            suspended = rules.suspension_on(day, suspensions) is not None
            days.append(
                SheetDay(
                    day=day,
                    planned=planned_hours(contract, day) if in_contract and not suspended else None,
                    public_holiday=rules.public_holiday_name(contract.structure.department, day) or "",
                    in_contract=in_contract,
                    suspended=suspended,
                    locked=(contract.structure_id, rules.month_start(day)) in locked_months,
                    entries=entries.get((contract.pk, day), []),
                )
            )
        lines = [entry for sheet_day in days for entry in sheet_day.entries]
        rows.append(SheetRow(contract=contract, days=days, warnings=week_warnings(contract, monday, lines)))
    return rows


def missing_days(structure: Structure, month: date) -> list[tuple[Contract, date]]:
    """Planned days of the month under contract and not suspended that have no line yet: what to
    fill before validating the month."""
    first, last = rules.month_start(month), rules.month_end(month)
    contracts = (
        contracts_covering(structure, first, last)
        .select_related("person")
        .prefetch_related("amendments", "suspensions", "planned_days__production_support")
    )
    recorded = set(
        TimesheetEntry.objects.filter(structure=structure, day__range=(first, last)).values_list("contract_id", "day")
    )
    missing = []
    for contract in contracts:
        suspensions = suspension_periods(contract)
        day = max(first, contract.start)
        end = min(last, contract.effective_end or last)
        while day <= end:
            if (
                (contract.pk, day) not in recorded
                and rules.suspension_on(day, suspensions) is None
                and planned_hours(contract, day) is not None
            ):
                missing.append((contract, day))
            day += rules.ONE_DAY
    return missing


@dataclass(frozen=True)
class SupportMonth:
    month: date
    hours_worked: Decimal
    people: int


def support_months(support: ProductionSupport, year: int) -> list[SupportMonth]:
    """Hours worked on an atelier or chantier per month of a year, and how many people worked
    there (one query)."""
    from django.db.models import Count

    rows = (
        TimesheetEntry.objects.filter(production_support=support, day__year=year, kind=EntryKind.WORKED)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(hours=sum_hours(), people=Count("person", distinct=True))
        .order_by("month")
    )
    found = {row["month"]: row for row in rows}
    return [
        SupportMonth(month, found[month]["hours"], found[month]["people"])
        if month in found
        else SupportMonth(month, ZERO, 0)
        for month in rules.months_of_year(year)
    ]


@dataclass(frozen=True)
class SupportSummary:
    """What the client of a chantier reads: hours worked per month over its whole life, how many
    people took part (no names: the client does not need them)."""

    months: list[SupportMonth]
    hours_worked: Decimal
    people: int
    first_day: date | None
    last_day: date | None


def support_summary(support: ProductionSupport) -> SupportSummary:
    from django.db.models import Count, Min

    worked = TimesheetEntry.objects.filter(production_support=support, kind=EntryKind.WORKED)
    rows = (
        worked.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(hours=sum_hours(), people=Count("person", distinct=True))
        .order_by("month")
    )
    months = [SupportMonth(_as_date(row["month"]), row["hours"], row["people"]) for row in rows]
    totals = worked.aggregate(
        people=Count("person", distinct=True), first=Min("day"), last=Max("day"), hours=sum_hours()
    )
    return SupportSummary(months, totals["hours"] or ZERO, totals["people"], totals["first"], totals["last"])


def month_corrections(structure: Structure, month: date):
    """The corrections recorded on a validated month of an ACI, latest first."""
    from .models import TimesheetCorrection

    return (
        TimesheetCorrection.objects.filter(contract__structure=structure, day__range=(month, rules.month_end(month)))
        .select_related("contract__person", "created_by")
        .order_by("-created_at")
    )
