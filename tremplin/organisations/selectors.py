"""Reads on organisations, ACI and production supports (lists start from the scope)."""

from django.db.models import QuerySet

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.accounts.scope import Scope

from .access import production_supports_in_scope
from .models import ProductionSupport, Structure


def production_support_list(scope: Scope, *, kind: str | None = None) -> QuerySet[ProductionSupport]:
    """The production supports of the current ACI."""
    supports = production_supports_in_scope(scope).filter(structure=scope.structure)
    if kind:
        supports = supports.filter(kind=kind)
    return supports.select_related("supervisor").order_by("kind", "name")


def supervised_supports(scope: Scope) -> QuerySet[ProductionSupport]:
    return production_support_list(scope).filter(supervisor=scope.user)


def supervisors_of(structure: Structure) -> QuerySet[User]:
    return User.objects.filter(
        memberships__structure=structure, memberships__role=Role.SUPERVISOR, memberships__is_active=True
    ).order_by("last_name", "first_name")


def structure_team(structure: Structure) -> QuerySet[Membership]:
    """The staff and partners who hold a role in this ACI, or in its whole organisation."""
    from django.db.models import Q

    return (
        Membership.objects.filter(Q(structure=structure) | Q(organisation_id=structure.organisation_id), is_active=True)
        .select_related("user")
        .order_by("role", "user__last_name")
    )
