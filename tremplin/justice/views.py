"""Justice pages: each one checks access (404 otherwise), binds its form, calls one service.
Every page that shows a measure logs it as a sensitive read (selectors.record_measure_reads)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from tremplin.accounts.access import NOT_FOUND, require_roles
from tremplin.accounts.enums import Role
from tremplin.kernel.forms import add_service_errors, run_form
from tremplin.kernel.query import id_or_404
from tremplin.people.access import get_person_or_404

from . import selectors, services
from .access import (
    MANAGER_ROLES,
    can_manage_justice,
    can_read_justice,
    get_measure_or_404,
    get_session_or_404,
    measures_in_scope,
)
from .enums import MeasureStatus, Presence
from .forms import AttendanceForm, MeasureForm, PresenceForm, SessionForm

READER_ROLES = (*MANAGER_ROLES, Role.PRESCRIBER)


@require_roles(*READER_ROLES)
def measure_list(request):
    scope = request.scope
    if not can_read_justice(scope):
        raise Http404(NOT_FOUND)
    status = request.GET.get("etat", "")
    if status not in MeasureStatus.values:
        status = ""
    measures = list(selectors.measure_list(scope, status=status))
    selectors.record_measure_reads(scope, measures)
    rows = [(m, selectors.progress_of(m), selectors.person_label(m.person, scope)) for m in measures]
    return render(
        request,
        "justice/measure_list.html",
        {"rows": rows, "status": status, "statuses": MeasureStatus.choices, "can_manage": can_manage_justice(scope)},
    )


@require_roles(*MANAGER_ROLES)
def measure_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = MeasureForm(request.POST or None, organisation=person.structure.organisation)
    return run_form(
        request,
        form,
        lambda data: services.measure_create(actor=request.user, person=person, **data),
        success="La mesure de justice est enregistrée.",
        redirect_to=reverse("people:detail", args=[person.pk]),
        template="justice/measure_form.html",
        context={"person": person, "title": f"Mesure de justice de {person}", "submit": "Enregistrer"},
    )


@require_roles(*READER_ROLES)
def measure_detail(request, pk):
    scope = request.scope
    measure = get_measure_or_404(scope, pk)
    can_manage = can_manage_justice(scope)
    selectors.record_measure_reads(scope, [measure])
    return render(
        request,
        "justice/measure_detail.html",
        {
            "measure": measure,
            "person_label": selectors.person_label(measure.person, scope),
            "progress": selectors.progress_of(measure),
            "attendances": selectors.measure_attendances(measure),
            "can_manage": can_manage,
        },
    )


@require_roles(*MANAGER_ROLES)
def measure_update(request, pk):
    measure = get_measure_or_404(request.scope, pk)
    initial = {
        field: getattr(measure, field)
        for field in (
            "offence",
            "ordered_on",
            "hours_ordered",
            "deadline",
            "start",
            "end",
            "spip",
            "referent_name",
            "referent_phone",
            "referent_email",
            "status",
            "notes",
        )
    }
    form = MeasureForm(request.POST or None, initial=initial, organisation=measure.structure.organisation, update=True)
    selectors.record_measure_reads(request.scope, [measure])
    return run_form(
        request,
        form,
        lambda data: services.measure_update(measure=measure, **data),
        success="La mesure est mise à jour.",
        redirect_to=reverse("justice:detail", args=[measure.pk]),
        template="justice/measure_form.html",
        context={
            "person": measure.person,
            "measure": measure,
            "title": f"Modifier : {measure}",
            "submit": "Enregistrer",
        },
    )


@require_roles(*MANAGER_ROLES)
def attendance_create(request, pk):
    measure = get_measure_or_404(request.scope, pk)
    form = AttendanceForm(request.POST or None)
    selectors.record_measure_reads(request.scope, [measure])
    return run_form(
        request,
        form,
        lambda data: services.attendance_record(actor=request.user, measure=measure, **data),
        success="Les heures sont enregistrées.",
        redirect_to=reverse("justice:detail", args=[measure.pk]),
        template="justice/attendance_form.html",
        context={"measure": measure, "person": measure.person, "progress": selectors.progress_of(measure)},
    )


@require_roles(*MANAGER_ROLES)
def session_list(request):
    scope = request.scope
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(actor=request.user, structure=scope.structure, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La session est enregistrée.")
            return redirect("justice:session_detail", pk=session.pk)
    return render(request, "justice/session_list.html", {"sessions": selectors.session_list(scope), "form": form})


@require_roles(*MANAGER_ROLES)
def session_detail(request, pk):
    scope = request.scope
    session = get_session_or_404(scope, pk)
    if request.method == "POST" and "change" in request.POST:
        measure = get_measure_or_404(scope, id_or_404(request.POST.get("measure")))
        presence = request.POST.get("presence")
        if presence not in Presence.values:
            raise Http404(NOT_FOUND)
        try:
            services.session_record_presence(actor=request.user, session=session, measure=measure, presence=presence)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "La présence est enregistrée.")
        return redirect("justice:session_detail", pk=session.pk)
    candidates = selectors.session_candidates(session).filter(pk__in=measures_in_scope(scope))
    form = PresenceForm(request.POST or None, measures=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_record_presence(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La présence est enregistrée.")
            return redirect("justice:session_detail", pk=session.pk)
    attendances = list(selectors.session_attendances(session))
    selectors.record_measure_reads(scope, [row.measure for row in attendances])
    return render(
        request,
        "justice/session_detail.html",
        {
            "session": session,
            "attendances": attendances,
            "presences": Presence.choices,
            "form": form,
        },
    )
