"""Who may see and change contracts, derogations and exits, from the acting scope."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import people_in_scope

from .models import Amendment, Contract, Derogation, Exit, FollowUp, Suspension

MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})


def contracts_in_scope(scope: Scope) -> QuerySet[Contract]:
    return Contract.objects.filter(person__in=people_in_scope(scope))


def amendments_in_scope(scope: Scope) -> QuerySet[Amendment]:
    return Amendment.objects.filter(contract__in=contracts_in_scope(scope))


def suspensions_in_scope(scope: Scope) -> QuerySet[Suspension]:
    return Suspension.objects.filter(contract__in=contracts_in_scope(scope))


def exits_in_scope(scope: Scope) -> QuerySet[Exit]:
    return Exit.objects.filter(contract__in=contracts_in_scope(scope))


def derogations_in_scope(scope: Scope) -> QuerySet[Derogation]:
    """The derogations of the people of the current ACI, and the ACI's collective ones."""
    people = people_in_scope(scope).filter(structure=scope.structure)
    return Derogation.objects.filter(Q(person__in=people) | Q(person__isnull=True, structure=scope.structure))


def get_contract_or_404(scope: Scope, pk: int) -> Contract:
    return get_object_or_404(contracts_in_scope(scope).select_related("person__structure"), pk=pk)


def get_follow_up_or_404(scope: Scope, pk: int) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.filter(exit__person__in=people_in_scope(scope)).select_related("exit__person"), pk=pk
    )


def can_manage_contracts(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES


TEMPLATE_PREDICATES = {"manage_contracts": can_manage_contracts}
