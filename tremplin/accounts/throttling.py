"""Progressive throttling of failed logins (django-axes settings point here).

Every AXES_FAILURE_LIMIT failures of one (email, IP) pair within 24 hours lock that pair out:
1 minute the first time, then 2, 4, 8... up to 1 hour. Slow for a password-guessing robot,
never a permanent lockout, and an attacker from another address cannot lock a staff member out.
Each lockout's end is stored with the attempt (AXES_USE_ATTEMPT_EXPIRATION), and the count comes
from axes' failure log, so no other pair's traffic can shorten or lengthen it."""

from datetime import timedelta

from axes.models import AccessFailureLog
from django.conf import settings
from django.utils import timezone

MAX_COOLOFF = timedelta(hours=1)
WINDOW = timedelta(hours=24)


def attempted_email(request, credentials) -> str:
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login") or ""
    if not value and request is not None:
        value = request.POST.get("login", "")
    return value.strip().lower()


def cooloff_for_failures(failures: int) -> timedelta:
    """The wait after `failures` failures of a pair in 24 hours (the current one included)."""
    limit = settings.AXES_FAILURE_LIMIT
    lockouts_before = max(failures - limit, 0) // limit
    return min(timedelta(minutes=2**lockouts_before), MAX_COOLOFF)


def cooloff_time(request) -> timedelta:
    if request is None:
        return timedelta(minutes=1)
    previous = AccessFailureLog.objects.filter(
        username=attempted_email(request, getattr(request, "axes_credentials", None)),
        ip_address=getattr(request, "axes_ip_address", None) or client_ip(request),
        attempt_time__gte=timezone.now() - WINDOW,
    ).count()
    return cooloff_for_failures(previous + 1)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or, behind TREMPLIN_TRUSTED_PROXIES reverse proxies,
    the address the outermost trusted proxy saw (never a value the client can choose)."""
    proxies = settings.TREMPLIN_TRUSTED_PROXIES
    if proxies:
        forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
