from django.conf import settings

from .navigation import navigation_for


def environment(request):
    return {
        "environment": settings.TREMPLIN_ENVIRONMENT,
        "mfa_disabled_banner": not settings.TREMPLIN_MFA_REQUIRED,
    }


def navigation(request):
    """The menu of the signed-in member's role, the current page marked."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"navigation": navigation_for(request.scope, request.path)}
