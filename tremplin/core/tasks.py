"""Background tasks (django.tasks; `manage.py db_worker` runs them with django-tasks-db)."""

from importlib import import_module

from django.conf import settings
from django.tasks import task


@task
def clear_expired_sessions() -> None:
    """Delete expired sessions from the session store (personal data is not kept longer than needed)."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
