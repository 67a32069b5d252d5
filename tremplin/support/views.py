"""Support pages: each checks access, binds its form, calls one service, redirects to the
person's support page. The rules live in services.py, the visibility in access.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import add_service_errors, run_form
from tremplin.partners.selectors import active_partners
from tremplin.partners.services import partner_create, partner_update
from tremplin.people.access import get_person_or_404

from . import selectors, services
from .access import (
    READER_ROLES,
    WRITER_ROLES,
    get_objective_or_404,
    get_own_appointment_or_404,
    get_partner_or_404,
    get_partner_referral_or_404,
)
from .forms import (
    AppointmentForm,
    DiagnosisForm,
    ObjectiveCloseForm,
    ObjectiveForm,
    ObstacleFormSet,
    PartnerForm,
    PartnerReferralForm,
    PartnerUpdateForm,
    ReferralOutcomeForm,
)


def _support_url(person) -> str:
    return reverse("support:person", args=[person.pk])


def _partners(person):
    return active_partners(person.structure.organisation_id)


def _form_page(request, form, call, *, person, title: str, submit: str, success: str):
    return run_form(
        request,
        form,
        call,
        success=success,
        redirect_to=_support_url(person),
        template="support/form.html",
        context={"person": person, "title": title, "submit": submit},
    )


@require_roles(*READER_ROLES)
def person_support(request, pk):
    person = get_person_or_404(request.scope, pk)
    today = timezone.localdate()
    context = selectors.support_page(person, scope=request.scope, today=today)
    return render(request, "support/person_support.html", {"person": person, "today": today, **context})


@require_roles(*WRITER_ROLES)
def diagnosis_create(request, pk):
    """The entry diagnosis, or a re-assessment prefilled with the lines of the latest one."""
    person = get_person_or_404(request.scope, pk)
    kind, previous, initial = selectors.diagnosis_initial(person)
    partners = _partners(person)
    form = DiagnosisForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    formset = ObstacleFormSet(
        request.POST or None, initial=initial, form_kwargs={"partners": partners}, prefix="freins"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        obstacles = [line for line in (f.as_line() for f in formset) if line]
        try:
            services.diagnosis_create(
                actor=request.user,
                person=person,
                kind=kind,
                assessed_on=form.cleaned_data["assessed_on"],
                obstacles=obstacles,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{kind.label} enregistré·e.")
            return redirect(_support_url(person))
    selectors.log_reassessment_read(request.scope, previous)  # the sensitive lines are prefilled
    return render(
        request,
        "support/diagnosis_form.html",
        {"person": person, "form": form, "formset": formset, "kind": kind, "previous": previous},
    )


@require_roles(*WRITER_ROLES)
def objective_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = ObjectiveForm(
        request.POST or None, owners=services.staff_members(person), initial={"owner": request.user.pk}
    )
    return _form_page(
        request,
        form,
        lambda data: services.objective_create(person=person, **data),
        person=person,
        title="Nouvel objectif du plan d'action",
        submit="Enregistrer l'objectif",
        success="L'objectif est ajouté au plan d'action.",
    )


@require_roles(*WRITER_ROLES)
def objective_close(request, pk):
    objective = get_objective_or_404(request.scope, pk)
    form = ObjectiveCloseForm(request.POST or None, initial={"done_on": timezone.localdate()})
    return _form_page(
        request,
        form,
        lambda data: services.objective_close(objective=objective, **data),
        person=objective.person,
        title=f"Clore l'objectif « {objective.title} »",
        submit="Enregistrer",
        success="L'objectif est clos.",
    )


@require_roles(*WRITER_ROLES)
def appointment_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = AppointmentForm(request.POST or None, initial={"held_on": timezone.localdate()})
    return _form_page(
        request,
        form,
        lambda data: services.appointment_create(actor=request.user, person=person, **data),
        person=person,
        title="Nouvel entretien",
        submit="Enregistrer l'entretien",
        success="L'entretien est consigné dans le journal.",
    )


@require_roles(*WRITER_ROLES)
def appointment_edit(request, pk):
    """Its author corrects an appointment; the note shown in the form is a read like any other
    (logged when it is sensitive)."""
    appointment = get_own_appointment_or_404(request.scope, pk)
    person = appointment.person
    if request.method == "GET":
        selectors.log_appointment_read(request.scope, appointment)
    fields = services.APPOINTMENT_FIELDS
    form = AppointmentForm(request.POST or None, initial={name: getattr(appointment, name) for name in fields})
    return _form_page(
        request,
        form,
        lambda data: services.appointment_update(actor=request.user, appointment=appointment, **data),
        person=person,
        title=f"Corriger l'entretien du {appointment.held_on:%d/%m/%Y}",
        submit="Enregistrer la correction",
        success="L'entretien est corrigé.",
    )


@require_roles(*WRITER_ROLES)
def partner_referral_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = PartnerReferralForm(
        request.POST or None, partners=_partners(person), initial={"referred_on": timezone.localdate()}
    )
    return _form_page(
        request,
        form,
        lambda data: services.partner_referral_create(person=person, **data),
        person=person,
        title="Orientation vers un partenaire",
        submit="Enregistrer l'orientation",
        success="L'orientation est enregistrée.",
    )


@require_roles(*WRITER_ROLES)
def partner_referral_outcome(request, pk):
    referral = get_partner_referral_or_404(request.scope, pk)
    form = ReferralOutcomeForm(
        request.POST or None, initial={"outcome": referral.outcome, "outcome_on": referral.outcome_on}
    )
    return _form_page(
        request,
        form,
        lambda data: services.partner_referral_update_outcome(referral=referral, **data),
        person=referral.person,
        title=f"Suite de l'orientation vers {referral.partner} du {referral.referred_on:%d/%m/%Y}",
        submit="Enregistrer la suite",
        success="La suite de l'orientation est enregistrée.",
    )


@require_roles(*WRITER_ROLES)
def partner_list(request):
    organisation = request.scope.structure.organisation
    partners = selectors.partner_directory(request.scope)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = partner_create(organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{partner} est ajouté à l'annuaire.")
            return redirect("support:partner_list")
    return render(request, "support/partner_list.html", {"partners": partners, "form": form})


@require_roles(*WRITER_ROLES)
def partner_edit(request, pk):
    partner = get_partner_or_404(request.scope, pk)
    fields = ("name", "kind", "siret", "email", "phone", "is_active")
    form = PartnerUpdateForm(request.POST or None, initial={name: getattr(partner, name) for name in fields})
    return run_form(
        request,
        form,
        lambda data: partner_update(partner=partner, **data),
        success=f"{partner} est modifié dans l'annuaire.",
        redirect_to=reverse("support:partner_list"),
        template="support/partner_form.html",
        context={"partner": partner},
    )
