"""Writes of the audit app: the log of sensitive reads (the change trail is django-auditlog's)."""

from collections.abc import Sequence
from datetime import timedelta

from auditlog import get_logentry_model
from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled
from auditlog.diff import model_instance_diff
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.utils import timezone

from .models import SensitiveRead

# CNIL 2021-122: keep the access logs 6 months to 1 year.
SENSITIVE_READ_RETENTION = timedelta(days=365)


def audit_created(instances: Sequence) -> int:
    """The audit entries of records created by `bulk_create` (which sends no post_save, so
    django-auditlog writes nothing): the same entry for each as auditlog's own receiver would
    write (its diff with masked fields, repr, additional data, correlation id, and the actor and
    address of the request through auditlog's context), in one insert. Pass the instances with
    their related objects set, so that the string form of each foreign key needs no query."""
    if auditlog_disabled.get() or not instances:
        return 0
    log_entry = get_logentry_model()
    entries = []
    for instance in instances:
        if not auditlog.contains(type(instance)):
            raise ValueError(f"{instance._meta.label} n'est pas un modèle audité.")
        entry = log_entry(
            content_type=ContentType.objects.get_for_model(instance),
            object_pk=str(instance.pk),
            object_id=instance.pk,
            object_repr=str(instance),
            action=log_entry.Action.CREATE,
            changes=model_instance_diff(None, instance, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES),
            serialized_data=log_entry.objects._get_serialized_data_or_none(instance),
            additional_data=instance.get_additional_data() if hasattr(instance, "get_additional_data") else None,
            cid=get_cid(),
        )
        # auditlog's context (actor, remote address) fills an entry on pre_save: send it as save() would.
        pre_save.send(sender=log_entry, instance=entry, raw=False, using="default", update_fields=None)
        entries.append(entry)
    log_entry.objects.bulk_create(entries)
    return len(entries)


def sensitive_read_record(*, scope, person, records, label) -> int:
    """Log that the acting user has just been shown `records` (sensitive rows of `person`):
    one line per record. `label(record)` names the record without its content. Call it from the
    selector or view that hands the sensitive records to a page or a file, after the access
    check, with exactly what is shown. `person=None`: the records are people (a file that holds
    the whole of each one, such as the ACI archive), one line each, in one insert."""
    rows = [
        SensitiveRead(
            reader=scope.user,
            reader_role=scope.role or "",
            structure_id=(person or record).structure_id,
            person=person or record,
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
