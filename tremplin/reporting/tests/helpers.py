"""Small builders for the indicator tests (rows as stored, without the services' rules)."""

from datetime import date
from decimal import Decimal

from tremplin.accounts.tests.factories import UserFactory
from tremplin.contracts.models import Exit
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.tests.factories import TimesheetEntryFactory


def contract(structure, start: date, initial_end: date | None, **fields):
    return ContractFactory(person__structure=structure, start=start, initial_end=initial_end, **fields)


def line(contract_, day: date, hours, kind=EntryKind.WORKED):
    return TimesheetEntryFactory(contract=contract_, day=day, hours=Decimal(hours), kind=kind)


def leave(contract_, exit_date: date, reason: str) -> Exit:
    return Exit.objects.create(
        contract=contract_, person=contract_.person, exit_date=exit_date, reason=reason, created_by=UserFactory()
    )


def diagnosis(person, made_on: date, criteria):
    return EligibilityDiagnosisFactory(person=person, made_on=made_on, criteria=criteria)
