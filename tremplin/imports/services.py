"""Writes of the imports: a file recorded with its header checked, its dry run (the preview),
then its application, in one transaction each.

The preview *is* the import, rolled back: every row goes through the same services as when it
is applied (person_create and its duplicate check, referral_create and the workflow,
timesheet_record and the 10 h / 48 h limits, contract bounds and locked months), each row in its
own savepoint, so that a refused row leaves the others. The preview's counts are therefore what
the import will do, unless the data changed in between: an all-or-nothing import that meets an
error then imports nothing.

Files of more than rules.BACKGROUND_ROWS rows are analysed and applied by a background task
(tasks.py); the page polls the progress."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os

from auditlog.context import disable_auditlog, set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.organisations.models import Structure

from .enums import ImportKind, ImportMode, ImportStatus, RowStatus
from .importers import IMPORTERS
from .models import ImportBatch
from .parsing import FILE_NO_ROWS, RowReader, match_columns, read_table
from .rules import BACKGROUND_ROWS

logger = logging.getLogger(__name__)

FILE_TOO_LARGE = "Le fichier dépasse {size} Mo : découpez-le en plusieurs fichiers."
KIND_UNKNOWN = "Choisissez le type de fichier à importer."
NIR_NOT_ALLOWED = (
    "Le NIR ne s'importe que par la direction ou les RH : retirez la colonne « NIR » du fichier, ou demandez-leur "
    "de l'importer."
)
NOT_PREVIEWED = "Cet import n'en est plus à l'aperçu (« {status} ») : il ne peut pas être lancé à nouveau."
HAS_ERRORS = (
    "Le fichier a {count} ligne(s) en erreur : corrigez-le et déposez-le à nouveau, ou cochez « Importer "
    "seulement les lignes valides »."
)
NOTHING_VALID = "Aucune ligne du fichier n'est valide : il n'y a rien à importer."
CHANGED_SINCE_PREVIEW = (
    "Des lignes sont en erreur (les données ont changé depuis l'aperçu) : rien n'a été importé. Voyez les erreurs "
    "ci-dessous, puis déposez le fichier à nouveau."
)
FAILED = (
    "L'import n'a pas pu aboutir à cause d'une erreur inattendue : rien n'a été importé. L'équipe technique est "
    "prévenue."
)
PROGRESS_EVERY = 100


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _check_header(kind: str, content: bytes, *, may_import_nir: bool) -> int:
    """Read the file and its header (as the run will); return its number of rows."""
    table = read_table(content)
    importer = IMPORTERS[kind]
    positions = match_columns(table.headers, importer.columns)
    importer.check_columns(positions)
    if not table.rows:
        raise ValidationError(FILE_NO_ROWS)
    if kind == ImportKind.PEOPLE_REFERRALS and "nir" in positions and not may_import_nir:
        raise ValidationError(NIR_NOT_ALLOWED)
    return len(table.rows)


@transaction.atomic
def batch_create(*, actor: User, structure: Structure, kind: str, upload, may_import_nir: bool = False) -> ImportBatch:
    """Record an uploaded file (kept, with its SHA-256) once its header is read: a file that
    cannot be read, or lacks a required column, is refused with a French message naming it."""
    if kind not in ImportKind.values:
        raise_if("kind", KIND_UNKNOWN)
    max_bytes = settings.TREMPLIN_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise_if("file", FILE_TOO_LARGE.format(size=max_bytes // (1024 * 1024)))
    content = upload.read()
    try:
        total = _check_header(kind, content, may_import_nir=may_import_nir)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    original_name = os.path.basename(upload.name)[:255]
    batch = ImportBatch(
        structure=structure,
        kind=kind,
        original_name=original_name,
        sha256=sha256(content),
        uploaded_by=actor,
        total_rows=total,
        status=ImportStatus.ANALYSING,
    )
    batch.file.save(original_name, ContentFile(content), save=False)
    batch.full_clean()
    batch.save()
    return batch


def batch_upload(*, actor: User, structure: Structure, kind: str, upload, may_import_nir: bool = False) -> ImportBatch:
    """Record the file, then its preview: at once for a small file, in the background for a
    large one (the page shows the progress). Not atomic itself: the record is committed first,
    so that the background task finds it."""
    batch = batch_create(actor=actor, structure=structure, kind=kind, upload=upload, may_import_nir=may_import_nir)
    _start(batch, write=False)
    batch.refresh_from_db()
    return batch


@transaction.atomic
def _claim(*, actor: User, batch: ImportBatch, valid_rows_only: bool) -> ImportBatch:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.PREVIEWED:
        raise_if(None, NOT_PREVIEWED.format(status=batch.get_status_display()))
    if batch.error_count and not valid_rows_only:
        raise_if(None, HAS_ERRORS.format(count=batch.error_count))
    if batch.error_count >= batch.total_rows:
        raise_if(None, NOTHING_VALID)
    batch.status = ImportStatus.QUEUED
    batch.mode = ImportMode.VALID_ROWS_ONLY if valid_rows_only else ImportMode.ALL_OR_NOTHING
    batch.applied_by = actor
    batch.rows_done = 0
    batch.save(update_fields=["status", "mode", "applied_by", "rows_done"])
    return batch


def batch_apply(*, actor: User, batch: ImportBatch, valid_rows_only: bool = False) -> ImportBatch:
    """Import a previewed file: all or nothing (refused while the preview shows errors), or only
    its valid rows when the user chose so. In one transaction; at once for a small file, in the
    background for a large one. Not atomic itself: the claim is committed before the run."""
    batch = _claim(actor=actor, batch=batch, valid_rows_only=valid_rows_only)
    _start(batch, write=True)
    batch.refresh_from_db()
    return batch


def _start(batch: ImportBatch, *, write: bool) -> None:
    from .tasks import analyse_import, apply_import

    if batch.total_rows > BACKGROUND_ROWS:
        (apply_import if write else analyse_import).enqueue(batch.pk)
    else:
        batch_run(batch_id=batch.pk, write=write)


class _Progress:
    """Rows done, written where the page can read them while the run's transaction is open: on
    PostgreSQL through a second connection (autocommit); SQLite has one writer at a time, so
    there the count moves only at the end."""

    def __init__(self, batch_id: int):
        self.batch_id, self.side = batch_id, None
        if connection.vendor == "postgresql":
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, done: int) -> None:
        if self.side is None:
            return
        try:
            with self.side.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
                cursor.execute(
                    f'UPDATE "{ImportBatch._meta.db_table}" SET rows_done = %s WHERE id = %s', [done, self.batch_id]
                )
        except DatabaseError:
            logger.warning("Avancement de l'import %s non enregistré", self.batch_id, exc_info=True)
            self.close()

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None


def _run(batch: ImportBatch, *, actor: User, write: bool, valid_rows_only: bool, progress) -> list[dict]:
    importer = IMPORTERS[batch.kind]
    batch.file.open("rb")
    try:
        content = batch.file.read()
    finally:
        batch.file.close()
    table = read_table(content)
    positions = match_columns(table.headers, importer.columns)
    importer.check_columns(positions)
    labels = {c.key: c.label for c in importer.columns}
    report = []
    with transaction.atomic():
        context = importer.start(structure=batch.structure, actor=actor)
        for index, (line, cells) in enumerate(table.rows, start=1):
            row = RowReader(cells, positions, labels)
            intent = importer.validate(row)
            entry = {"line": line, "status": RowStatus.ERROR.value, "messages": [], "notes": []}
            if intent is None:
                entry["label"] = " ".join(row.text(k) for k in ("last_name", "first_name") if row.has(k)).strip()
                entry["messages"] = [[label, m] for label, messages in row.errors.items() for m in messages]
            else:
                entry["label"] = importer.label(intent)
                try:
                    with transaction.atomic():
                        outcome = importer.apply(intent, context)
                except ValidationError as error:
                    context.row_failed()
                    entry["messages"] = importer.error_messages(error)
                else:
                    context.row_done()
                    entry["status"], entry["notes"] = outcome.status.value, outcome.notes
            report.append(entry)
            if index % PROGRESS_EVERY == 0:
                progress(index)
        errors = sum(1 for entry in report if entry["status"] == RowStatus.ERROR)
        if not write or (errors and not valid_rows_only):
            transaction.set_rollback(True)
    return report


def _counts(report: list[dict]) -> dict:
    counts = dict.fromkeys(RowStatus.values, 0)
    for entry in report:
        counts[entry["status"]] += 1
    return {
        "created_count": counts[RowStatus.CREATED],
        "updated_count": counts[RowStatus.UPDATED],
        "unchanged_count": counts[RowStatus.UNCHANGED],
        "error_count": counts[RowStatus.ERROR],
    }


def batch_run(*, batch_id: int, write: bool) -> None:
    """The preview (`write=False`: analysing -> previewed) or the import (queued -> running ->
    applied, or failed when an all-or-nothing import meets an error: nothing is kept). Run by the
    request for a small file, by the worker for a large one."""
    expected = ImportStatus.QUEUED if write else ImportStatus.ANALYSING
    started = ImportStatus.RUNNING if write else ImportStatus.ANALYSING
    if not ImportBatch.objects.filter(pk=batch_id, status=expected).update(status=started, rows_done=0):
        return  # already taken by another worker, or not at this step
    batch = ImportBatch.objects.select_related("structure__organisation", "uploaded_by", "applied_by").get(pk=batch_id)
    actor = batch.applied_by if write else batch.uploaded_by
    valid_rows_only = batch.mode == ImportMode.VALID_ROWS_ONLY
    progress = _Progress(batch.pk)
    try:
        # A preview is rolled back: its audit entries would be too, so none are written.
        with set_actor(actor), contextlib.nullcontext() if write else disable_auditlog():
            report = _run(batch, actor=actor, write=write, valid_rows_only=valid_rows_only, progress=progress)
    except ValidationError as error:  # the file changed in the storage since its upload
        _finish(batch_id, status=ImportStatus.FAILED, error=" ".join(error.messages)[:500])
        return
    except Exception:
        logger.exception("Échec de l'import %s", batch_id)
        _finish(batch_id, status=ImportStatus.FAILED, error=FAILED)
        raise
    finally:
        progress.close()
    counts = _counts(report)
    if not write:
        status, error = ImportStatus.PREVIEWED, ""
    elif counts["error_count"] and not valid_rows_only:
        status, error = ImportStatus.FAILED, CHANGED_SINCE_PREVIEW
    else:
        status, error = ImportStatus.APPLIED, ""
    _finish(batch_id, status=status, error=error, report=report, **counts)


def _finish(batch_id: int, *, status: str, error: str = "", **fields) -> None:
    total = ImportBatch.objects.filter(pk=batch_id).values_list("total_rows", flat=True).first() or 0
    finished_at = timezone.now() if status in (ImportStatus.APPLIED, ImportStatus.FAILED) else None
    ImportBatch.objects.filter(pk=batch_id).update(
        status=status, error=error, rows_done=total, finished_at=finished_at, **fields
    )
