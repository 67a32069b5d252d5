"""Who may import what, from the acting scope: the direction and HR import every kind of file;
a counsellor imports people and referrals (Tremplin's template, les emplois' export), not hours.
The director sees every import of the ACI; HR and counsellors see their own (a report names people
and their prescribers, some of which reveal justice or health matters). Anyone else gets a 404."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import can_see_nir

from .enums import ImportKind
from .models import ImportBatch

KINDS_BY_ROLE = {
    Role.DIRECTOR: tuple(ImportKind),
    Role.ADMIN_STAFF: tuple(ImportKind),
    Role.COUNSELLOR: (ImportKind.PEOPLE_REFERRALS, ImportKind.LES_EMPLOIS),
}
IMPORT_ROLES = frozenset(KINDS_BY_ROLE)


def import_kinds(scope: Scope) -> tuple[ImportKind, ...]:
    return KINDS_BY_ROLE.get(scope.role, ())


def batches_in_scope(scope: Scope) -> QuerySet[ImportBatch]:
    kinds = import_kinds(scope)
    if not kinds:
        return ImportBatch.objects.none()
    batches = ImportBatch.objects.filter(structure_id__in=scope.structure_ids, kind__in=kinds)
    if scope.role != Role.DIRECTOR:
        batches = batches.filter(uploaded_by=scope.user)
    return batches


def get_batch_or_404(scope: Scope, pk: int) -> ImportBatch:
    return get_object_or_404(batches_in_scope(scope).select_related("structure", "uploaded_by", "applied_by"), pk=pk)


def may_import_nir(scope: Scope) -> bool:
    """The NIR serves payroll and ASP declarations: only those who may read it may import it."""
    return can_see_nir(scope)
