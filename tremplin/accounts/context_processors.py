from tremplin.core.navigation import navigation_for

from .scope import available_contexts


def current_membership(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    scope = request.scope
    return {
        "scope": scope,
        "contexts": available_contexts(request.user),
        "navigation": navigation_for(scope, request.path),
    }
