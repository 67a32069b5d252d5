from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tremplin.core.tasks import clear_expired_sessions


def make_sessions():
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1))
    Session.objects.create(session_key="b" * 32, session_data="", expire_date=timezone.now() + timedelta(days=1))


def test_task_clears_expired_sessions(db):
    make_sessions()
    clear_expired_sessions.enqueue()  # immediate backend in tests
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_database_backend_and_worker_command_run_the_task():
    from django_tasks_db.models import DBTaskResult

    make_sessions()
    result = clear_expired_sessions.enqueue()
    assert Session.objects.count() == 2  # queued, not run yet
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert Session.objects.count() == 1
