"""obstacle_figures against a count made by hand, and obstacle_summary per role."""

from datetime import date

import pytest

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import build_scope
from tremplin.audit.models import SensitiveRead
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.support.enums import DiagnosisKind
from tremplin.support.enums import ObstacleCategory as C
from tremplin.support.enums import Treatment as T
from tremplin.support.selectors import obstacle_figures, obstacle_summary

from .factories import DiagnosisFactory, ObstacleFactory

START, END = date(2026, 1, 1), date(2026, 6, 30)


def _person(structure, start, end, ended_on=None):
    person = PersonFactory(structure=structure)
    ContractFactory(person=person, start=start, initial_end=end, ended_on=ended_on)
    return person


def _diagnosis(person, on, lines, kind=DiagnosisKind.ENTRY):
    diagnosis = DiagnosisFactory(person=person, assessed_on=on, kind=kind)
    for category, treatment, *lifted in lines:
        ObstacleFactory(
            diagnosis=diagnosis, category=category, treatment=treatment, lifted_on=lifted[0] if lifted else None
        )
    return diagnosis


@pytest.fixture
def population(structure):
    sibling = StructureFactory(organisation=structure.organisation)
    p1 = _person(structure, date(2026, 1, 5), date(2026, 7, 4))
    _diagnosis(
        p1,
        date(2026, 1, 20),
        [(C.MOBILITY, T.INTERNAL), (C.HOUSING, T.EXTERNAL), (C.HEALTH, T.BOTH), (C.FAMILY, T.INTERNAL)],
    )
    _diagnosis(
        p1,
        date(2026, 4, 10),
        [(C.MOBILITY, T.INTERNAL, date(2026, 4, 1)), (C.HOUSING, T.BOTH), (C.HEALTH, T.BOTH)],
        DiagnosisKind.REVIEW,
    )
    _diagnosis(p1, date(2026, 8, 1), [(C.HOUSING, T.BOTH, date(2026, 7, 20))], DiagnosisKind.REVIEW)  # after the period
    p2 = _person(structure, date(2025, 6, 1), date(2025, 12, 31))  # contract over before the period
    _diagnosis(p2, date(2025, 6, 10), [(C.MOBILITY, T.INTERNAL)])
    p3 = _person(structure, date(2025, 10, 1), date(2026, 3, 31), ended_on=date(2026, 1, 15))  # early end inside
    _diagnosis(p3, date(2025, 10, 10), [(C.MOBILITY, T.EXTERNAL), (C.DEBT, T.INTERNAL)])
    p4 = _person(structure, date(2026, 7, 1), date(2026, 12, 31))  # hired after the period
    _diagnosis(p4, date(2026, 5, 1), [(C.MOBILITY, T.INTERNAL)])
    _person(structure, date(2026, 2, 1), date(2026, 8, 1))  # no diagnosis
    p6 = _person(sibling, date(2026, 2, 1), date(2026, 8, 1))  # another ACI of the organisation
    _diagnosis(p6, date(2026, 2, 5), [(C.MOBILITY, T.INTERNAL)])
    p7 = _person(structure, date(2026, 2, 1), date(2026, 12, 31))  # diagnosed after the period
    _diagnosis(p7, date(2026, 7, 15), [(C.MOBILITY, T.INTERNAL)])
    return {"sibling": sibling, "p1": p1, "p6": p6}


def test_obstacle_figures_hand_count(population, structure, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = obstacle_figures([structure.pk], START, END)
    zero = {"internal": 0, "external": 0, "both": 0, "lifted": 0, "total": 0}
    assert figures["people_with_obstacles"] == 2  # p1 and p3
    by = figures["by_category"]
    assert by[C.MOBILITY] == {"internal": 1, "external": 1, "both": 0, "lifted": 1, "total": 2}
    assert by[C.HOUSING] == {**zero, "both": 1, "total": 1}  # the review of April, not the entry nor August
    assert by[C.HEALTH] == {**zero, "both": 1, "total": 1}
    assert by[C.DEBT] == {**zero, "internal": 1, "total": 1}
    assert by[C.FAMILY] == {**zero, "internal": 1, "total": 1}  # left out of the review: the entry line stands
    assert by[C.ILLITERACY] == zero
    assert set(by) == set(C.values)


def test_obstacle_figures_several_structures(population, structure):
    figures = obstacle_figures([structure.pk, population["sibling"].pk], START, END)
    assert figures["people_with_obstacles"] == 3
    assert figures["by_category"][C.MOBILITY]["total"] == 3


def test_obstacle_figures_as_of_end(population, structure):
    """On 31/03 the April review does not exist yet: the entry lines count."""
    by = obstacle_figures([structure.pk], START, date(2026, 3, 31))["by_category"]
    assert by[C.HOUSING]["external"] == 1
    assert by[C.MOBILITY]["lifted"] == 0


def _scope(make_member, role, structure):
    user = make_member(role, structure)
    return build_scope(user, None)


@pytest.mark.parametrize(
    ("role", "categories", "logged"),
    [
        (Role.COUNSELLOR, {C.MOBILITY, C.HOUSING, C.HEALTH}, 1),
        (Role.DIRECTOR, {C.MOBILITY, C.HOUSING, C.HEALTH}, 1),
        (Role.SUPERVISOR, {C.MOBILITY, C.HOUSING}, 0),
        (Role.ADMIN_STAFF, set(), 0),
        (Role.PRESCRIBER, set(), 0),
        (Role.FUNDER, set(), 0),
    ],
)
def test_obstacle_summary_per_role(structure, make_member, role, categories, logged):
    person = _person(structure, date(2026, 1, 5), date(2026, 7, 4))
    _diagnosis(person, date(2026, 1, 20), [(C.FAMILY, T.INTERNAL)])
    _diagnosis(person, date(2026, 4, 10), [(C.MOBILITY, T.INTERNAL), (C.HOUSING, T.BOTH), (C.HEALTH, T.BOTH)], "review")
    scope = _scope(make_member, role, structure)
    lines = obstacle_summary(person, scope=scope)
    assert {line.category for line in lines} == categories  # the lines of the latest diagnosis
    assert SensitiveRead.objects.filter(reader=scope.user).count() == logged


def test_obstacle_summary_other_structure_sees_nothing(population, make_member):
    scope = _scope(make_member, Role.COUNSELLOR, StructureFactory())
    assert obstacle_summary(population["p1"], scope=scope) == []
    assert not SensitiveRead.objects.exists()


def test_obstacle_summary_fields(structure, make_member):
    from tremplin.partners.tests.factories import PartnerFactory

    person = _person(structure, date(2026, 1, 5), date(2026, 7, 4))
    diagnosis = _diagnosis(person, date(2026, 1, 20), [])
    partner = PartnerFactory(organisation=structure.organisation, name="Garage solidaire")
    ObstacleFactory(
        diagnosis=diagnosis,
        category=C.MOBILITY,
        level="strong",
        treatment=T.BOTH,
        partner=partner,
        actions="Inscription au code",
        lifted_on=date(2026, 3, 2),
    )
    [line] = obstacle_summary(person, scope=_scope(make_member, Role.SUPERVISOR, structure))
    assert line.category_label == "Mobilité"
    assert line.level_label == "Fort"
    assert line.treatment_label == "En interne et en externe"
    assert line.partner_name == "Garage solidaire"
    assert line.actions == "Inscription au code"
    assert line.lifted_on == date(2026, 3, 2)
