from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.contracts.enums import SuspensionKind
from tremplin.contracts.models import Suspension
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.models import MonthValidation, TimesheetEntry


class TimesheetEntryFactory(DjangoModelFactory):
    """A line as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = TimesheetEntry

    contract = factory.SubFactory(ContractFactory)
    person = factory.SelfAttribute("contract.person")
    structure = factory.SelfAttribute("contract.structure")
    day = date(2026, 3, 2)
    kind = EntryKind.WORKED
    hours = Decimal(7)
    created_by = factory.SubFactory(UserFactory)


class MonthValidationFactory(DjangoModelFactory):
    class Meta:
        model = MonthValidation

    structure = factory.SubFactory(StructureFactory)
    month = date(2026, 3, 1)
    validated_by = factory.SubFactory(UserFactory)


class SuspensionFactory(DjangoModelFactory):
    class Meta:
        model = Suspension

    contract = factory.SubFactory(ContractFactory)
    kind = SuspensionKind.OTHER
    start = date(2026, 3, 16)
    end = date(2026, 3, 20)
    created_by = factory.SubFactory(UserFactory)
