from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.funding.models import Convention, FinancialAnnex
from tremplin.organisations.tests.factories import StructureFactory


class ConventionFactory(DjangoModelFactory):
    class Meta:
        model = Convention

    structure = factory.SubFactory(StructureFactory)
    reference = factory.Sequence(lambda n: f"DDETS34-{n:04d}")
    start = date(2025, 1, 1)
    end = date(2027, 12, 31)
    created_by = factory.SubFactory(UserFactory)


class FinancialAnnexFactory(DjangoModelFactory):
    """An annex as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = FinancialAnnex

    convention = factory.SubFactory(ConventionFactory)
    structure = factory.SelfAttribute("convention.structure")
    number = factory.Sequence(lambda n: f"ACI03425{n:04d}")
    start = date(2025, 1, 1)
    end = date(2025, 12, 31)
    etp_conventioned = Decimal("10.00")
    modulated_part = Decimal("5.00")
    dynamic_exit_target = Decimal(60)
    created_by = factory.SubFactory(UserFactory)
