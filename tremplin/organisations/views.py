from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from tremplin.accounts.access import require_roles, require_staff
from tremplin.accounts.enums import Role
from tremplin.kernel.forms import add_service_errors
from tremplin.kernel.query import DATE_MAX, DATE_MIN, query_int

from . import services
from .access import get_production_support_or_404, get_structure_or_404
from .enums import SupportKind
from .forms import ProductionSupportForm, StructureForm
from .selectors import production_support_list, structure_team, worksites_by_year


@require_staff
def structure_detail(request, pk):
    structure = get_structure_or_404(request.scope, pk)
    return render(
        request,
        "organisations/structure_detail.html",
        {"structure": structure, "team": structure_team(structure)},
    )


@require_roles(Role.DIRECTOR)
def structure_update(request, pk):
    structure = get_structure_or_404(request.scope, pk)
    form = StructureForm(request.POST or None, instance=structure)
    if request.method == "POST" and form.is_valid():
        try:
            services.structure_update(structure=structure, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Les informations de l'ACI ont été enregistrées.")
            return redirect("organisations:structure_detail", pk=structure.pk)
    return render(request, "organisations/structure_form.html", {"structure": structure, "form": form})


@require_staff
def support_list(request):
    kind = request.GET.get("type") if request.GET.get("type") in SupportKind.values else None
    year = query_int(request.GET, "annee", low=DATE_MIN.year, high=DATE_MAX.year)
    supports = production_support_list(request.scope, kind=kind, year=year)
    return render(
        request,
        "organisations/support_list.html",
        {
            "supports": supports,
            "kind": kind,
            "kinds": SupportKind.choices,
            "year": year,
            "by_year": worksites_by_year(request.scope),
        },
    )


@require_roles(Role.DIRECTOR)
def support_create(request):
    structure = request.scope.structure
    form = ProductionSupportForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        try:
            support = services.production_support_create(structure=structure, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{support} a été créé.")
            return redirect("worktime:support_detail", pk=support.pk)
    return render(request, "organisations/support_form.html", {"form": form, "support": None})


@require_roles(Role.DIRECTOR)
def support_update(request, pk):
    support = get_production_support_or_404(request.scope, pk)
    form = ProductionSupportForm(request.POST or None, instance=support, structure=support.structure)
    if request.method == "POST" and form.is_valid():
        try:
            services.production_support_update(support=support, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{support} a été enregistré.")
            return redirect("worktime:support_detail", pk=support.pk)
    return render(request, "organisations/support_form.html", {"form": form, "support": support})
