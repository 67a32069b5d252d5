"""Who may read and write the reviews. The counsellor and the director write and read the whole
review; the technical supervisor reads it without the obstacles and writes its technical part;
admin_staff and external roles never reach it (404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import Review

READ_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR})
WRITE_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
TECHNICAL_ROLES = frozenset({Role.SUPERVISOR})


def can_read(scope: Scope) -> bool:
    return scope.role in READ_ROLES


def can_write(scope: Scope) -> bool:
    return scope.role in WRITE_ROLES


def can_write_technical(scope: Scope) -> bool:
    return scope.role in TECHNICAL_ROLES


def can_see_obstacles(scope: Scope) -> bool:
    """The obstacles (freins) belong to the social support: not for the technical supervisor."""
    return scope.role in WRITE_ROLES


def reviews_in_scope(scope: Scope) -> QuerySet[Review]:
    if not can_read(scope):
        return Review.objects.none()
    return Review.objects.filter(person__structure_id__in=scope.structure_ids)


def get_review_or_404(scope: Scope, pk: int) -> Review:
    return get_object_or_404(
        reviews_in_scope(scope)
        .select_related("person__structure", "signed_by", "technical_signed_by", "created_by")
        .prefetch_related("target_jobs"),
        pk=pk,
    )
