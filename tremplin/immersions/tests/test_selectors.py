from datetime import date

import pytest

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import build_scope
from tremplin.immersions.enums import ImmersionStatus, Objective, Outcome
from tremplin.immersions.selectors import (
    immersion_list,
    person_section,
    pmsmp_figures,
    timeline_events,
)
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory

from .factories import ImmersionFactory


def d(day, month, year=2026):
    return date(year, month, day)


@pytest.fixture
def figures_data(structure):
    """Hand count for [01/03/2026, 31/03/2026] in our ACI:
    A: 02/03-13/03 discover, hired CDI (12 days)
    A: 16/03-27/03 discover renewal, no outcome (12 days)
    B: 30/03-03/04 recruit, hired interim (5 days, counted whole)
    B: 09/03-10/03 confirm, training (2 days; a training is not a hire)
    left out: C cancelled in March, C starting 01/04, D of another ACI in March, C starting 28/02."""
    a = PersonFactory(structure=structure)
    b = PersonFactory(structure=structure)
    c = PersonFactory(structure=structure)
    first = ImmersionFactory(person=a, start=d(2, 3), end=d(13, 3), outcome=Outcome.HIRED_CDI, outcome_date=d(1, 4))
    ImmersionFactory(person=a, host=first.host, start=d(16, 3), end=d(27, 3), renewal_of=first)
    ImmersionFactory(
        person=b,
        objective=Objective.RECRUIT,
        start=d(30, 3),
        end=d(3, 4),
        outcome=Outcome.HIRED_INTERIM,
        outcome_date=d(6, 4),
    )
    ImmersionFactory(
        person=b,
        objective=Objective.CONFIRM,
        start=d(9, 3),
        end=d(10, 3),
        outcome=Outcome.TRAINING,
        outcome_date=d(1, 4),
    )
    ImmersionFactory(person=c, start=d(4, 3), end=d(6, 3), status=ImmersionStatus.CANCELLED)
    ImmersionFactory(person=c, start=d(1, 4), end=d(3, 4))
    ImmersionFactory(person=c, start=d(28, 2), end=d(3, 3), outcome=Outcome.HIRED_CDD, outcome_date=d(4, 3))
    ImmersionFactory(person=PersonFactory(structure=StructureFactory()), start=d(2, 3), end=d(6, 3))


def test_pmsmp_figures_match_a_hand_count(structure, figures_data, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = pmsmp_figures([structure.pk], d(1, 3), d(31, 3))
    assert figures == {
        "count": 4,
        "people": 2,
        "by_objective": {"discover": 2, "confirm": 1, "recruit": 1},
        "hired_by_host": 2,
        "days": 12 + 12 + 5 + 2,
    }


def test_pmsmp_figures_of_nothing(structure):
    assert pmsmp_figures([structure.pk], d(1, 1), d(31, 1)) == {
        "count": 0,
        "people": 0,
        "by_objective": {"discover": 0, "confirm": 0, "recruit": 0},
        "hired_by_host": 0,
        "days": 0,
    }


def scope_of(make_member, role, structure):
    return build_scope(make_member(role, structure), None)


def test_list_filters_by_status_and_period(structure, figures_data, make_member):
    scope = scope_of(make_member, Role.COUNSELLOR, structure)
    assert immersion_list(scope).count() == 7  # our ACI only
    assert immersion_list(scope, status=ImmersionStatus.CANCELLED).count() == 1
    # Overlapping 01/04 - 05/04: B's 30/03-03/04 and C's 01/04-03/04
    assert immersion_list(scope, start=d(1, 4), end=d(5, 4)).count() == 2
    assert immersion_list(scope, end=d(28, 2)).count() == 1


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF])
def test_staff_see_the_section_and_the_events(structure, make_member, role):
    immersion = ImmersionFactory(
        person=PersonFactory(structure=structure),
        outcome=Outcome.HIRED_CDI,
        outcome_date=d(20, 3),
        evaluated_on=d(13, 3),
    )
    scope = scope_of(make_member, role, structure)
    section = person_section(immersion.person, scope=scope)
    assert section.context["immersions"] == [immersion]
    assert section.context["can_manage_immersions"] == (role in (Role.DIRECTOR, Role.COUNSELLOR))
    events = timeline_events(immersion.person, scope=scope)
    assert [event.day for event in events] == [d(2, 3), d(13, 3), d(20, 3)]
    assert "Embauche par l'hôte en CDI" in events[2].title


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_see_nothing(structure, make_member, role):
    immersion = ImmersionFactory(person=PersonFactory(structure=structure))
    scope = scope_of(make_member, role, structure)
    assert person_section(immersion.person, scope=scope) is None
    assert timeline_events(immersion.person, scope=scope) == []
    assert not immersion_list(scope).exists()
