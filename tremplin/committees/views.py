from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tremplin.accounts.access import NOT_FOUND, require_roles
from tremplin.kernel.forms import add_service_errors, run_form
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf

from . import selectors, services
from .access import READ_ROLES, WRITE_ROLES, can_read_file, can_write, get_committee_or_404, get_decision_or_404
from .forms import CommitteeForm, DecisionForm, PlanForm


@require_roles(*READ_ROLES)
def committee_list(request):
    structure = request.scope.structure
    upcoming, held = selectors.committee_list(structure)
    writer = can_write(request.scope)
    return render(
        request,
        "committees/list.html",
        {
            "upcoming": upcoming,
            "held": held,
            "can_write": writer,
            "plan_form": PlanForm(structure=structure) if writer else None,
            "today": timezone.localdate(),
        },
    )


@require_roles(*WRITE_ROLES)
def committee_create(request):
    structure = request.scope.structure
    form = CommitteeForm(request.POST or None, structure=structure)
    return run_form(
        request,
        form,
        lambda data: services.committee_create(actor=request.user, structure=structure, **data),
        success="Le comité est enregistré.",
        redirect_to=reverse("committees:list"),
        template="committees/form.html",
        context={"title": "Nouveau comité"},
    )


@require_roles(*WRITE_ROLES)
def committee_update(request, pk):
    committee = get_committee_or_404(request.scope, pk)
    initial = {
        "convention": committee.convention,
        "action_label": committee.action_label,
        "kind": committee.kind,
        "moment": committee.moment,
        "planned_on": committee.planned_on,
        "held_on": committee.held_on,
        "place": committee.place,
        "participants": list(committee.participants.all()),
        "other_participants": committee.other_participants,
        "minutes": committee.minutes,
    }
    form = CommitteeForm(request.POST or None, initial=initial, structure=committee.structure)
    return run_form(
        request,
        form,
        lambda data: services.committee_update(actor=request.user, committee=committee, **data),
        success="Le comité est enregistré.",
        redirect_to=reverse("committees:detail", args=[committee.pk]),
        template="committees/form.html",
        context={"title": f"Modifier le {committee}", "committee": committee},
    )


@require_roles(*WRITE_ROLES)
def committee_plan(request):
    structure = request.scope.structure
    form = PlanForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        created = services.committees_plan(actor=request.user, **form.cleaned_data)
        if created:
            days = ", ".join(f"{c.planned_on:%d/%m/%Y}" for c in created)
            messages.success(request, f"{len(created)} comité(s) prévu(s) : {days}. Ajustez les dates si besoin.")
        else:
            messages.info(request, "Les trois comités de cette convention sont déjà prévus.")
        return redirect("committees:list")
    return render(request, "committees/plan.html", {"form": form})


def _detail(request, committee, decision_form=None, status=200):
    writer = can_write(request.scope)
    return render(
        request,
        "committees/detail.html",
        {
            "committee": committee,
            "participants": list(committee.participants.all()),
            "decisions": list(committee.decisions.all()),
            "can_write": writer,
            "can_read_file": can_read_file(request.scope, committee),
            "decision_form": decision_form or (DecisionForm() if writer and committee.held_on else None),
        },
        status=status,
    )


@require_roles(*READ_ROLES)
def committee_detail(request, pk):
    return _detail(request, get_committee_or_404(request.scope, pk))


@require_POST
@require_roles(*WRITE_ROLES)
def decision_add(request, pk):
    committee = get_committee_or_404(request.scope, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(actor=request.user, committee=committee, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La décision est enregistrée.")
            return redirect("committees:detail", pk=committee.pk)
    return _detail(request, committee, decision_form=form, status=200)


@require_POST
@require_roles(*WRITE_ROLES)
def decision_delete(request, pk):
    decision = get_decision_or_404(request.scope, pk)
    services.decision_delete(actor=request.user, decision=decision)
    messages.success(request, "La décision est supprimée.")
    return redirect("committees:detail", pk=decision.committee_id)


@require_roles(*READ_ROLES)
def committee_file(request, pk):
    committee = get_committee_or_404(request.scope, pk)
    if not can_read_file(request.scope, committee):
        raise Http404(NOT_FOUND)
    context = selectors.committee_file(committee)
    context["today"] = timezone.localdate()
    try:
        pdf = render_pdf("committees/file.pdf.html", context, request=request)
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("committees:detail", pk=committee.pk)
    kind = "suivi" if committee.is_named else "pilotage"
    return pdf_response(pdf, f"comite-{kind}-{slugify(committee.structure.name)}-{committee.day:%Y%m%d}.pdf")
