"""Who may see and change people, always from the acting scope."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import Person, PersonDocument

EDITOR_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})
NIR_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})


def people_in_scope(scope: Scope) -> QuerySet[Person]:
    """Staff of the ACI see its people; prescribers and funders never reach a person record."""
    if not scope.is_structure_staff:
        return Person.objects.none()
    return Person.objects.filter(structure_id__in=scope.structure_ids)


def get_person_or_404(scope: Scope, pk: int) -> Person:
    return get_object_or_404(people_in_scope(scope).select_related("structure", "counsellor"), pk=pk)


def get_document_or_404(scope: Scope, pk: int) -> PersonDocument:
    return get_object_or_404(
        PersonDocument.objects.filter(person__in=people_in_scope(scope)).select_related("person"), pk=pk
    )


def can_edit_people(scope: Scope) -> bool:
    return scope.role in EDITOR_ROLES


def can_see_nir(scope: Scope) -> bool:
    """The NIR serves payroll and ASP declarations only: direction and HR (CNIL)."""
    return scope.role in NIR_ROLES
