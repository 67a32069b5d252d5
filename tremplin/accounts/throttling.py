"""Progressive throttling of failed logins (django-axes settings point here).

After AXES_FAILURE_LIMIT failures for one (email, IP) pair, that pair waits 1 minute, then 2,
4, 8... up to 1 hour: slow for a password-guessing robot, never a permanent lockout, and an
attacker from another address cannot lock a staff member out."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings

MAX_COOLOFF = timedelta(hours=1)


def attempted_email(request, credentials) -> str:
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login") or ""
    if not value and request is not None:
        value = request.POST.get("login", "")
    return value.strip().lower()


def cooloff_for_failures(failures: int) -> timedelta:
    over = max(failures - settings.AXES_FAILURE_LIMIT, 0)
    return min(timedelta(minutes=2**over), MAX_COOLOFF)


def cooloff_time(request) -> timedelta:
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None and request is not None:
        attempt = (
            AccessAttempt.objects.filter(ip_address=getattr(request, "axes_ip_address", None))
            .order_by("-attempt_time")
            .first()
        )
        failures = attempt.failures_since_start if attempt else 0
    return cooloff_for_failures(failures or 0)
