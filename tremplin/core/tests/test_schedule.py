"""The scheduler: each app's jobs, due from their time, enqueued once per slot whatever the number
of servers ticking (frozen time for every rule)."""

import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tremplin.audit.models import SensitiveRead
from tremplin.core.models import ScheduledRun
from tremplin.core.services import scheduled_jobs, scheduler_tick
from tremplin.kernel.schedule import HOURLY, Job

PARIS = ZoneInfo("Europe/Paris")


def at(hour, minute=0, day=3):
    return datetime(2026, 12, day, hour, minute, tzinfo=PARIS)


def test_a_daily_slot_is_the_day_from_its_time_and_an_hourly_one_the_hour_from_its_minute():
    daily = Job("x", None, at=time(3, 0))
    assert daily.slot(at(2, 59)) is None
    assert daily.slot(at(3, 0)) == daily.slot(at(23, 59)) == "2026-12-03"
    hourly = Job("y", None, every=HOURLY, at=time(0, 15))
    assert hourly.slot(at(10, 14)) is None
    assert hourly.slot(at(10, 15)) == "2026-12-03T10"
    with pytest.raises(ValueError, match="Périodicité inconnue"):
        Job("z", None, every="weekly").slot(at(4))


def test_the_purge_of_sensitive_reads_and_of_expired_sessions_are_scheduled():
    assert {job.name for job in scheduled_jobs()} >= {"clear_expired_sessions", "purge_sensitive_reads"}


def test_each_job_runs_once_a_day_from_its_time(db):
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=at(1) - timedelta(days=1))
    assert scheduler_tick(now=at(2, 59)) == []
    assert scheduler_tick(now=at(3, 0)) == ["clear_expired_sessions"]  # immediate backend: it ran
    assert not Session.objects.exists()
    assert scheduler_tick(now=at(3, 10)) == []
    assert scheduler_tick(now=at(3, 30)) == ["purge_sensitive_reads"]
    assert scheduler_tick(now=at(23, 0)) == []
    # missed since (no scheduler ran on the 4th before 20:00): run at the next tick of the day
    assert scheduler_tick(now=at(20, 0, day=4)) == ["clear_expired_sessions", "purge_sensitive_reads"]
    assert ScheduledRun.objects.count() == 4


def test_the_command_ticks_once(db, capsys):
    call_command("run_scheduler", "--once")
    out = capsys.readouterr().out
    assert "Tâches planifiées : " in out and "purge_sensitive_reads" in out
    slots = set(ScheduledRun.objects.values_list("slot", flat=True))
    assert slots <= {timezone.localdate().isoformat()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need a server database")
@pytest.mark.django_db(transaction=True)
def test_servers_ticking_together_enqueue_each_run_once():
    # 8 threads are 8 servers: each its own connection, all released at once
    SensitiveRead.objects.all().delete()
    barrier, results, errors = threading.Barrier(8), [], []

    def server():
        try:
            barrier.wait()
            results.extend(scheduler_tick(now=at(4)))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=server) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == ["clear_expired_sessions", "purge_sensitive_reads"]
    assert ScheduledRun.objects.count() == 2
