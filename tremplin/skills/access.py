"""Who may read and write grids and evaluations, from the acting scope. The staff of the ACI
read them (admin_staff read only); external roles never reach them (404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import STAFF_ROLES, Role
from tremplin.accounts.scope import Scope

from .models import SkillEvaluation, SkillGrid

READ_ROLES = frozenset(STAFF_ROLES)
EVALUATE_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR})
GRID_WRITE_ROLES = frozenset({Role.DIRECTOR, Role.SUPERVISOR})


def can_read(scope: Scope) -> bool:
    return scope.role in READ_ROLES


def can_evaluate(scope: Scope) -> bool:
    return scope.role in EVALUATE_ROLES


def can_write_grids(scope: Scope) -> bool:
    return scope.role in GRID_WRITE_ROLES


def grids_in_scope(scope: Scope) -> QuerySet[SkillGrid]:
    if not can_read(scope):
        return SkillGrid.objects.none()
    return SkillGrid.objects.filter(structure_id__in=scope.structure_ids)


def evaluations_in_scope(scope: Scope) -> QuerySet[SkillEvaluation]:
    if not can_read(scope):
        return SkillEvaluation.objects.none()
    return SkillEvaluation.objects.filter(person__structure_id__in=scope.structure_ids)


def get_grid_or_404(scope: Scope, pk: int) -> SkillGrid:
    return get_object_or_404(grids_in_scope(scope).prefetch_related("criteria"), pk=pk)


def get_evaluation_or_404(scope: Scope, pk: int) -> SkillEvaluation:
    return get_object_or_404(
        evaluations_in_scope(scope).select_related("person__structure", "grid", "evaluator"), pk=pk
    )
