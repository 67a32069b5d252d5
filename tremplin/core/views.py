from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from tremplin.accounts.access import require_roles
from tremplin.accounts.enums import Role
from tremplin.kernel.query import BadQuery

from .alerts import alerts_for
from .selectors import home_context

HOME_TEMPLATES = {
    Role.DIRECTOR: "core/home/director.html",
    Role.COUNSELLOR: "core/home/counsellor.html",
    Role.SUPERVISOR: "core/home/supervisor.html",
    Role.ADMIN_STAFF: "core/home/admin_staff.html",
    Role.PRESCRIBER: "core/home/prescriber.html",
    Role.FUNDER: "core/home/funder.html",
}


ALERT_ROLES = (Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF)


def home(request):
    scope = request.scope
    template = HOME_TEMPLATES.get(scope.role, "core/home/no_role.html")
    context = home_context(scope)
    if scope.role in ALERT_ROLES:
        context["alerts"] = alerts_for(scope, today=timezone.localdate())
    return render(request, template, context)


@require_roles(*ALERT_ROLES)
def alerts(request):
    return render(request, "core/alerts.html", {"alerts": alerts_for(request.scope, today=timezone.localdate())})


@login_not_required
@never_cache
def health(request):
    """Liveness probe for the load balancer; says nothing about the data."""
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_400(request, exception=None):
    """A request that cannot be read; a BadQuery names the parameter and what is expected."""
    message = str(exception) if isinstance(exception, BadQuery) else ""
    return render(request, "400.html", {"message": message}, status=400)
