"""Immersion (PMSMP) pages: each one checks access, binds its form, calls one service, renders.
The rules live in rules.py and services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import add_service_errors
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf
from tremplin.people.access import get_person_or_404
from tremplin.people.selectors import counsellors_of

from . import rules, selectors, services
from .access import (
    MANAGER_ROLES,
    READER_ROLES,
    can_manage_immersions,
    get_host_company_or_404,
    get_immersion_or_404,
    host_companies_in_scope,
)
from .enums import EVALUATION_CRITERIA, Objective
from .forms import EvaluationForm, HostCompanyForm, ImmersionFilterForm, ImmersionForm, OutcomeForm

PAGE_SIZE = 25


@require_roles(*READER_ROLES)
def immersion_list(request):
    scope = request.scope
    form = ImmersionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    immersions = selectors.immersion_list(
        scope, status=data.get("status") or "", start=data.get("start"), end=data.get("end")
    )
    page = Paginator(immersions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "immersions/immersion_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "can_manage": can_manage_immersions(scope)},
    )


# Host companies -------------------------------------------------------------------------------


@require_roles(*READER_ROLES)
def host_list(request):
    return render(
        request,
        "immersions/host_list.html",
        {"hosts": selectors.host_company_list(request.scope), "can_manage": can_manage_immersions(request.scope)},
    )


def _host_form_page(request, form, call, *, title: str, host=None):
    if request.method == "POST" and form.is_valid():
        try:
            saved = call(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{saved} est enregistrée dans l'annuaire.")
            return redirect("immersions:host_list")
    return render(request, "immersions/host_form.html", {"form": form, "title": title, "host": host})


@require_roles(*MANAGER_ROLES)
def host_create(request):
    form = HostCompanyForm(request.POST or None)
    return _host_form_page(
        request,
        form,
        lambda data: services.host_company_create(actor=request.user, structure=request.scope.structure, **data),
        title="Nouvelle structure d'accueil",
    )


@require_roles(*MANAGER_ROLES)
def host_update(request, pk):
    host = get_host_company_or_404(request.scope, pk)
    initial = {name: getattr(host, name) for name in services.HOST_FIELDS}
    form = HostCompanyForm(request.POST or None, initial=initial)
    return _host_form_page(
        request,
        form,
        lambda data: services.host_company_update(host=host, **data),
        title=f"Modifier {host.name}",
        host=host,
    )


# Immersions -----------------------------------------------------------------------------------


def _immersion_form(request, person, *, immersion=None, initial=None) -> ImmersionForm:
    return ImmersionForm(
        request.POST or None,
        initial=initial,
        hosts=host_companies_in_scope(request.scope).filter(structure_id=person.structure_id).order_by("name"),
        contracts=person.contracts.order_by("-start"),
        renewable=selectors.renewable_immersions(person, exclude=immersion),
        referents=counsellors_of(person.structure),
        editing=immersion is not None,
    )


def _saved(request, immersion, success: str):
    messages.success(request, success)
    for warning in selectors.immersion_warnings(immersion):
        messages.warning(request, warning)
    return redirect("immersions:detail", pk=immersion.pk)


@require_roles(*MANAGER_ROLES)
def immersion_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    today = timezone.localdate()
    contracts = list(person.contracts.order_by("-start"))
    current = next((c for c in contracts if not c.effective_end or c.effective_end >= today), None)
    form = _immersion_form(request, person, initial={"contract": current, "referent": person.counsellor})
    if request.method == "POST" and form.is_valid():
        try:
            immersion = services.immersion_create(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, immersion, "La PMSMP est enregistrée.")
    return render(
        request,
        "immersions/immersion_form.html",
        {"form": form, "person": person, "title": f"Nouvelle PMSMP pour {person}"},
    )


@require_roles(*MANAGER_ROLES)
def immersion_update(request, pk):
    immersion = get_immersion_or_404(request.scope, pk)
    person = immersion.person
    initial = {name: getattr(immersion, name) for name in services.IMMERSION_FIELDS}
    form = _immersion_form(request, person, immersion=immersion, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.immersion_update(immersion=immersion, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, immersion, "La PMSMP est enregistrée.")
    return render(
        request,
        "immersions/immersion_form.html",
        {"form": form, "person": person, "immersion": immersion, "title": "Modifier la PMSMP"},
    )


def _detail(request, immersion, *, evaluation_form=None, outcome_form=None, status=200):
    scope = request.scope
    can_manage = can_manage_immersions(scope)
    follow_up = rules.follow_up_open(start=immersion.start, status=immersion.status, today=timezone.localdate())
    if can_manage and follow_up:
        evaluation_form = evaluation_form or EvaluationForm(
            initial={
                "evaluated_on": immersion.evaluated_on or timezone.localdate(),
                "evaluation_text": immersion.evaluation_text,
                **{name: getattr(immersion, name) for name, _ in EVALUATION_CRITERIA},
            }
        )
        outcome_form = outcome_form or OutcomeForm(
            initial={"outcome": immersion.outcome, "outcome_date": immersion.outcome_date}
        )
    return render(
        request,
        "immersions/immersion_detail.html",
        {
            "immersion": immersion,
            "person": immersion.person,
            "renewals": list(immersion.renewals.select_related("host").order_by("start")),
            "levels": [(label, getattr(immersion, f"get_{name}_display")()) for name, label in EVALUATION_CRITERIA],
            "warnings": selectors.immersion_warnings(immersion),
            "can_manage": can_manage,
            "evaluation_form": evaluation_form,
            "outcome_form": outcome_form,
        },
        status=status,
    )


@require_roles(*READER_ROLES)
def immersion_detail(request, pk):
    return _detail(request, get_immersion_or_404(request.scope, pk))


@require_POST
@require_roles(*MANAGER_ROLES)
def immersion_evaluate(request, pk):
    immersion = get_immersion_or_404(request.scope, pk)
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.immersion_evaluate(immersion=immersion, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "L'évaluation du tuteur est enregistrée.")
            return redirect("immersions:detail", pk=immersion.pk)
    return _detail(request, immersion, evaluation_form=form, status=400)


@require_POST
@require_roles(*MANAGER_ROLES)
def immersion_outcome(request, pk):
    immersion = get_immersion_or_404(request.scope, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.immersion_record_outcome(immersion=immersion, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La suite donnée par l'hôte est enregistrée.")
            return redirect("immersions:detail", pk=immersion.pk)
    return _detail(request, immersion, outcome_form=form, status=400)


@require_roles(*READER_ROLES)
def convention_pdf(request, pk):
    """The PMSMP convention to sign: the fields of Cerfa 13912, not the official form itself."""
    immersion = get_immersion_or_404(request.scope, pk)
    context = {
        "immersion": immersion,
        "person": immersion.person,
        "structure": immersion.person.structure,
        "objectives": Objective.choices,
        "today": timezone.localdate(),
    }
    try:
        pdf = render_pdf("immersions/convention.pdf.html", context, request=request)
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("immersions:detail", pk=immersion.pk)
    return pdf_response(pdf, f"convention-pmsmp-{slugify(immersion.person.last_name)}-{immersion.start:%Y%m%d}.pdf")
