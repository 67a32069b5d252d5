"""Who may see and change training actions and qualification programmes, from the acting scope.
Training actions: the ACI's staff read them (the supervisor too, read-only); direction, the
counsellors and HR write them. Programmes: direction, counsellors and HR. External roles: nothing."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import STAFF_ROLES, Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import people_in_scope

from .models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction

READ_ROLES = frozenset(STAFF_ROLES)
MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})
PROGRAMME_ROLES = MANAGER_ROLES


def can_manage_trainings(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES


def can_see_programmes(scope: Scope) -> bool:
    return scope.role in PROGRAMME_ROLES


def trainings_in_scope(scope: Scope) -> QuerySet[TrainingAction]:
    if scope.role not in READ_ROLES:
        return TrainingAction.objects.none()
    return TrainingAction.objects.filter(person__in=people_in_scope(scope))


def programmes_in_scope(scope: Scope) -> QuerySet[QualificationProgramme]:
    if scope.role not in PROGRAMME_ROLES:
        return QualificationProgramme.objects.none()
    return QualificationProgramme.objects.filter(structure_id__in=scope.structure_ids)


def get_training_or_404(scope: Scope, pk: int) -> TrainingAction:
    return get_object_or_404(trainings_in_scope(scope).select_related("person__structure"), pk=pk)


def get_programme_or_404(scope: Scope, pk: int) -> QualificationProgramme:
    return get_object_or_404(programmes_in_scope(scope).select_related("structure"), pk=pk)


def get_phase_or_404(scope: Scope, pk: int) -> ProgrammePhase:
    return get_object_or_404(
        ProgrammePhase.objects.filter(programme__in=programmes_in_scope(scope)).select_related("programme"), pk=pk
    )


def get_enrolment_or_404(scope: Scope, pk: int) -> Enrolment:
    return get_object_or_404(
        Enrolment.objects.filter(programme__in=programmes_in_scope(scope)).select_related("programme", "person"),
        pk=pk,
    )
