from django.conf import settings


def environment(request):
    return {
        "environment": settings.TREMPLIN_ENVIRONMENT,
        "mfa_disabled_banner": not settings.TREMPLIN_MFA_REQUIRED,
    }
