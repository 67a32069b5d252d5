"""Reads of the imports: the history of the ACI, and the parts of a batch's report the preview
shows."""

from django.db.models import QuerySet

from tremplin.accounts.scope import Scope

from .access import batches_in_scope
from .enums import ImportStatus, RowStatus
from .models import ImportBatch

PREVIEW_ROWS = 50


def import_history(scope: Scope) -> QuerySet[ImportBatch]:
    """The imports of the current ACI that the viewer may see, newest first, without their
    (large) row reports."""
    return (
        batches_in_scope(scope)
        .filter(structure=scope.structure)
        .select_related("uploaded_by", "applied_by")
        .defer("report", "notes")
        .order_by("-created_at", "-pk")
    )


def preview_rows(batch: ImportBatch, limit: int = PREVIEW_ROWS) -> list[dict]:
    return batch.report[:limit]


def error_rows(batch: ImportBatch, limit: int = PREVIEW_ROWS) -> list[dict]:
    return [row for row in batch.report if row["status"] == RowStatus.ERROR][:limit]


def earlier_imports_of_same_file(batch: ImportBatch) -> QuerySet[ImportBatch]:
    """The same content (SHA-256) already imported into this ACI: importing it again changes
    nothing, the page says so."""
    return (
        ImportBatch.objects.filter(structure_id=batch.structure_id, sha256=batch.sha256, status=ImportStatus.APPLIED)
        .exclude(pk=batch.pk)
        .defer("report", "notes")
        .order_by("-created_at")
    )
