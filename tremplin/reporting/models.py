"""A review produced in the background (an organisation's ACI one by one, with progress), kept
for its requester to download. The review holds aggregated figures only, no personal data."""

from django.conf import settings
from django.db import models

from tremplin.kernel.uploads import MEGABYTE, AciPath, FileCheck
from tremplin.organisations.models import Structure


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "En attente"
    RUNNING = "running", "En cours"
    DONE = "done", "Prêt"
    FAILED = "failed", "Échec"


class ReportFormat(models.TextChoices):
    XLSX = "xlsx", "Classeur XLSX"
    PDF = "pdf", "Document PDF"


class ReportRequest(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="demandé par"
    )
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="+", verbose_name="ACI du contexte")
    structures = models.ManyToManyField(Structure, related_name="+", verbose_name="ACI du bilan")
    start = models.DateField("début")
    end = models.DateField("fin")
    file_format = models.CharField("format", max_length=4, choices=ReportFormat)
    status = models.CharField("état", max_length=10, choices=ReportStatus, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("avancement (%)", default=0)
    step = models.CharField("étape", max_length=200, blank=True)
    error = models.CharField("erreur", max_length=500, blank=True)
    file = models.FileField(
        "fichier",
        upload_to=AciPath("reports", "structure_id"),
        validators=[FileCheck((".xlsx", ".pdf", ".csv"), max_bytes=100 * MEGABYTE)],
        blank=True,
    )
    filename = models.CharField("nom du fichier", max_length=200, blank=True)
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "bilan en arrière-plan"
        verbose_name_plural = "bilans en arrière-plan"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"Bilan du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y} ({self.get_status_display()})"
