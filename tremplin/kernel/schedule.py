"""Work that runs on its own at set times (purges, reminders, digests), declared by each app in
its `schedule.py` as `JOBS = [Job(...)]` and started by `manage.py run_scheduler`.

A job's slot names one run (the day for a daily job, the day and hour for an hourly one): every
server may run the scheduler, the first one to record a slot enqueues the task, the others see
the slot taken (core.services.scheduler_tick). A slot missed while no scheduler ran is run at the
next tick of the same day or hour; earlier slots are not caught up (the next one does the work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

DAILY, HOURLY = "daily", "hourly"


@dataclass(frozen=True)
class Job:
    name: str  # stable: it keys the runs already recorded
    task: object  # a django.tasks Task, enqueued without arguments
    every: str = DAILY
    at: time = time(3, 0)  # daily: the local time from which the day's run is due; hourly: its minute

    def slot(self, now: datetime) -> str | None:
        """The slot due at `now` (local time), or None when the day's or hour's time has not come."""
        if self.every == DAILY:
            return now.date().isoformat() if now.time() >= self.at else None
        if self.every == HOURLY:
            return f"{now:%Y-%m-%dT%H}" if now.minute >= self.at.minute else None
        raise ValueError(f"Périodicité inconnue : {self.every}")
