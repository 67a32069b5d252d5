from django.urls import reverse

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.kernel.uploads import file_download
from tremplin.partners.selectors import active_partners
from tremplin.people.access import get_person_or_404

from . import services
from .access import (
    MANAGER_ROLES,
    get_approval_or_404,
    get_criterion_or_404,
    get_diagnosis_or_404,
    readable_criteria,
)
from .forms import ApprovalForm, ApprovalSuspensionForm, DiagnosisForm, ProlongationForm, ProofForm

TEMPLATE = "contracts/action_form.html"


def _back(person) -> str:
    return reverse("people:detail", args=[person.pk])


@require_roles(*MANAGER_ROLES)
def diagnosis_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    partners = active_partners(person.structure.organisation_id)
    form = DiagnosisForm(request.POST or None, request.FILES or None, partners=partners)

    def call(data):
        services.diagnosis_create(
            actor=request.user,
            person=person,
            author_kind=data["author_kind"],
            author_partner=data["author_partner"],
            author_name=data["author_name"],
            made_on=data["made_on"],
            criteria=form.criteria_with_proofs(),
        )

    return run_form(
        request,
        form,
        call,
        success="Le diagnostic d'éligibilité est enregistré.",
        redirect_to=_back(person),
        template=TEMPLATE,
        context={
            "person": person,
            "title": f"Diagnostic d'éligibilité de {person}",
            "submit": "Enregistrer",
            "multipart": True,
        },
    )


@require_roles(*MANAGER_ROLES)
def diagnosis_proofs(request, pk):
    """Add the proof of a retained criterion (a document, a note) to a diagnosis already recorded."""
    diagnosis = get_diagnosis_or_404(request.scope, pk)
    readable = readable_criteria(request.scope)
    criteria = [line for line in diagnosis.criteria.order_by("criterion") if line.criterion in readable]
    form = ProofForm(request.POST or None, request.FILES or None, criteria=criteria)

    def call(data):
        proof = services.CriterionProof(criterion=data["criterion"], proof_note=data["proof_note"], proof=data["proof"])
        services.diagnosis_complete_proofs(diagnosis=diagnosis, proofs=[proof], readable=readable)

    return run_form(
        request,
        form,
        call,
        success="Le justificatif est ajouté au diagnostic.",
        redirect_to=_back(diagnosis.person),
        template=TEMPLATE,
        context={
            "person": diagnosis.person,
            "title": f"Justificatif du diagnostic du {diagnosis.made_on:%d/%m/%Y}",
            "submit": "Ajouter le justificatif",
            "multipart": True,
        },
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


@require_roles(*MANAGER_ROLES)
def proof_download(request, pk):
    criterion = get_criterion_or_404(request.scope, pk)
    return file_download(criterion.proof, filename=criterion.proof.name.rsplit("/", 1)[-1])
