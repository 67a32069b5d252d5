from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.reference.models import RomeJob

from .factories import HostCompanyFactory

TODAY = date(2026, 3, 1)


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def counsellor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure)


@pytest.fixture
def person(structure, counsellor):
    return PersonFactory(structure=structure, last_name="Martin", counsellor=counsellor)


@pytest.fixture
def contract(person):
    """A CDDI from 05/01/2026 to 04/07/2026."""
    return ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 7, 4))


@pytest.fixture
def host(structure):
    return HostCompanyFactory(structure=structure, name="Jardins de l'Hérault")


@pytest.fixture
def rome():
    return RomeJob.objects.get(code="A1203")
