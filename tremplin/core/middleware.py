from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

STARTED_KEY = "tremplin_session_started"
ACTIVITY_KEY = "tremplin_last_activity"
# Save the activity time at most once a minute, not on every request.
ACTIVITY_RESOLUTION = 60


class SessionTimeoutMiddleware:
    """Ends a session after 30 minutes without activity, and 12 hours after login in any case."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            session = request.session
            started = session.get(STARTED_KEY)
            last = session.get(ACTIVITY_KEY)
            if started is None:
                session[STARTED_KEY] = started = now
            idle = settings.TREMPLIN_SESSION_IDLE_TIMEOUT.total_seconds()
            absolute = settings.TREMPLIN_SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            if (last is not None and now - last > idle) or now - started > absolute:
                logout(request)
                login_url = reverse(settings.LOGIN_URL) + "?session=expiree"
                if request.headers.get("HX-Request") == "true":
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = login_url
                    return response
                return redirect(login_url)
            if last is None or now - last >= ACTIVITY_RESOLUTION:
                session[ACTIVITY_KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """Every page, export, PDF and API answer of Tremplin holds case data: no browser, proxy or
    shared computer keeps a copy (`Cache-Control: no-store`, CNIL 2022-100 / ASVS 8.2.1). The static
    files are served before this (whitenoise) and stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store, private, max-age=0"
        response.setdefault("Pragma", "no-cache")
        return response
