from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf
from tremplin.people.access import get_person_or_404

from . import rules, selectors, services
from .access import (
    EVALUATE_ROLES,
    GRID_WRITE_ROLES,
    READ_ROLES,
    can_evaluate,
    can_write_grids,
    get_evaluation_or_404,
    get_grid_or_404,
)
from .defaults import SOFT_SKILLS, TRADES
from .forms import EvaluationForm, GridForm, GridUpdateForm


@require_roles(*READ_ROLES)
def evaluation_list(request):
    today = timezone.localdate()
    return render(
        request,
        "skills/evaluation_list.html",
        {
            "to_evaluate": selectors.people_to_evaluate(request.scope, today=today),
            "evaluations": selectors.evaluation_list(request.scope),
            "today": today,
        },
    )


@require_roles(*READ_ROLES)
def grid_list(request):
    return render(
        request,
        "skills/grid_list.html",
        {
            "grids": selectors.grids_of(request.scope.structure),
            "can_write": can_write_grids(request.scope),
            "templates": [(slug, name) for slug, (name, _rome, _criteria) in TRADES.items()],
        },
    )


@require_roles(*GRID_WRITE_ROLES)
def grid_create(request):
    initial = {}
    template = TRADES.get(request.GET.get("modele", ""))
    if template:
        name, rome, criteria = template
        initial = {
            "name": name,
            "rome_code": rome,
            "soft_criteria": "\n".join(SOFT_SKILLS),
            "trade_criteria": "\n".join(criteria),
        }
    form = GridForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda data: services.grid_create(actor=request.user, structure=request.scope.structure, **data),
        success="La grille d'évaluation est enregistrée.",
        redirect_to=reverse("skills:grid_list"),
        template="skills/form.html",
        context={"title": "Nouvelle grille d'évaluation", "back": reverse("skills:grid_list")},
    )


@require_roles(*GRID_WRITE_ROLES)
def grid_update(request, pk):
    grid = get_grid_or_404(request.scope, pk)
    form = GridUpdateForm(request.POST or None, initial=GridForm.initial_for(grid))
    return run_form(
        request,
        form,
        lambda data: services.grid_update(actor=request.user, grid=grid, **data),
        success=f"La grille « {grid.name} » est enregistrée.",
        redirect_to=reverse("skills:grid_list"),
        template="skills/form.html",
        context={
            "title": f"Grille « {grid.name} »",
            "back": reverse("skills:grid_list"),
            "help": "Un critère retiré de la liste qui a déjà été évalué reste dans les évaluations passées.",
        },
    )


@require_roles(*EVALUATE_ROLES)
def evaluation_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    today = timezone.localdate()
    grids = list(selectors.grids_of(person.structure, active_only=True))
    chosen = request.GET.get("grille", "")
    grid = next((g for g in grids if str(g.pk) == chosen), None) or selectors.default_grid(person, grids, today)
    context = {"person": person, "grids": grids, "grid": grid}
    if grid is None:
        return render(request, "skills/evaluation_form.html", context)
    form = EvaluationForm(
        request.POST or None,
        criteria=[c for c in grid.criteria.all() if c.is_active],
        evaluators=selectors.team_members(person.structure),
        initial={"evaluated_on": today, "evaluator": request.user.pk},
    )
    return run_form(
        request,
        form,
        lambda data: services.evaluation_create(actor=request.user, person=person, grid=grid, **form.service_data()),
        success=f"L'évaluation des compétences de {person} est enregistrée.",
        redirect_to=reverse("people:detail", args=[person.pk]),
        template="skills/evaluation_form.html",
        context=context,
    )


@require_roles(*READ_ROLES)
def evaluation_detail(request, pk):
    evaluation = get_evaluation_or_404(request.scope, pk)
    evaluation = selectors.person_evaluations(evaluation.person).get(pk=evaluation.pk)
    return render(
        request,
        "skills/evaluation_detail.html",
        {
            "evaluation": evaluation,
            "person": evaluation.person,
            "groups": selectors.rating_groups(evaluation),
            "can_evaluate": can_evaluate(request.scope),
        },
    )


@require_roles(*EVALUATE_ROLES)
def evaluation_update(request, pk):
    evaluation = get_evaluation_or_404(request.scope, pk)
    person = evaluation.person
    ratings = {r.criterion_id: r.level for r in evaluation.ratings.all()}
    criteria = [c for c in evaluation.grid.criteria.all() if c.is_active or c.pk in ratings]
    initial = {"evaluated_on": evaluation.evaluated_on, "evaluator": evaluation.evaluator_id}
    initial.update({"comment": evaluation.comment, **{f"level_{pk}": level for pk, level in ratings.items()}})
    form = EvaluationForm(
        request.POST or None,
        criteria=criteria,
        evaluators=selectors.team_members(person.structure),
        initial=initial,
    )
    return run_form(
        request,
        form,
        lambda data: services.evaluation_update(actor=request.user, evaluation=evaluation, **form.service_data()),
        success="L'évaluation est enregistrée.",
        redirect_to=reverse("skills:evaluation_detail", args=[evaluation.pk]),
        template="skills/evaluation_form.html",
        context={"person": person, "grid": evaluation.grid, "evaluation": evaluation},
    )


@require_roles(*READ_ROLES)
def certificate_pdf(request, pk):
    """The skills certificate for a future employer (no sensitive data)."""
    person = get_person_or_404(request.scope, pk)
    today = timezone.localdate()
    data = selectors.certificate(person, today=today)
    if data is None:
        messages.error(request, rules.CERTIFICATE_NO_CONTRACT)
        return redirect("people:detail", pk=person.pk)
    try:
        pdf = render_pdf("skills/certificate.pdf.html", {"certificate": data}, request=request)
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("people:detail", pk=person.pk)
    return pdf_response(pdf, f"attestation-competences-{slugify(str(person))}.pdf")
