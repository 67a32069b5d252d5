def current_membership(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    scope = request.scope
    return {"scope": scope, "contexts": scope.contexts}
