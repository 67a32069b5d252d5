"""Who may do what, as plain functions of the scope. Denials answer 404 (never 403): a page or
a record outside the scope must not even reveal that it exists."""

from __future__ import annotations

from functools import wraps

from django.http import Http404

from .enums import MFA_ROLES, STAFF_ROLES, Role
from .models import User
from .scope import Scope

NOT_FOUND = "Page introuvable."


def require_roles(*roles: Role):
    """View decorator: the current context must hold one of `roles`, else 404."""

    allowed = frozenset(roles)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.scope.role not in allowed:
                raise Http404(NOT_FOUND)
            return view(request, *args, **kwargs)

        wrapper.tremplin_roles = allowed
        return wrapper

    return decorator


def require_staff(view):
    return require_roles(*STAFF_ROLES)(view)


def can_read_audit_trail(scope: Scope) -> bool:
    return scope.has_role(Role.DIRECTOR)


def can_manage_production_supports(scope: Scope) -> bool:
    return scope.has_role(Role.DIRECTOR)


def user_needs_second_factor(user: User) -> bool:
    """Director and admin_staff roles, and technical administrators (Django admin), need a second factor."""
    if user.is_staff or user.is_superuser:
        return True
    return user.memberships.filter(is_active=True, role__in=MFA_ROLES).exists()


TEMPLATE_PREDICATES = {
    "read_audit_trail": can_read_audit_trail,
    "manage_production_supports": can_manage_production_supports,
}
