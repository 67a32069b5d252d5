from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 6, 15), tick=False):
        yield


@pytest.fixture
def counsellor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure, first_name="Karim", last_name="Benali")


@pytest.fixture
def supervisor(make_member, structure):
    return make_member(Role.SUPERVISOR, structure, first_name="Paul", last_name="Girard")


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Amina", last_name="Diallo")


@pytest.fixture
def contract(person):
    return ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 12, 31))
