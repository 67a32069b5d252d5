"""Who may see and change immersions (PMSMP) and host companies, from the acting scope.

The staff of the ACI read them (supervisors and HR included); counsellors and directors write
them. Prescribers and funders never reach them (404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import STAFF_ROLES, Role
from tremplin.accounts.scope import Scope

from .models import HostCompany, Immersion

READER_ROLES = frozenset(STAFF_ROLES)
MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})


def immersions_in_scope(scope: Scope) -> QuerySet[Immersion]:
    if scope.role not in READER_ROLES:
        return Immersion.objects.none()
    return Immersion.objects.filter(structure_id__in=scope.structure_ids, person__structure_id__in=scope.structure_ids)


def get_immersion_or_404(scope: Scope, pk: int) -> Immersion:
    return get_object_or_404(
        immersions_in_scope(scope).select_related(
            "person__structure", "contract", "host", "rome_job", "referent", "renewal_of"
        ),
        pk=pk,
    )


def host_companies_in_scope(scope: Scope) -> QuerySet[HostCompany]:
    if scope.role not in READER_ROLES:
        return HostCompany.objects.none()
    return HostCompany.objects.filter(structure_id__in=scope.structure_ids)


def get_host_company_or_404(scope: Scope, pk: int) -> HostCompany:
    return get_object_or_404(host_companies_in_scope(scope), pk=pk)


def can_read_immersions(scope: Scope) -> bool:
    return scope.role in READER_ROLES


def can_manage_immersions(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES
