"""The one model of the top layer: the runs of scheduled jobs (kernel.schedule), so that several
servers running the scheduler enqueue each run once."""

from django.db import models


class ScheduledRun(models.Model):
    job = models.CharField("tâche", max_length=100)
    slot = models.CharField("créneau", max_length=20)  # the day (daily) or the day and hour (hourly)
    enqueued_at = models.DateTimeField("mise en file", auto_now_add=True)
    task_id = models.CharField("identifiant de la tâche", max_length=64, blank=True)

    class Meta:
        verbose_name = "exécution planifiée"
        verbose_name_plural = "exécutions planifiées"
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot")]
        ordering = ["-enqueued_at"]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
