"""Writes of the top layer: the scheduler's tick (kernel.schedule)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from tremplin.kernel.registry import contributions
from tremplin.kernel.schedule import Job

from .models import ScheduledRun


def scheduled_jobs() -> list[Job]:
    """Every app's `schedule.JOBS`, in the order of INSTALLED_APPS."""
    return [job for jobs in contributions("schedule", "JOBS") for job in jobs]


def scheduler_tick(*, now: datetime | None = None) -> list[str]:
    """Enqueue each job whose slot is due at `now` and not yet recorded; returns the names of the
    jobs enqueued. The unique (job, slot) row is the claim: when two servers tick together, one
    insert wins and the other enqueues nothing."""
    local = timezone.localtime(now or timezone.now())
    enqueued = []
    for job in scheduled_jobs():
        slot = job.slot(local)
        if slot is None or ScheduledRun.objects.filter(job=job.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
                run.task_id = str(job.task.enqueue().id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another server claimed the slot first
        enqueued.append(job.name)
    return enqueued
