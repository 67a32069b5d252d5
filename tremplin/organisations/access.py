"""Access to organisations, ACI and production supports, always from the acting scope."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import ProductionSupport, Structure


def structures_in_scope(scope: Scope) -> QuerySet[Structure]:
    return Structure.objects.filter(pk__in=scope.structure_ids)


def production_supports_in_scope(scope: Scope) -> QuerySet[ProductionSupport]:
    """Production supports are staff data: external roles (prescriber, funder) see none."""
    if not scope.is_structure_staff:
        return ProductionSupport.objects.none()
    return ProductionSupport.objects.filter(structure_id__in=scope.structure_ids)


def get_structure_or_404(scope: Scope, pk: int) -> Structure:
    return get_object_or_404(structures_in_scope(scope).select_related("organisation"), pk=pk)


def get_production_support_or_404(scope: Scope, pk: int) -> ProductionSupport:
    return get_object_or_404(production_supports_in_scope(scope).select_related("structure", "supervisor"), pk=pk)


def can_edit_structure(scope: Scope) -> bool:
    """The ACI's own page (SIRET, address, convention reference) is changed by its direction."""
    return scope.has_role(Role.DIRECTOR)


TEMPLATE_PREDICATES = {"edit_structure": can_edit_structure}
