"""The record of each import: the file as uploaded (kept, for the history), who, when, its
SHA-256, where it stands, its counts and the report of every row. Writes go through services.py."""

import uuid

from django.conf import settings
from django.db import models

from tremplin.kernel.uploads import AciPath, FileCheck
from tremplin.organisations.models import Structure

from .enums import ImportKind, ImportMode, ImportStatus


def import_path(instance, filename: str) -> str:
    # named by an earlier migration; the field now stores with kernel.uploads.AciPath
    """Stored under a random name: the original one often names people, it stays in the database."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"imports/{instance.structure_id}/{uuid.uuid4().hex}.{extension}"


class ImportBatch(models.Model):
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="import_batches", verbose_name="ACI"
    )
    kind = models.CharField("type d'import", max_length=20, choices=ImportKind)
    file = models.FileField(
        "fichier", upload_to=AciPath("imports", "structure_id"), validators=[FileCheck((".csv", ".xlsx"))]
    )
    original_name = models.CharField("nom du fichier", max_length=255)
    sha256 = models.CharField("empreinte SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="déposé par"
    )
    created_at = models.DateTimeField("déposé le", auto_now_add=True)
    status = models.CharField("état", max_length=10, choices=ImportStatus, default=ImportStatus.ANALYSING)
    mode = models.CharField("mode", max_length=20, choices=ImportMode, default=ImportMode.ALL_OR_NOTHING)
    total_rows = models.PositiveIntegerField("lignes du fichier", default=0)
    rows_done = models.PositiveIntegerField("lignes traitées", default=0)
    created_count = models.PositiveIntegerField("créations", default=0)
    updated_count = models.PositiveIntegerField("mises à jour", default=0)
    unchanged_count = models.PositiveIntegerField("inchangées", default=0)
    error_count = models.PositiveIntegerField("erreurs", default=0)
    report = models.JSONField("compte rendu par ligne", default=list, blank=True)
    notes = models.JSONField("remarques sur le fichier", default=list, blank=True)
    error = models.CharField("erreur", max_length=500, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="importé par",
    )
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "import de fichier"
        verbose_name_plural = "imports de fichiers"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["structure", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rows_done__lte=models.F("total_rows")),
                name="import_batch_progress_within_total",
                violation_error_message="Un import ne peut avoir traité plus de lignes que son fichier n'en compte.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ImportKind.values),
                name="import_batch_kind_known",
                violation_error_message="Type d'import inconnu.",
            ),
        ]

    def __str__(self) -> str:
        return f"Import de « {self.original_name} » du {self.created_at:%d/%m/%Y}"

    @property
    def progress(self) -> int:
        """Percentage of the rows processed (for the progress bar)."""
        return 100 * self.rows_done // self.total_rows if self.total_rows else 0

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "organisation_id": None}
