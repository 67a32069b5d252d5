from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.worktime.rules import MissingReferenceHours

from . import selectors, services
from .access import READ_ROLES, WRITE_ROLES, can_write, get_annex_or_404, get_convention_or_404, get_grant_or_404
from .forms import AmendmentForm, AnnexForm, ConventionForm, GrantForm


def _progress(annex) -> dict:
    try:
        progress = selectors.annex_progress(annex, today=timezone.localdate())
    except MissingReferenceHours as error:  # a reference row missing: say so, do not fail the page
        return {"progress_error": str(error)}
    return {"progress": progress, "progress_chart": selectors.progress_chart(progress)}


@require_roles(*READ_ROLES)
def funding_home(request):
    structure = request.scope.structure
    today = timezone.localdate()
    annex = selectors.annex_in_force(structure, today)
    return render(
        request,
        "funding/home.html",
        {
            "conventions": selectors.conventions_of(structure),
            "grants": selectors.grants_of(structure),
            "annex": annex,
            "can_write": can_write(request.scope),
            **(_progress(annex) if annex else {}),
        },
    )


@require_roles(*READ_ROLES)
def annex_detail(request, pk):
    annex = get_annex_or_404(request.scope, pk)
    return render(
        request,
        "funding/annex_detail.html",
        {
            "annex": annex,
            **_progress(annex),
            "segments": selectors.annex_segments(annex),
            "can_write": can_write(request.scope),
        },
    )


@require_roles(*WRITE_ROLES)
def convention_create(request):
    form = ConventionForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.convention_create(actor=request.user, structure=request.scope.structure, **data),
        success="La convention est enregistrée. Ajoutez maintenant son annexe financière.",
        redirect_to=reverse("funding:home"),
        template="funding/form.html",
        context={"title": "Nouvelle convention"},
    )


@require_roles(*WRITE_ROLES)
def annex_create(request, pk):
    convention = get_convention_or_404(request.scope, pk)
    form = AnnexForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.annex_create(actor=request.user, convention=convention, **data),
        success="L'annexe financière est enregistrée.",
        redirect_to=reverse("funding:home"),
        template="funding/form.html",
        context={"title": f"Nouvelle annexe financière – convention {convention.reference}"},
    )


@require_roles(*WRITE_ROLES)
def annex_amend(request, pk):
    annex = get_annex_or_404(request.scope, pk)
    form = AmendmentForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.annex_amend(actor=request.user, annex=annex, **data),
        success="L'avenant est enregistré.",
        redirect_to=reverse("funding:annex_detail", args=[annex.pk]),
        template="funding/form.html",
        context={"title": f"Avenant à l'annexe {annex.number}", "annex": annex},
    )


@require_roles(*WRITE_ROLES)
def grant_create(request):
    form = GrantForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.grant_create(actor=request.user, structure=request.scope.structure, **data),
        success="La subvention est enregistrée.",
        redirect_to=reverse("funding:home"),
        template="funding/form.html",
        context={"title": "Nouvelle subvention"},
    )


@require_roles(*WRITE_ROLES)
def grant_delete(request, pk):
    """A page that asks before deleting (GET), then deletes (POST)."""
    grant = get_grant_or_404(request.scope, pk)
    if request.method != "POST":
        return render(request, "funding/grant_delete.html", {"grant": grant})
    services.grant_delete(actor=request.user, grant=grant)
    messages.success(request, f"La subvention de {grant.funder_name} ({grant.purpose}) est supprimée.")
    return redirect("funding:home")
