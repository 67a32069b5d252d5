from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .access import user_needs_second_factor
from .scope import SESSION_KEY, Scope, build_scope


def _scope_for(request) -> Scope:
    return build_scope(request.user, request.session.get(SESSION_KEY))


class CurrentMembershipMiddleware:
    """Puts `request.scope`, the acting user's scope, on every request (built lazily)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = SimpleLazyObject(lambda: _scope_for(request))
        return self.get_response(request)


class MfaRequiredMiddleware:
    """A user holding a privileged role (director, admin_staff) without a second factor is
    sent to enrol one before anything else."""

    ALLOWED_PREFIXES = ("/comptes/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.TREMPLIN_MFA_REQUIRED
            and request.user.is_authenticated
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and user_needs_second_factor(request.user)
            and not is_mfa_enabled(request.user)
        ):
            messages.warning(
                request,
                "Votre rôle (direction ou administratif/RH) exige une double authentification : "
                "activez-la pour continuer.",
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
