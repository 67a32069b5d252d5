"""Reads on the audit trail, always within the acting director's scope."""

from datetime import date, datetime, time

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet
from django.utils import timezone

from tremplin.accounts.access import can_read_audit_trail
from tremplin.accounts.models import User
from tremplin.accounts.scope import Scope


def audit_entries_in_scope(scope: Scope) -> QuerySet[LogEntry]:
    if not can_read_audit_trail(scope):
        return LogEntry.objects.none()
    visible = Q(additional_data__structure_id__in=list(scope.structure_ids))
    if scope.is_organisation_director:
        visible |= Q(
            additional_data__organisation_id=scope.membership.organisation_id,
            additional_data__structure_id=None,
        )
    return LogEntry.objects.filter(visible)


def audit_entry_list(
    scope: Scope,
    *,
    actor: User | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    search: str = "",
    person_id: int | None = None,
) -> QuerySet[LogEntry]:
    entries = audit_entries_in_scope(scope)
    if person_id is not None:
        entries = entries.filter(additional_data__person_id=person_id)
    if actor is not None:
        entries = entries.filter(actor=actor)
    tz = timezone.get_current_timezone()
    if date_from:
        entries = entries.filter(timestamp__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        entries = entries.filter(timestamp__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    if search:
        entries = entries.filter(object_repr__icontains=search)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def audit_actors(scope: Scope) -> QuerySet[User]:
    """The users who may appear in the visible trail, for the filter: those holding a role in the
    ACI of the scope or in their organisation (read from the memberships, not from the trail,
    which grows much faster)."""
    if not can_read_audit_trail(scope):
        return User.objects.none()
    return (
        User.objects.filter(
            Q(memberships__structure_id__in=scope.structure_ids)
            | Q(memberships__organisation__structures__in=scope.structure_ids)
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def sensitive_read_list(scope: Scope, *, person_id: int | None = None, reader: User | None = None):
    """The reads of sensitive data in the ACI of the scope, for a director."""
    from .models import SensitiveRead

    if not can_read_audit_trail(scope):
        return SensitiveRead.objects.none()
    reads = SensitiveRead.objects.filter(structure_id__in=scope.structure_ids)
    if person_id is not None:
        reads = reads.filter(person_id=person_id)
    if reader is not None:
        reads = reads.filter(reader=reader)
    return reads.select_related("reader", "person").order_by("-read_at", "-pk")
