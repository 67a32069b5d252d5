"""Who may read and write the conventions, annexes and grants, from the acting scope. The figures
of a convention hold no personal data: the funder role reads them too."""

from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import Convention, FinancialAnnex, Grant
from .selectors import annexes_in_scope, conventions_in_scope, grants_in_scope

READ_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER})
WRITE_ROLES = frozenset({Role.DIRECTOR})


def can_write(scope: Scope) -> bool:
    return scope.role in WRITE_ROLES


def get_convention_or_404(scope: Scope, pk: int) -> Convention:
    return get_object_or_404(conventions_in_scope(scope).select_related("structure"), pk=pk)


def get_annex_or_404(scope: Scope, pk: int) -> FinancialAnnex:
    return get_object_or_404(
        annexes_in_scope(scope).select_related("convention", "structure").prefetch_related("amendments"), pk=pk
    )


def get_grant_or_404(scope: Scope, pk: int) -> Grant:
    return get_object_or_404(grants_in_scope(scope), pk=pk)
