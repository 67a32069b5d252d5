"""The page where a user manages their own API tokens: list, create (the secret shown once),
revoke. Behind the normal login and second-factor middlewares, like every page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tremplin.kernel.forms import add_service_errors

from . import services
from .access import get_token_or_404, second_factor_passed, tokens_of
from .forms import TokenForm


def token_list(request):
    form = TokenForm(request.POST or None, contexts=request.scope.contexts)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.api_token_create(
                user=request.user,
                context_key=form.cleaned_data["context"],
                name=form.cleaned_data["name"],
                expires_on=form.cleaned_data["expires_on"],
                second_factor_passed=second_factor_passed(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = TokenForm(contexts=request.scope.contexts)
    return render(
        request,
        "api/token_list.html",
        {"form": form, "created": created, "tokens": tokens_of(request.user), "now": timezone.now()},
    )


@require_POST
def token_revoke(request, pk):
    token = get_token_or_404(request.user, pk)
    try:
        services.api_token_revoke(token=token)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Le jeton « {token.name} » est révoqué.")
    return redirect("api:token_list")
