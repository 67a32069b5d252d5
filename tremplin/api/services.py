"""Writes on personal API tokens: create (the secret is returned once), revoke, and the mark of
their use when a request authenticates with one."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.enums import MFA_ROLES
from tremplin.accounts.models import User
from tremplin.accounts.scope import available_contexts
from tremplin.kernel.errors import raise_if

from . import rules
from .models import ApiToken


@dataclass(frozen=True)
class CreatedToken:
    token: ApiToken
    secret: str  # shown once, never stored


@transaction.atomic
def api_token_create(
    *, user: User, context_key: str, name: str, expires_on: date | None = None, second_factor_passed: bool
) -> CreatedToken:
    """A token acting in one of the user's contexts ("<membership pk>:<structure pk>"). For a
    director or admin_staff role, only once the second factor was passed in the session."""
    name = (name or "").strip()
    if not name:
        raise_if("name", rules.NAME_REQUIRED)
    context = next((c for c in available_contexts(user) if c.key == context_key), None)
    if context is None:
        raise_if("context", rules.CONTEXT_UNKNOWN)
    if context.role in MFA_ROLES and not second_factor_passed:
        raise_if("context", rules.SECOND_FACTOR_REQUIRED)
    today = timezone.localdate()
    raise_if("expires_on", rules.check_expiry(expires_on, today=today))
    expires_at = None
    if expires_on is not None:
        expires_at = timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), time.min))
    prefix, secret = rules.new_secret()
    token = ApiToken(
        user=user,
        membership=context.membership,
        structure=context.structure,
        name=name[:100],
        prefix=prefix,
        token_hash=rules.hash_token(secret),
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return CreatedToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        raise_if(None, rules.ALREADY_REVOKED)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The live token whose secret this is (not revoked, not expired, owner and role still active),
    marked as used now; None otherwise. Constant-time comparison of the hashes."""
    prefix = rules.prefix_of(secret or "")
    if prefix is None:
        return None
    token = (
        ApiToken.objects.select_related("user", "membership", "structure__organisation")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.token_hash, rules.hash_token(secret)):
        return None
    now = timezone.now()
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if not token.user.is_active or not token.membership.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
