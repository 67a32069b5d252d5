"""Grids and evaluations through the services: the rules and their French messages."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tremplin.accounts.enums import Role
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.skills import rules, selectors, services
from tremplin.skills.models import SkillCriterion, SkillRating

from .conftest import levels


def test_a_grid_keeps_its_criteria_in_order(grid):
    assert [(c.group, c.label, c.order) for c in grid.criteria.order_by("group", "order")] == [
        ("soft", "Ponctualité", 1),
        ("soft", "Travail en équipe", 2),
        ("trade", "Tonte et débroussaillage", 1),
        ("trade", "Taille des haies", 2),
    ]
    assert grid.rome_job.code == "A1203"


def test_a_grid_refuses_an_unknown_rome_code_duplicates_and_emptiness(structure, supervisor):
    with pytest.raises(ValidationError) as error:
        services.grid_create(
            actor=supervisor, structure=structure, name="X", rome_code="Z9999", soft_criteria=["A"], trade_criteria=[]
        )
    assert error.value.message_dict == {"rome_code": ["Code ROME inconnu : Z9999."]}
    with pytest.raises(ValidationError) as error:
        services.grid_create(actor=supervisor, structure=structure, name="X", soft_criteria=[], trade_criteria=[])
    assert error.value.message_dict == {"soft_criteria": [rules.GRID_NO_CRITERIA]}
    with pytest.raises(ValidationError) as error:
        services.grid_create(
            actor=supervisor, structure=structure, name="X", soft_criteria=["A"], trade_criteria=["Tonte", "tonte"]
        )
    assert error.value.message_dict == {
        "trade_criteria": ["Le critère « tonte » figure deux fois dans la même famille."]
    }


def test_updating_a_grid_withdraws_a_rated_criterion_and_deletes_an_unrated_one(grid, supervisor, contract):
    services.evaluation_create(
        actor=supervisor,
        person=contract.person,
        grid=grid,
        evaluated_on=date(2026, 3, 2),
        evaluator=supervisor,
        levels=levels(grid, 3, 2, 1, None),
    )
    hedges = grid.criteria.get(label="Taille des haies")  # not evaluated: no level
    mowing = grid.criteria.get(label="Tonte et débroussaillage")
    services.grid_update(
        actor=supervisor,
        grid=grid,
        name="Espaces verts",
        rome_code="A1203",
        soft_criteria=["Ponctualité", "Travail en équipe"],
        trade_criteria=["Plantation"],
    )
    mowing.refresh_from_db()
    assert not mowing.is_active  # rated: kept for the past evaluation, withdrawn from the grid
    assert SkillCriterion.objects.filter(pk=hedges.pk, is_active=False).exists()  # has a (null) rating row
    assert grid.criteria.get(label="Plantation").is_active


def test_an_evaluation_records_a_level_per_criterion(grid, supervisor, contract):
    evaluation = services.evaluation_create(
        actor=supervisor,
        person=contract.person,
        grid=grid,
        evaluated_on=date(2026, 3, 2),
        evaluator=supervisor,
        levels=levels(grid, 3, 4, 2, None),
        comment="Bon début",
    )
    assert sorted(SkillRating.objects.filter(evaluation=evaluation).values_list("level", flat=True), key=str) == [
        2,
        3,
        4,
        None,
    ]
    latest = selectors.latest_evaluation(contract.person)
    assert latest == evaluation
    assert {r.criterion.label: r.level for r in latest.ratings.all()}["Travail en équipe"] == 4


def test_an_evaluation_is_refused_in_the_future_or_outside_a_contract(grid, supervisor, contract):
    base = {"actor": supervisor, "person": contract.person, "grid": grid, "evaluator": supervisor}
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(**base, evaluated_on=date(2026, 6, 16), levels=levels(grid, 3, 3, 3, 3))
    assert error.value.message_dict == {
        "evaluated_on": ["La date de l'évaluation (16/06/2026) ne peut pas être dans le futur."]
    }
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(**base, evaluated_on=date(2025, 12, 1), levels=levels(grid, 3, 3, 3, 3))
    assert error.value.message_dict == {"evaluated_on": [rules.EVALUATION_NOT_UNDER_CONTRACT.format(day="01/12/2025")]}


def test_an_evaluation_needs_a_level_a_team_evaluator_and_a_grid_of_the_aci(grid, supervisor, contract, make_member):
    base = {"actor": supervisor, "person": contract.person, "evaluated_on": date(2026, 3, 2)}
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(**base, grid=grid, evaluator=supervisor, levels=levels(grid, None, None, None, None))
    assert error.value.messages == [rules.EVALUATION_EMPTY]
    outsider = make_member(Role.SUPERVISOR, StructureFactory())
    admin = make_member(Role.ADMIN_STAFF, grid.structure)
    for evaluator in (outsider, admin):
        with pytest.raises(ValidationError) as error:
            services.evaluation_create(**base, grid=grid, evaluator=evaluator, levels=levels(grid, 3, 3, 3, 3))
        assert error.value.message_dict == {"evaluator": [rules.EVALUATOR_NOT_IN_TEAM]}
    other_grid = services.grid_create(
        actor=outsider, structure=StructureFactory(), name="Cuisine", soft_criteria=["Hygiène"], trade_criteria=[]
    )
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(
            **base, grid=other_grid, evaluator=supervisor, levels={other_grid.criteria.get().pk: 3}
        )
    assert error.value.message_dict == {"grid": [rules.GRID_OTHER_STRUCTURE]}
    grid.is_active = False
    grid.save()
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(**base, grid=grid, evaluator=supervisor, levels=levels(grid, 3, 3, 3, 3))
    assert error.value.message_dict == {
        "grid": ["La grille « Espaces verts » n'est plus en usage : choisissez une grille en usage."]
    }


def test_an_evaluation_once_a_day_per_grid(grid, supervisor, contract):
    base = {
        "actor": supervisor,
        "person": contract.person,
        "grid": grid,
        "evaluator": supervisor,
        "evaluated_on": date(2026, 3, 2),
    }
    services.evaluation_create(**base, levels=levels(grid, 3, 3, 3, 3))
    with pytest.raises(ValidationError) as error:
        services.evaluation_create(**base, levels=levels(grid, 3, 3, 3, 3))
    assert "Une évaluation sur cette grille existe déjà à cette date." in str(error.value)


def test_the_certificate_keeps_acquired_and_mastered_skills_of_the_latest_evaluation(grid, supervisor, contract):
    base = {"actor": supervisor, "person": contract.person, "grid": grid, "evaluator": supervisor}
    services.evaluation_create(**base, evaluated_on=date(2026, 2, 2), levels=levels(grid, 3, 3, 3, 3))
    services.evaluation_create(**base, evaluated_on=date(2026, 5, 4), levels=levels(grid, 4, 2, 3, None))
    certificate = selectors.certificate(contract.person, today=date(2026, 6, 15))
    assert certificate.skills == [
        ("Savoir-être", [("Ponctualité", "Maîtrisé")]),
        ("Savoir-faire", [("Tonte et débroussaillage", "Acquis")]),
    ]
    assert certificate.first_day == date(2026, 1, 5) and certificate.last_day is None
    assert [job.label for job in certificate.jobs] == ["Agent d'entretien des espaces verts"]
    assert certificate.supervisor_name == "Paul Girard"


def test_no_certificate_without_a_contract(person):
    assert selectors.certificate(person, today=date(2026, 6, 15)) is None


def test_latest_evaluation_on_a_day(grid, supervisor, contract):
    base = {"actor": supervisor, "person": contract.person, "grid": grid, "evaluator": supervisor}
    first = services.evaluation_create(**base, evaluated_on=date(2026, 2, 2), levels=levels(grid, 3, 3, 3, 3))
    second = services.evaluation_create(**base, evaluated_on=date(2026, 5, 4), levels=levels(grid, 3, 3, 3, 3))
    assert selectors.latest_evaluation(contract.person) == second
    assert selectors.latest_evaluation(contract.person, on=date(2026, 5, 3)) == first
    assert selectors.latest_evaluation(contract.person, on=date(2026, 2, 1)) is None
