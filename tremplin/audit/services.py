"""Writes of the audit app: the log of sensitive reads (the change trail is django-auditlog's)."""

from datetime import timedelta

from django.utils import timezone

from .models import SensitiveRead

# CNIL 2021-122: keep the access logs 6 months to 1 year.
SENSITIVE_READ_RETENTION = timedelta(days=365)


def sensitive_read_record(*, scope, person, records, label) -> int:
    """Log that the acting user has just been shown `records` (sensitive rows of `person`):
    one line per record. `label(record)` names the record without its content. Call it from the
    selector or view that hands the sensitive records to a page or a file, after the access
    check, with exactly what is shown."""
    rows = [
        SensitiveRead(
            reader=scope.user,
            reader_role=scope.role or "",
            structure_id=person.structure_id,
            person=person,
            record_type=record._meta.label,
            record_id=record.pk,
            label=label(record)[:200],
        )
        for record in records
    ]
    SensitiveRead.objects.bulk_create(rows)
    return len(rows)


def sensitive_reads_purge(*, now=None) -> int:
    """Delete the reads older than the retention period (run by `manage.py purge_sensitive_reads`)."""
    now = now or timezone.now()
    deleted, _ = SensitiveRead.objects.filter(read_at__lt=now - SENSITIVE_READ_RETENTION).delete()
    return deleted
