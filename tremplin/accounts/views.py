from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .scope import SESSION_KEY, available_contexts


@require_POST
def switch_context(request):
    """Switch the current ACI/role. Only a context of the user's own memberships is accepted."""
    key = request.POST.get("context", "")
    context = next((c for c in available_contexts(request.user) if c.key == key), None)
    if context is None:
        raise Http404("Contexte introuvable.")
    request.session[SESSION_KEY] = context.key
    messages.success(request, f"Vous travaillez maintenant sur {context.label}.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "core:home"
    return redirect(next_url)
