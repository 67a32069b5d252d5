"""Who may see and change contracts, derogations and exits, from the acting scope."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import people_in_scope

from .models import Contract, FollowUp

MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})


def contracts_in_scope(scope: Scope) -> QuerySet[Contract]:
    return Contract.objects.filter(person__in=people_in_scope(scope))


def get_contract_or_404(scope: Scope, pk: int) -> Contract:
    return get_object_or_404(contracts_in_scope(scope).select_related("person__structure"), pk=pk)


def get_follow_up_or_404(scope: Scope, pk: int) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.filter(exit__person__in=people_in_scope(scope)).select_related("exit__person"), pk=pk
    )


def can_manage_contracts(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES
