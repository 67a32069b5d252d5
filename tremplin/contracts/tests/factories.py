from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.contracts.models import Contract
from tremplin.people.tests.factories import PersonFactory


class ContractFactory(DjangoModelFactory):
    """A contract row as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = Contract

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    job_label = "Agent d'entretien des espaces verts"
    start = date(2026, 1, 5)
    initial_end = date(2026, 7, 4)
    end = factory.SelfAttribute("initial_end")
    initial_weekly_hours = Decimal(26)
    weekly_hours = factory.SelfAttribute("initial_weekly_hours")
    hourly_pay = Decimal("12.02")
    created_by = factory.SubFactory(UserFactory)
