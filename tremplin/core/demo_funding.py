"""Demo data of money and time: the timesheet history since the start of the year (months before
the last weeks validated), a State convention with the annex of the year, and a few grants.
Idempotent: natural keys (annex number, grant purpose) and existing lines are skipped."""

from datetime import date, timedelta
from decimal import Decimal

from tremplin.contracts.models import Contract
from tremplin.funding import services as funding_services
from tremplin.funding.enums import GrantFunder
from tremplin.funding.models import Convention, FinancialAnnex, Grant
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime import selectors as worktime_selectors
from tremplin.worktime import services as worktime_services
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.models import MonthValidation, TimesheetEntry

# (structure key, order in the annex number, ETP conventioned, target of sorties dynamiques)
DEMO_ANNEXES = {
    "val-vert": ("0012", Decimal("12.00"), Decimal(60)),
    "table-du-val": ("0013", Decimal("4.50"), Decimal(55)),
}
SICK_EVERY = 41  # one planned day in 41 becomes a sick leave, for absences in the statements


def seed_timesheet_history(*, structure, actor, start: date, end: date) -> int:
    """Every planned day of [start, end] as planned (worked, or public holiday), in bulk: the demo
    contracts are consistent by construction (the week service checks each day and is slower).
    Days that already have a line are left alone."""
    if end < start:
        return 0
    recorded = set(
        TimesheetEntry.objects.filter(structure=structure, day__range=(start, end)).values_list("contract_id", "day")
    )
    contracts = (
        Contract.objects.filter(structure=structure, start__lte=end)
        .select_related("structure", "production_support")
        .prefetch_related("amendments", "suspensions", "planned_days")
    )
    lines = []
    for contract in contracts:
        suspensions = worktime_selectors.suspension_periods(contract)
        day = max(start, contract.start)
        while day <= end:
            planned = (
                None if (contract.pk, day) in recorded else worktime_selectors.planned_entry(contract, day, suspensions)
            )
            if planned is not None:
                kind = planned.kind
                if kind == EntryKind.WORKED and (contract.person_id + day.toordinal()) % SICK_EVERY == 0:
                    kind = EntryKind.SICK_LEAVE
                lines.append(
                    TimesheetEntry(
                        contract=contract,
                        person_id=contract.person_id,
                        structure=structure,
                        production_support=planned.production_support,
                        day=day,
                        kind=kind,
                        hours=planned.hours,
                        comment=planned.comment,
                        created_by=actor,
                    )
                )
            day += timedelta(days=1)
    TimesheetEntry.objects.bulk_create(lines, batch_size=2000)
    return len(lines)


def validate_months(*, structure, actor, before: date, year: int) -> None:
    """Validate the months of `year` that end before `before` (the HR routine of past months)."""
    for month in worktime_rules.months_of_year(year):
        if worktime_rules.month_end(month) >= before:
            break
        if not MonthValidation.objects.filter(structure=structure, month=month).exists():
            worktime_services.month_validate(actor=actor, structure=structure, month=month)


def seed_funding(*, structures: dict, director, today: date) -> None:
    year = today.year
    for key, (order, etp, target) in DEMO_ANNEXES.items():
        structure = structures[key]
        number = f"ACI{structure.department.zfill(3)}{year % 100:02d}{order}"
        if FinancialAnnex.objects.filter(number=number).exists():
            continue
        convention = Convention.objects.filter(structure=structure, reference=structure.convention_reference).first()
        if convention is None:
            convention = funding_services.convention_create(
                actor=director,
                structure=structure,
                reference=structure.convention_reference,
                start=date(year - 1, 1, 1),
                end=date(year + 1, 12, 31),
                signed_on=date(year - 2, 12, 12),
            )
        funding_services.annex_create(
            actor=director,
            convention=convention,
            number=number,
            start=date(year, 1, 1),
            end=date(year, 12, 31),
            etp_conventioned=etp,
            modulated_part=Decimal("4.50"),
            dynamic_exit_target=target,
            amount=(etp * Decimal("23921") * Decimal("1.045")).quantize(Decimal("0.01")),
        )
    val_vert = structures["val-vert"]
    if not Grant.objects.filter(structure=val_vert).exists():
        for funder, name, amount, purpose in (
            (
                GrantFunder.DEPARTEMENT,
                "Département de l'Hérault",
                Decimal("48000"),
                "Accompagnement socio-professionnel",
            ),
            (GrantFunder.REGION, "Région Occitanie", Decimal("12500"), "Formations pré-qualifiantes"),
            (GrantFunder.FOUNDATION, "Fondation de France", Decimal("8000"), "Achat d'outillage électroportatif"),
        ):
            funding_services.grant_create(
                actor=director,
                structure=val_vert,
                funder=funder,
                funder_name=name,
                amount=amount,
                start=date(year, 1, 1),
                end=date(year, 12, 31),
                purpose=purpose,
            )
