from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.reference.models import RomeJob
from tremplin.skills import services


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 6, 15), tick=False):
        yield


@pytest.fixture
def supervisor(make_member, structure):
    return make_member(Role.SUPERVISOR, structure, first_name="Paul", last_name="Girard")


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Amina", last_name="Diallo", rsa=True)


@pytest.fixture
def contract(person, support):
    support.supervisor = None
    return ContractFactory(
        person=person,
        production_support=support,
        job_label="Agent d'entretien des espaces verts",
        start=date(2026, 1, 5),
        initial_end=date(2026, 12, 31),
        rome_job=RomeJob.objects.get(code="A1203"),
    )


@pytest.fixture
def grid(structure, supervisor):
    return services.grid_create(
        actor=supervisor,
        structure=structure,
        name="Espaces verts",
        rome_code="A1203",
        soft_criteria=["Ponctualité", "Travail en équipe"],
        trade_criteria=["Tonte et débroussaillage", "Taille des haies"],
    )


def levels(grid, *values):
    """criterion id -> level, in the grid's order (savoir-être first)."""
    criteria = list(grid.criteria.order_by("group", "order"))
    return {c.pk: v for c, v in zip(criteria, values, strict=True)}
