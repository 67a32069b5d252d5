"""Who may read and write the committees, from the acting scope. The director writes; the
counsellor and the administrative staff read. The file of a comité de suivi names the
beneficiaries: direction and counsellors only. Supervisors and external roles (a funder may sit
on a committee, but receives its file by mail) get 404."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import Committee, CommitteeDecision

READ_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})
WRITE_ROLES = frozenset({Role.DIRECTOR})
NAMED_FILE_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})


def committees_in_scope(scope: Scope) -> QuerySet[Committee]:
    if scope.role not in READ_ROLES:
        return Committee.objects.none()
    return Committee.objects.filter(structure_id__in=scope.structure_ids)


def get_committee_or_404(scope: Scope, pk: int) -> Committee:
    return get_object_or_404(committees_in_scope(scope).select_related("structure", "convention"), pk=pk)


def get_decision_or_404(scope: Scope, pk: int) -> CommitteeDecision:
    return get_object_or_404(
        CommitteeDecision.objects.filter(committee__in=committees_in_scope(scope)).select_related("committee"), pk=pk
    )


def can_write(scope: Scope) -> bool:
    return scope.role in WRITE_ROLES


def can_read_file(scope: Scope, committee: Committee) -> bool:
    """The anonymised file of a comité de pilotage: every reader; the named file of a comité de
    suivi: direction and counsellors."""
    if committee.is_named:
        return scope.role in NAMED_FILE_ROLES
    return scope.role in READ_ROLES
