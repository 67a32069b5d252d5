from tremplin.core.navigation import navigation_for


def current_membership(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    scope = request.scope
    return {
        "scope": scope,
        "contexts": scope.contexts,
        "navigation": navigation_for(scope, request.path),
    }
