"""Who may use which token, and the scope a token acts in. The API's resources reuse the access
functions of each app (people, contracts, eligibility, recruitment, worktime, reporting...)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.models import User
from tremplin.accounts.scope import Scope, build_scope

from .models import ApiToken


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).select_related("structure", "membership")


def get_token_or_404(user: User, pk: int) -> ApiToken:
    """A token belongs to its owner only: anyone else's answers 404."""
    return get_object_or_404(tokens_of(user), pk=pk)


def second_factor_passed(request) -> bool:
    """Did the user pass the second factor (TOTP or recovery code) to open this session?"""
    from allauth.account.authentication import get_authentication_records

    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def scope_for_token(token: ApiToken) -> Scope | None:
    """The scope of the token's context, built exactly as for a session that chose that context;
    None when the context no longer exists (membership ended, ACI left the organisation)."""
    key = f"{token.membership_id}:{token.structure_id}"
    scope = build_scope(token.user, key)
    if scope.context is None or scope.context.key != key:
        return None
    return scope
