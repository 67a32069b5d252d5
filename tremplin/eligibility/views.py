from django.urls import reverse

from tremplin.accounts.access import require_roles
from tremplin.core.forms import run_form
from tremplin.partners.models import Partner
from tremplin.people.access import get_person_or_404

from . import services
from .access import MANAGER_ROLES, get_approval_or_404
from .forms import ApprovalForm, ApprovalSuspensionForm, DiagnosisForm, ProlongationForm

TEMPLATE = "contracts/action_form.html"


def _back(person) -> str:
    return reverse("people:detail", args=[person.pk])


@require_roles(*MANAGER_ROLES)
def diagnosis_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    partners = Partner.objects.filter(organisation_id=person.structure.organisation_id, is_active=True)
    form = DiagnosisForm(request.POST or None, partners=partners)
    return run_form(
        request,
        form,
        lambda data: services.diagnosis_create(actor=request.user, person=person, **data),
        success="Le diagnostic d'éligibilité est enregistré.",
        redirect_to=_back(person),
        template=TEMPLATE,
        context={"person": person, "title": f"Diagnostic d'éligibilité de {person}", "submit": "Enregistrer"},
    )


@require_roles(*MANAGER_ROLES)
def approval_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = ApprovalForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.approval_record(actor=request.user, person=person, **data),
        success="Le PASS IAE est enregistré.",
        redirect_to=_back(person),
        template=TEMPLATE,
        context={"person": person, "title": f"PASS IAE de {person}", "submit": "Enregistrer le PASS IAE"},
    )


@require_roles(*MANAGER_ROLES)
def approval_prolong(request, pk):
    approval = get_approval_or_404(request.scope, pk)
    form = ProlongationForm(request.POST or None, request.FILES or None)
    return run_form(
        request,
        form,
        lambda data: services.approval_prolong(actor=request.user, approval=approval, **data),
        success="La prolongation du PASS IAE est enregistrée.",
        redirect_to=_back(approval.person),
        template=TEMPLATE,
        context={
            "person": approval.person,
            "title": f"Prolonger le PASS IAE n° {approval.number}",
            "submit": "Enregistrer la prolongation",
            "multipart": True,
        },
    )


@require_roles(*MANAGER_ROLES)
def approval_suspend(request, pk):
    approval = get_approval_or_404(request.scope, pk)
    form = ApprovalSuspensionForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.approval_suspend(actor=request.user, approval=approval, **data),
        success="La suspension du PASS IAE est enregistrée.",
        redirect_to=_back(approval.person),
        template=TEMPLATE,
        context={
            "person": approval.person,
            "title": f"Suspendre le PASS IAE n° {approval.number}",
            "submit": "Enregistrer la suspension",
        },
    )
