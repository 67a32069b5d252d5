"""Training pages: each one checks access, binds its form, calls one service, redirects. The rules
live in rules.py and services.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.people.access import get_person_or_404, people_in_scope

from . import selectors, services
from .access import (
    MANAGER_ROLES,
    PROGRAMME_ROLES,
    READ_ROLES,
    can_manage_trainings,
    get_enrolment_or_404,
    get_phase_or_404,
    get_programme_or_404,
    get_training_or_404,
)
from .forms import EnrolForm, EnrolmentForm, PhaseForm, ProgrammeForm, TrainingFilterForm, TrainingForm

PAGE_SIZE = 50


@require_roles(*READ_ROLES)
def training_list(request):
    scope = request.scope
    form = TrainingFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = selectors.TrainingFilters(
        kind=data.get("kind") or "",
        result=data.get("result") or "",
        start=data.get("start"),
        end=data.get("end"),
    )
    page = Paginator(selectors.training_list(scope, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_see_programmes": request.scope.role in PROGRAMME_ROLES,
            "can_manage": can_manage_trainings(scope),
        },
    )


def _training_form_page(request, form, call, *, person, title, success):
    return run_form(
        request,
        form,
        call,
        success=success,
        redirect_to=reverse("people:detail", args=[person.pk]),
        template="training/form.html",
        context={"title": title, "person": person},
    )


@require_roles(*MANAGER_ROLES)
def training_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = TrainingForm(request.POST or None)
    return _training_form_page(
        request,
        form,
        lambda data: services.training_create(actor=request.user, person=person, **data),
        person=person,
        title=f"Nouvelle formation pour {person}",
        success="La formation est enregistrée.",
    )


@require_roles(*MANAGER_ROLES)
def training_update(request, pk):
    training = get_training_or_404(request.scope, pk)
    initial = {
        field: getattr(training, field)
        for field in ("title", "kind", "organisation", "funder", "start", "end", "hours", "certification")
    }
    initial.update(result=training.result, result_on=training.result_on)
    form = TrainingForm(request.POST or None, initial=initial)
    return _training_form_page(
        request,
        form,
        lambda data: services.training_update(training=training, **data),
        person=training.person,
        title=f"Formation « {training.title} » de {training.person}",
        success="La formation est enregistrée.",
    )


# Programmes


@require_roles(*PROGRAMME_ROLES)
def programme_list(request):
    return render(
        request,
        "training/programme_list.html",
        {"programmes": selectors.programme_list(request.scope), "today": timezone.localdate()},
    )


@require_roles(*PROGRAMME_ROLES)
def programme_create(request):
    form = ProgrammeForm(request.POST or None)
    created = {}

    def call(data):
        created["programme"] = services.programme_create(actor=request.user, structure=request.scope.structure, **data)

    response = run_form(
        request,
        form,
        call,
        success="Le programme est enregistré. Décrivez maintenant ses phases.",
        redirect_to=reverse("training:programme_list"),
        template="training/form.html",
        context={"title": "Nouveau programme de qualification"},
    )
    if "programme" in created:
        return redirect("training:programme_detail", pk=created["programme"].pk)
    return response


@require_roles(*PROGRAMME_ROLES)
def programme_detail(request, pk):
    programme = get_programme_or_404(request.scope, pk)
    enrolled = selectors.programme_enrolments(programme)
    phases = list(programme.phases.all())
    return render(
        request,
        "training/programme_detail.html",
        {
            "programme": programme,
            "phases": phases,
            "enrolments": enrolled,
            "figures": selectors.programme_figures(programme),
            "phase_form": PhaseForm(),
        },
    )


@require_roles(*PROGRAMME_ROLES)
def programme_update(request, pk):
    programme = get_programme_or_404(request.scope, pk)
    initial = {field: getattr(programme, field) for field in ("name", "certification", "start", "end")}
    form = ProgrammeForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda data: services.programme_update(programme=programme, **data),
        success="Le programme est enregistré.",
        redirect_to=reverse("training:programme_detail", args=[programme.pk]),
        template="training/form.html",
        context={"title": f"Modifier {programme.name}", "programme": programme},
    )


@require_roles(*PROGRAMME_ROLES)
def phase_add(request, pk):
    programme = get_programme_or_404(request.scope, pk)
    form = PhaseForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.phase_add(programme=programme, **data),
        success="La phase est ajoutée.",
        redirect_to=reverse("training:programme_detail", args=[programme.pk]),
        template="training/form.html",
        context={"title": f"Nouvelle phase – {programme.name}", "programme": programme},
    )


@require_roles(*PROGRAMME_ROLES)
def phase_delete(request, pk):
    """POST deletes the phase; a GET just goes back to the programme."""
    phase = get_phase_or_404(request.scope, pk)
    programme = phase.programme
    if request.method == "POST":
        services.phase_delete(phase=phase)
        messages.success(request, f"La phase « {phase.get_kind_display()} » est supprimée.")
    return redirect("training:programme_detail", pk=programme.pk)


@require_roles(*PROGRAMME_ROLES)
def enrol(request, pk):
    programme = get_programme_or_404(request.scope, pk)
    people = (
        people_in_scope(request.scope)
        .filter(structure=programme.structure, contracts__isnull=False)
        .exclude(enrolments__programme=programme)
        .distinct()
        .order_by("last_name", "first_name")
    )
    form = EnrolForm(request.POST or None, people=people, initial={"enrolled_on": programme.start})
    return run_form(
        request,
        form,
        lambda data: services.enrolment_create(actor=request.user, programme=programme, **data),
        success="L'inscription est enregistrée.",
        redirect_to=reverse("training:programme_detail", args=[programme.pk]),
        template="training/form.html",
        context={"title": f"Inscrire une personne – {programme.name}", "programme": programme},
    )


@require_roles(*PROGRAMME_ROLES)
def enrolment_update(request, pk):
    enrolment = get_enrolment_or_404(request.scope, pk)
    initial = {
        field: getattr(enrolment, field)
        for field in ("enrolled_on", "exam_result", "left_on", "left_early", "employment", "job")
    }
    form = EnrolmentForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda data: services.enrolment_update(enrolment=enrolment, **data),
        success=f"Le parcours de {enrolment.person} est enregistré.",
        redirect_to=reverse("training:programme_detail", args=[enrolment.programme_id]),
        template="training/form.html",
        context={
            "title": f"{enrolment.person} – {enrolment.programme.name}",
            "programme": enrolment.programme,
        },
    )
