"""Reads on organisations, ACI and production supports (lists start from the scope)."""

from django.db.models import Q, QuerySet

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.accounts.scope import Scope

from .access import production_supports_in_scope
from .models import ProductionSupport, Structure


def production_support_list(
    scope: Scope, *, kind: str | None = None, year: int | None = None
) -> QuerySet[ProductionSupport]:
    """The production supports of the current ACI; with `year`, those whose planned period
    meets that year (the chantiers done that year)."""
    supports = production_supports_in_scope(scope).filter(structure=scope.structure)
    if kind:
        supports = supports.filter(kind=kind)
    if year:
        supports = supports.filter(planned_start__year__lte=year).filter(
            Q(planned_end__isnull=True) | Q(planned_end__year__gte=year)
        )
    return supports.select_related("supervisor").order_by("kind", "name")


def worksites_by_year(scope: Scope) -> list[tuple[int, int]]:
    """How many chantiers started each year in the current ACI, latest year first."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    rows = (
        production_supports_in_scope(scope)
        .filter(structure=scope.structure, kind="worksite", planned_start__isnull=False)
        .annotate(year=ExtractYear("planned_start"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    return [(row["year"], row["count"]) for row in rows]


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
