"""Writes on working time: the timesheet lines, the confirmation of a week as planned, the
validation of a month and the corrections after it, the weekly planning. Every rule is checked
here (rules.py); a refused operation raises a ValidationError naming the rule in French."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.audit.services import audit_created
from tremplin.contracts.models import Contract
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr, hours_fr
from tremplin.organisations.models import ProductionSupport, Structure
from tremplin.people.models import Person

from . import figures, rules, selectors
from .enums import PAID_KINDS, EntryKind
from .models import MonthValidation, PlannedDay, TimesheetCorrection, TimesheetEntry

ZERO = Decimal(0)
KIND_UNKNOWN = "Choisissez le type d'heures ou d'absence."


@dataclass(frozen=True)
class RecordResult:
    """The line recorded, and the warnings (French) that do not prevent it."""

    entry: TimesheetEntry
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WeekConfirmation:
    created: list[TimesheetEntry]
    warnings: list[str] = field(default_factory=list)


def _lock(contract: Contract) -> Contract:
    """The contract, fresh, with its suspensions, amendments and planning; its person's row is
    locked so that the daily and weekly totals of one person are checked one write at a time."""
    Person.objects.select_for_update().filter(pk=contract.person_id).first()
    return (
        Contract.objects.select_related("structure", "person", "production_support")
        .prefetch_related("suspensions", "amendments", "planned_days__production_support")
        .get(pk=contract.pk)
    )


def _lock_many(contracts: Iterable[Contract]) -> list[Contract]:
    """_lock for several contracts at once (their people locked in one query), in their order."""
    ids = [contract.pk for contract in contracts]
    people = Contract.objects.filter(pk__in=ids).values("person_id")
    list(Person.objects.select_for_update().filter(pk__in=people).order_by("pk").values_list("pk", flat=True))
    fresh = (
        Contract.objects.select_related("structure", "person", "production_support")
        .prefetch_related("suspensions", "amendments", "planned_days__production_support")
        .in_bulk(ids)
    )
    return [fresh[pk] for pk in dict.fromkeys(ids)]


def _paid_total(person_id: int, start: date, end: date, *, excluding: tuple[int, date, str]) -> Decimal:
    contract_id, day, kind = excluding
    lines = TimesheetEntry.objects.filter(person_id=person_id, day__range=(start, end), kind__in=PAID_KINDS).exclude(
        contract_id=contract_id, day=day, kind=kind
    )
    return lines.order_by().aggregate(total=figures.sum_hours())["total"] or ZERO


def _check_shape(*, contract: Contract, kind: str, hours: Decimal, production_support: ProductionSupport | None):
    if kind not in EntryKind.values:
        raise_if("kind", KIND_UNKNOWN)
    if hours < 0:
        raise_if("hours", rules.NEGATIVE_HOURS)
    if production_support is not None and production_support.structure_id != contract.structure_id:
        raise_if("production_support", rules.SUPPORT_NOT_IN_STRUCTURE)


def _check_day(
    *, contract: Contract, day: date, kind: str, hours: Decimal, day_total: Decimal, week_total: Decimal
) -> None:
    """The rules of a line on its day, given the person's other paid hours that day and that ISO
    week (`day_total`, `week_total`, this line excluded): no query, so that a whole week of a
    team is checked from totals read once."""
    raise_if("day", rules.check_day_in_contract(day=day, start=contract.start, last=contract.effective_end))
    paid = kind in PAID_KINDS
    raise_if(
        "kind",
        rules.check_kind_and_suspension(
            day=day,
            kind=kind,
            kind_label=EntryKind(kind).label,
            paid=paid,
            suspensions=selectors.suspension_periods(contract),
        ),
    )
    department = contract.structure.department
    if kind == EntryKind.PUBLIC_HOLIDAY and rules.public_holiday_name(department, day) is None:
        raise_if("kind", rules.NOT_A_PUBLIC_HOLIDAY.format(day=fr(day), department=department))
    if not paid:
        return
    raise_if("hours", rules.check_day_total(day=day, total=day_total + hours))
    raise_if("hours", rules.check_week_total(monday=rules.week_monday(day), total=week_total + hours))


def _check(
    *, contract: Contract, day: date, kind: str, hours: Decimal, production_support: ProductionSupport | None
) -> None:
    """Every rule of a line but the lock of a validated month. Setting an existing line to 0 h is
    always allowed (a line recorded by mistake, a suspension or an early end recorded later)."""
    _check_shape(contract=contract, kind=kind, hours=hours, production_support=production_support)
    if hours == 0 and TimesheetEntry.objects.filter(contract=contract, day=day, kind=kind).exists():
        return
    day_total = week_total = ZERO
    if kind in PAID_KINDS:
        key = (contract.pk, day, kind)
        monday = rules.week_monday(day)
        day_total = _paid_total(contract.person_id, day, day, excluding=key)
        week_total = _paid_total(contract.person_id, monday, monday + 6 * rules.ONE_DAY, excluding=key)
    _check_day(contract=contract, day=day, kind=kind, hours=hours, day_total=day_total, week_total=week_total)


def _save(
    *,
    actor: User,
    contract: Contract,
    day: date,
    kind: str,
    hours: Decimal,
    comment: str,
    production_support: ProductionSupport | None,
) -> tuple[TimesheetEntry, Decimal | None]:
    """Create or update the line (contract, day, kind); returns it and its previous hours."""
    entry = TimesheetEntry.objects.filter(contract=contract, day=day, kind=kind).first()
    previous = entry.hours if entry else None
    if entry is None:
        entry = TimesheetEntry(contract=contract, day=day, kind=kind, created_by=actor)
    entry.person_id, entry.structure_id = contract.person_id, contract.structure_id
    entry.hours, entry.comment, entry.production_support = hours, comment, production_support
    entry.full_clean()
    entry.save()
    return entry, previous


def _check_not_locked(structure_id: int, day: date) -> None:
    if selectors.month_is_validated(structure_id, day):
        raise_if("day", rules.MONTH_LOCKED.format(month=rules.month_fr(day)))


@transaction.atomic
def timesheet_record(
    *,
    actor: User,
    contract: Contract,
    day: date,
    kind: str,
    hours: Decimal,
    comment: str = "",
    production_support: ProductionSupport | None = None,
) -> RecordResult:
    """Record the hours of one kind of a contract on a day (create or replace the line; 0 h keeps
    a line saying "nothing"). Refused outside the contract, paid hours during a suspension, above
    10 h a day or 48 h an ISO week (paid kinds of the person), in a validated month. Warns when
    the week departs from the contract's weekly hours."""
    contract = _lock(contract)
    _check_not_locked(contract.structure_id, day)
    _check(contract=contract, day=day, kind=kind, hours=hours, production_support=production_support)
    entry, _ = _save(
        actor=actor,
        contract=contract,
        day=day,
        kind=kind,
        hours=hours,
        comment=comment,
        production_support=production_support,
    )
    return RecordResult(entry, selectors.week_warnings(contract, rules.week_monday(day)))


def _check_monday(week_start: date) -> None:
    if week_start.weekday() != 0:
        raise_if(
            "week_start",
            rules.NOT_MONDAY.format(day=fr(week_start), weekday=rules.WEEKDAYS_FR[week_start.weekday()]),
        )


class _PaidHours:
    """The paid hours of some people per day over a week, read in one query and kept up to date
    as the lines of a bulk write are added in memory."""

    def __init__(self, person_ids: Iterable[int], monday: date):
        rows = (
            TimesheetEntry.objects.filter(
                person_id__in=set(person_ids), day__range=(monday, monday + 6 * rules.ONE_DAY), kind__in=PAID_KINDS
            )
            .order_by()
            .values_list("person_id", "day")
            .annotate(total=figures.sum_hours())
        )
        self.by_day: dict[tuple[int, date], Decimal] = {(person_id, day): total for person_id, day, total in rows}

    def day(self, person_id: int, day: date) -> Decimal:
        return self.by_day.get((person_id, day), ZERO)

    def week(self, person_id: int) -> Decimal:
        return sum((total for (pid, _), total in self.by_day.items() if pid == person_id), ZERO)

    def add(self, person_id: int, day: date, hours: Decimal) -> None:
        self.by_day[(person_id, day)] = self.day(person_id, day) + hours


# The fields of a line that a bulk write sets from the locked contract itself (no query to check them).
_BULK_TRUSTED_FIELDS = ["contract", "person", "structure", "production_support", "created_by"]


@transaction.atomic
def timesheet_confirm_week_as_planned(
    *, actor: User, contracts: Iterable[Contract], week_start: date, only_day: date | None = None
) -> WeekConfirmation:
    """Fill each planned day of the week (the contract's planning, else Monday to Friday at weekly
    hours / 5) that has no line yet with its planned hours: worked, or "public holiday" on a
    public holiday of the structure's département. Days outside the contract, suspended or in a
    validated month are left alone; so are days that already have a line, so that running it
    again changes nothing. With `only_day`, the same for that one day of the week.

    One bulk write for the whole team, with the rules of timesheet_record (the 10 h and 48 h
    totals counted from the lines read once plus those added here), all or nothing, and one
    audit entry per line as a single save would write."""
    _check_monday(week_start)
    week_end = week_start + 6 * rules.ONE_DAY
    contracts = _lock_many(contracts)
    if not contracts:
        return WeekConfirmation([], [])
    recorded = set(
        TimesheetEntry.objects.filter(contract__in=contracts, day__range=(week_start, week_end))
        .order_by()
        .values_list("contract_id", "day")
    )
    validated = set(
        MonthValidation.objects.filter(
            structure_id__in={c.structure_id for c in contracts},
            month__in={rules.month_start(week_start), rules.month_start(week_end)},
        ).values_list("structure_id", "month")
    )
    paid = _PaidHours((c.person_id for c in contracts), week_start)
    new: list[TimesheetEntry] = []
    for contract in contracts:
        suspensions = selectors.suspension_periods(contract)
        for day in rules.week_days(week_start):
            if (only_day is not None and day != only_day) or (contract.pk, day) in recorded:
                continue
            planned = selectors.planned_entry(contract, day, suspensions)
            if planned is None or (contract.structure_id, rules.month_start(day)) in validated:
                continue
            try:
                _check_shape(
                    contract=contract,
                    kind=planned.kind,
                    hours=planned.hours,
                    production_support=planned.production_support,
                )
                _check_day(
                    contract=contract,
                    day=day,
                    kind=planned.kind,
                    hours=planned.hours,
                    day_total=paid.day(contract.person_id, day),
                    week_total=paid.week(contract.person_id),
                )
            except ValidationError as error:
                raise ValidationError(f"{contract.person} : {' '.join(error.messages)}") from error
            entry = TimesheetEntry(
                contract=contract,
                person=contract.person,
                structure=contract.structure,
                production_support=planned.production_support,
                day=day,
                kind=planned.kind,
                hours=planned.hours,
                comment=planned.comment,
                created_by=actor,
            )
            entry.full_clean(exclude=_BULK_TRUSTED_FIELDS, validate_unique=False, validate_constraints=False)
            if planned.kind in PAID_KINDS:
                paid.add(contract.person_id, day, planned.hours)
            new.append(entry)
    created = TimesheetEntry.objects.bulk_create(new)
    audit_created(created)
    lines_by_contract: dict[int, list[TimesheetEntry]] = {c.pk: [] for c in contracts}
    for line in TimesheetEntry.objects.filter(contract__in=contracts, day__range=(week_start, week_end)).order_by():
        lines_by_contract[line.contract_id].append(line)
    warnings = [
        f"{contract.person} : {w}"
        for contract in contracts
        for w in selectors.week_warnings(contract, week_start, lines_by_contract[contract.pk])
    ]
    return WeekConfirmation(created, warnings)


@transaction.atomic
def month_validate(*, actor: User, structure: Structure, month: date) -> MonthValidation:
    """Validate (lock) a finished month of an ACI: its lines change only through corrections."""
    if month.day != 1:
        raise_if("month", rules.NOT_FIRST_DAY.format(day=fr(month)))
    first_day_after = rules.month_end(month) + rules.ONE_DAY
    if timezone.localdate() < first_day_after:
        raise_if("month", rules.MONTH_NOT_OVER.format(month=rules.month_fr(month), first_day_after=fr(first_day_after)))
    Structure.objects.select_for_update().filter(pk=structure.pk).first()
    if MonthValidation.objects.filter(structure=structure, month=month).exists():
        raise_if("month", rules.MONTH_ALREADY_VALIDATED.format(month=rules.month_fr(month)))
    return MonthValidation.objects.create(structure=structure, month=month, validated_by=actor)


@transaction.atomic
def timesheet_correct(
    *,
    actor: User,
    contract: Contract,
    day: date,
    kind: str,
    new_hours: Decimal,
    reason: str,
    production_support: ProductionSupport | None = None,
) -> TimesheetCorrection:
    """Change the hours of a line of a validated month, with a reason: the line gets the new hours
    (it is created when there was none; 0 h for a line recorded by mistake) and the correction
    keeps the previous ones. Every rule of timesheet_record applies but the lock."""
    contract = _lock(contract)
    reason = reason.strip()
    if not reason:
        raise_if("reason", rules.REASON_REQUIRED)
    if not selectors.month_is_validated(contract.structure_id, day):
        raise_if("day", rules.MONTH_NOT_LOCKED.format(month=rules.month_fr(day)))
    _check(contract=contract, day=day, kind=kind, hours=new_hours, production_support=production_support)
    existing = TimesheetEntry.objects.filter(contract=contract, day=day, kind=kind).first()
    entry, previous = _save(
        actor=actor,
        contract=contract,
        day=day,
        kind=kind,
        hours=new_hours,
        comment=existing.comment if existing else "",
        production_support=production_support or (existing.production_support if existing else None),
    )
    return TimesheetCorrection.objects.create(
        entry=entry,
        contract=contract,
        day=day,
        kind=kind,
        previous_hours=previous,
        new_hours=new_hours,
        reason=reason,
        created_by=actor,
    )


# Weekly planning


@transaction.atomic
def planning_prefill(*, actor: User, contract: Contract) -> list[PlannedDay]:
    """Give a contract without planning its default one: Monday to Friday, weekly hours / 5, on
    the contract's atelier or chantier. A contract that has a planning keeps it."""
    contract = _lock(contract)
    existing = list(contract.planned_days.all())
    if existing:
        return existing
    hours = rules.planned_daily_hours(contract.weekly_hours)
    return [
        PlannedDay.objects.create(
            contract=contract,
            weekday=weekday,
            hours=hours,
            production_support=contract.production_support,
            updated_by=actor,
        )
        for weekday in rules.PLANNED_WEEKDAYS
    ]


@transaction.atomic
def planning_set_day(
    *,
    actor: User,
    contract: Contract,
    weekday: int,
    hours: Decimal,
    production_support: ProductionSupport | None = None,
) -> PlannedDay:
    """Plan `hours` on a weekday (0 = Monday) of the contract, on an atelier or chantier (0 h: not
    worked that weekday). At most 10 h a day and 48 h a week."""
    contract = _lock(contract)
    if not 0 <= weekday <= 6:
        raise_if("weekday", rules.WEEKDAY_INVALID)
    if hours < 0:
        raise_if("hours", rules.NEGATIVE_HOURS)
    if production_support is not None and production_support.structure_id != contract.structure_id:
        raise_if("production_support", rules.SUPPORT_NOT_IN_STRUCTURE)
    if hours > rules.DAY_MAX_HOURS:
        raise_if("hours", rules.PLANNING_DAY_OVER_MAX.format(hours=hours_fr(hours)))
    week_total = sum((p.hours for p in contract.planned_days.all() if p.weekday != weekday), ZERO) + hours
    if week_total > rules.WEEK_MAX_HOURS:
        raise_if("hours", rules.PLANNING_WEEK_OVER_MAX.format(total=hours_fr(week_total)))
    planned = PlannedDay.objects.filter(contract=contract, weekday=weekday).first()
    if planned is None:
        planned = PlannedDay(contract=contract, weekday=weekday)
    planned.hours, planned.production_support, planned.updated_by = hours, production_support, actor
    planned.full_clean()
    planned.save()
    return planned


@transaction.atomic
def planning_set_week(
    *,
    actor: User,
    contract: Contract,
    hours_by_weekday: dict[int, Decimal],
    supports_by_weekday: dict[int, ProductionSupport | None] | None = None,
) -> list[PlannedDay]:
    """Set the whole weekly planning of a contract at once (the planning page): every weekday
    through planning_set_day, all or nothing. A weekday without an atelier or chantier of its own
    is planned on the contract's."""
    supports_by_weekday = supports_by_weekday or {}
    return [
        planning_set_day(
            actor=actor,
            contract=contract,
            weekday=weekday,
            hours=hours,
            production_support=supports_by_weekday.get(weekday) or contract.production_support,
        )
        for weekday, hours in sorted(hours_by_weekday.items())
    ]
