"""Writes on grids and evaluations, with the rules of rules.py."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from . import rules
from .enums import CriterionGroup
from .models import SkillCriterion, SkillEvaluation, SkillGrid, SkillRating


def rome_job_from_code(code: str, *, field: str = "rome_code") -> RomeJob | None:
    code = (code or "").strip().upper()
    if not code:
        return None
    job = RomeJob.objects.filter(code=code).first()
    if job is None:
        raise_if(field, rules.UNKNOWN_ROME_CODE.format(code=code))
    return job


def _check_criteria(soft_criteria: list[str], trade_criteria: list[str]) -> None:
    if not soft_criteria and not trade_criteria:
        raise_if("soft_criteria", rules.GRID_NO_CRITERIA)
    raise_if("soft_criteria", rules.duplicate_label(soft_criteria))
    raise_if("trade_criteria", rules.duplicate_label(trade_criteria))


def _sync_criteria(grid: SkillGrid, group: str, labels: list[str]) -> None:
    """The lines of a group become `labels`, in that order: a known label keeps its criterion
    (and its ratings), a new one is added, a dropped one is withdrawn if it was rated, else deleted."""
    existing = {c.label.casefold(): c for c in grid.criteria.filter(group=group)}
    kept = set()
    for order, label in enumerate(labels, start=1):
        criterion = existing.get(label.casefold())
        if criterion is None:
            criterion = SkillCriterion(grid=grid, group=group)
        criterion.label, criterion.order, criterion.is_active = label, order, True
        criterion.full_clean(exclude=["grid"])
        criterion.save()
        kept.add(criterion.pk)
    for criterion in existing.values():
        if criterion.pk in kept:
            continue
        if criterion.ratings.exists():
            if criterion.is_active:
                criterion.is_active = False
                criterion.save(update_fields=["is_active"])
        else:
            criterion.delete()


@transaction.atomic
def grid_create(
    *,
    actor: User,
    structure: Structure,
    name: str,
    soft_criteria: list[str],
    trade_criteria: list[str],
    rome_code: str = "",
) -> SkillGrid:
    _check_criteria(soft_criteria, trade_criteria)
    grid = SkillGrid(structure=structure, name=name.strip(), rome_job=rome_job_from_code(rome_code), created_by=actor)
    grid.full_clean()
    grid.save()
    _sync_criteria(grid, CriterionGroup.SOFT, soft_criteria)
    _sync_criteria(grid, CriterionGroup.TRADE, trade_criteria)
    return grid


@transaction.atomic
def grid_update(
    *,
    actor: User,
    grid: SkillGrid,
    name: str,
    soft_criteria: list[str],
    trade_criteria: list[str],
    rome_code: str = "",
    is_active: bool = True,
) -> SkillGrid:
    _check_criteria(soft_criteria, trade_criteria)
    grid.name, grid.rome_job, grid.is_active = name.strip(), rome_job_from_code(rome_code), is_active
    grid.full_clean()
    grid.save()
    _sync_criteria(grid, CriterionGroup.SOFT, soft_criteria)
    _sync_criteria(grid, CriterionGroup.TRADE, trade_criteria)
    return grid


def _check_evaluation(
    *, person: Person, grid: SkillGrid, evaluated_on: date, evaluator: User, levels: dict, today: date, new: bool
) -> None:
    from .selectors import team_members

    if grid.structure_id != person.structure_id:
        raise_if("grid", rules.GRID_OTHER_STRUCTURE)
    if new and not grid.is_active:  # an evaluation made on a grid since withdrawn may still be corrected
        raise_if("grid", rules.GRID_INACTIVE.format(name=grid.name))
    periods = [(c.start, c.effective_end) for c in person.contracts.filter(structure_id=person.structure_id)]
    raise_if("evaluated_on", rules.check_evaluation_day(evaluated_on, today=today, periods=periods))
    if not team_members(person.structure).filter(pk=evaluator.pk).exists():
        raise_if("evaluator", rules.EVALUATOR_NOT_IN_TEAM)
    criteria = set(grid.criteria.values_list("pk", flat=True))
    if not set(levels) <= criteria:
        raise_if(None, rules.UNKNOWN_CRITERION)
    if not any(level for level in levels.values()):
        raise_if(None, rules.EVALUATION_EMPTY)


def _save_ratings(evaluation: SkillEvaluation, levels: dict) -> None:
    current = {r.criterion_id: r for r in evaluation.ratings.all()}
    for criterion_id, level in levels.items():
        rating = current.get(criterion_id) or SkillRating(evaluation=evaluation, criterion_id=criterion_id)
        if rating.pk and rating.level == (level or None):
            continue
        rating.level = level or None
        rating.save()


@transaction.atomic
def evaluation_create(
    *,
    actor: User,
    person: Person,
    grid: SkillGrid,
    evaluated_on: date,
    evaluator: User,
    levels: dict[int, int | None],
    comment: str = "",
    today: date | None = None,
) -> SkillEvaluation:
    """`levels`: criterion id -> level (1 to 4), or None for "non évalué"."""
    today = today or timezone.localdate()
    _check_evaluation(
        person=person, grid=grid, evaluated_on=evaluated_on, evaluator=evaluator, levels=levels, today=today, new=True
    )
    evaluation = SkillEvaluation(
        person=person,
        grid=grid,
        evaluated_on=evaluated_on,
        evaluator=evaluator,
        comment=comment.strip(),
        created_by=actor,
    )
    evaluation.full_clean()
    evaluation.save()
    _save_ratings(evaluation, levels)
    return evaluation


@transaction.atomic
def evaluation_update(
    *,
    actor: User,
    evaluation: SkillEvaluation,
    evaluated_on: date,
    evaluator: User,
    levels: dict[int, int | None],
    comment: str = "",
    today: date | None = None,
) -> SkillEvaluation:
    today = today or timezone.localdate()
    _check_evaluation(
        person=evaluation.person,
        grid=evaluation.grid,
        evaluated_on=evaluated_on,
        evaluator=evaluator,
        levels=levels,
        today=today,
        new=False,
    )
    evaluation.evaluated_on, evaluation.evaluator, evaluation.comment = evaluated_on, evaluator, comment.strip()
    evaluation.full_clean()
    evaluation.save()
    _save_ratings(evaluation, levels)
    return evaluation
