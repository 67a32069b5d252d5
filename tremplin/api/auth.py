"""Authentication of the API: a personal token (`Authorization: Bearer <token>`), or the session
of the app itself (with the CSRF check on unsafe methods). Either gives the request's Scope,
built from the token's context or from the session's chosen context: handlers read it as
`request.auth`, and every access function of the apps applies unchanged."""

from __future__ import annotations

from auditlog.context import auditlog_value
from django.conf import settings
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from .access import scope_for_token
from .errors import CSRF_FAILED
from .services import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        # A bearer token that is not valid is a 401, even when the request also carries a session.
        api_token = api_token_authenticate(token)
        if api_token is None:
            raise AuthenticationError()
        scope = scope_for_token(api_token)
        if scope is None:
            raise AuthenticationError()
        request.user = api_token.user
        request.scope = scope
        # The audit trail names the token's owner as the author of the changes (auditlog's
        # middleware ran before the token was read, with no user).
        context = auditlog_value.get(None)
        if context is not None:
            context["actor"] = api_token.user
        return scope


class SessionScopeAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=True)

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, CSRF_FAILED)
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        if key is None or not request.user.is_authenticated:
            return None
        return request.scope
