"""Eligibility diagnoses and PASS IAE. Read by the ACI's staff (the person page shows them), the
criteria that reveal health, justice or child-welfare information (AAH, RQTH, justice, ASE) only
to the CIP and the direction (eligibility/access.py); recorded by direction, CIP and HR through
eligibility/services.py (the ACI rule, the age criteria, the validity; the PASS IAE number, its
prolongations and suspensions with their legal caps). A diagnosis's criteria and date are the
act itself and never change; its proofs are completed. A PASS IAE is issued by the State: its
number and start are recorded, then it changes only by prolongations and suspensions."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.eligibility import services
from tremplin.eligibility.access import (
    approvals_changed_since,
    approvals_in_scope,
    can_manage_eligibility,
    diagnoses_with_readable_criteria,
    get_approval_or_404,
    get_diagnosis_or_404,
    readable_criteria,
)
from tremplin.eligibility.enums import (
    ApprovalStatus,
    ApprovalSuspensionReason,
    AuthorKind,
    Criterion,
    ProlongationReason,
)
from tremplin.eligibility.models import Approval
from tremplin.partners.selectors import active_partners
from tremplin.people.access import get_person_or_404

from ..pagination import ListQuery, page_schema, paginate
from .common import Day, answers, deny_unless, pick

router = Router(tags=["Éligibilité"])


class ProofOut(Schema):
    criterion: Criterion
    note: str
    has_document: bool = Field(description="Un document est joint (il se télécharge depuis la fiche de la personne).")


class DiagnosisOut(Schema):
    id: int
    person_id: int
    author_kind: AuthorKind
    author_partner_id: int | None
    author_name: str
    made_on: date
    expires_on: date
    criteria: list[Criterion] = Field(description="Les critères retenus que le rôle peut lire.")
    proofs: list[ProofOut] = Field(description="Les justificatifs de ces critères.")
    created_at: datetime


class DiagnosisIn(Schema):
    person_id: int
    author_kind: AuthorKind
    author_partner_id: int | None = None
    author_name: str = Field("", max_length=200)
    made_on: date
    criteria: list[Criterion] = Field(..., max_length=len(Criterion))


class ProofIn(Schema):
    criterion: Criterion
    note: str = Field(..., max_length=5000)


class DiagnosisUpdate(Schema):
    proofs: list[ProofIn] = Field(
        ...,
        max_length=len(Criterion),
        description="Les précisions des justificatifs de critères retenus ; les critères eux-mêmes ne changent pas.",
    )


class DiagnosisQuery(ListQuery):
    person_id: int | None = None


DiagnosisPage = page_schema(DiagnosisOut, "DiagnosisPage")


def _diagnoses(scope):
    return diagnoses_with_readable_criteria(scope)


def _out(diagnosis) -> dict:
    data = {name: getattr(diagnosis, name) for name in DiagnosisOut.model_fields if name not in ("criteria", "proofs")}
    lines = list(diagnosis.criteria.all())
    data["criteria"] = [line.criterion for line in lines]
    data["proofs"] = [
        {"criterion": line.criterion, "note": line.proof_note, "has_document": bool(line.proof)} for line in lines
    ]
    return data


@router.get("/eligibility-diagnoses", response=answers(200, DiagnosisPage), url_name="diagnosis_list")
def diagnosis_list(request, query: Query[DiagnosisQuery]):
    """Les diagnostics d'éligibilité des personnes de l'ACI (jamais modifiés : `updated_since` porte sur leur
    création)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    diagnoses = _diagnoses(scope).filter(person__structure=scope.structure)
    if query.person_id:
        diagnoses = diagnoses.filter(person_id=query.person_id)
    return paginate(diagnoses.order_by("pk"), query, changed_field="created_at", item=_out)


@router.get("/eligibility-diagnoses/{id}", response=answers(200, DiagnosisOut), url_name="diagnosis_detail")
def diagnosis_detail(request, id: int):
    from django.shortcuts import get_object_or_404

    return _out(get_object_or_404(_diagnoses(request.auth), pk=id))


@router.post("/eligibility-diagnoses", response=answers(201, DiagnosisOut), url_name="diagnosis_create")
def diagnosis_create(request, payload: DiagnosisIn):
    """Un diagnostic fait par un prescripteur (`author_partner_id`, valable 6 mois) ou par l'ACI (92 jours) ;
    ses critères doivent remplir la règle ACI (1 critère de niveau 1, ou 3 de niveau 2)."""
    scope = request.auth
    deny_unless(can_manage_eligibility(scope))
    person = get_person_or_404(scope, payload.person_id)
    partner = pick(
        active_partners(person.structure.organisation_id),
        payload.author_partner_id,
        field="author_partner_id",
        label="Prescripteur",
    )
    diagnosis = services.diagnosis_create(
        actor=request.user,
        person=person,
        author_kind=payload.author_kind,
        author_partner=partner,
        author_name=payload.author_name,
        made_on=payload.made_on,
        criteria=[str(c) for c in payload.criteria],
    )
    return Status(201, _out(_diagnoses(scope).get(pk=diagnosis.pk)))


@router.patch("/eligibility-diagnoses/{id}", response=answers(200, DiagnosisOut), url_name="diagnosis_update")
def diagnosis_update(request, id: int, payload: DiagnosisUpdate):
    """Compléter les justificatifs des critères retenus (direction, CIP, RH). Les critères et la date sont
    le diagnostic lui-même : un autre critère demande un nouveau diagnostic."""
    scope = request.auth
    deny_unless(can_manage_eligibility(scope))
    diagnosis = get_diagnosis_or_404(scope, id)
    readable = readable_criteria(scope)
    proofs = [services.CriterionProof(criterion=str(p.criterion), proof_note=p.note) for p in payload.proofs]
    services.diagnosis_complete_proofs(diagnosis=diagnosis, proofs=proofs, readable=readable)
    return _out(_diagnoses(scope).get(pk=id))


# PASS IAE


class ProlongationOut(Schema):
    id: int
    reason: ProlongationReason
    start: date
    end: date
    decided_by: str
    created_at: datetime


class ApprovalSuspensionOut(Schema):
    id: int
    reason: ApprovalSuspensionReason
    start: date
    end: date
    created_at: datetime


class ApprovalOut(Schema):
    id: int
    person_id: int
    number: str
    start: date
    end: date = Field(description="La fin initiale (début + 730 jours - 1).")
    effective_end: date = Field(description="La fin en vigueur, prolongations et suspensions comprises.")
    status: ApprovalStatus = Field(description="L'état du PASS IAE aujourd'hui.")
    prolongations: list[ProlongationOut]
    suspensions: list[ApprovalSuspensionOut]
    created_at: datetime


class ApprovalIn(Schema):
    person_id: int
    number: str = Field(..., min_length=1, max_length=20, description="12 caractères ; les espaces sont ignorés.")
    start: Day


class ProlongationIn(Schema):
    reason: ProlongationReason
    end: Day = Field(..., description="Pour une fin de formation : la date de fin de la formation.")
    decided_by: str = Field(..., min_length=1, max_length=200)


class ApprovalSuspensionIn(Schema):
    reason: ApprovalSuspensionReason
    start: Day
    end: Day


class ApprovalQuery(ListQuery):
    person_id: int | None = None


ApprovalPage = page_schema(ApprovalOut, "ApprovalPage")


def _approvals(scope):
    return approvals_in_scope(scope).prefetch_related("prolongations", "suspensions")


def _approval_out(approval: Approval) -> dict:
    data = {name: getattr(approval, name) for name in ("id", "person_id", "number", "start", "end", "created_at")}
    data["effective_end"] = approval.effective_end
    data["status"] = approval.status_on(timezone.localdate())
    data["prolongations"] = list(approval.prolongations.all())
    data["suspensions"] = list(approval.suspensions.all())
    return data


@router.get("/approvals", response=answers(200, ApprovalPage), url_name="approval_list")
def approval_list(request, query: Query[ApprovalQuery]):
    """Les PASS IAE des personnes de l'ACI (personnel de l'ACI). `updated_since` : enregistrés, prolongés ou
    suspendus depuis."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    approvals = _approvals(scope).filter(person__structure=scope.structure)
    if query.person_id:
        approvals = approvals.filter(person_id=query.person_id)
    if query.updated_since is not None:
        since = query.updated_since
        changed = approvals_changed_since(scope, since)
        approvals = approvals.filter(pk__in=changed.values("pk"))
        query = query.model_copy(update={"updated_since": None})
    return paginate(approvals.order_by("pk"), query, item=_approval_out)


@router.get("/approvals/{id}", response=answers(200, ApprovalOut), url_name="approval_detail")
def approval_detail(request, id: int):
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    return _approval_out(get_approval_or_404(scope, id))


@router.post("/approvals", response=answers(201, ApprovalOut), url_name="approval_create")
def approval_create(request, payload: ApprovalIn):
    """Enregistrer le PASS IAE délivré à une personne (direction, CIP, RH) : numéro et début ; sa fin initiale
    est calculée. Deux PASS d'une personne ne se chevauchent pas."""
    scope = request.auth
    deny_unless(can_manage_eligibility(scope))
    person = get_person_or_404(scope, payload.person_id)
    approval = services.approval_record(actor=request.user, person=person, number=payload.number, start=payload.start)
    return Status(201, _approval_out(_approvals(scope).get(pk=approval.pk)))


@router.post("/approvals/{id}/prolongations", response=answers(201, ApprovalOut), url_name="approval_prolong")
def approval_prolong(request, id: int, payload: ProlongationIn):
    """Enregistrer une décision de prolongation : elle commence le lendemain de la fin en vigueur, dure 12 mois
    au plus, dans le plafond total de son motif. Le document de la décision se joint depuis la fiche."""
    scope = request.auth
    deny_unless(can_manage_eligibility(scope))
    approval = get_approval_or_404(scope, id)
    services.approval_prolong(actor=request.user, approval=approval, **payload.dict())
    return Status(201, _approval_out(_approvals(scope).get(pk=id)))


@router.post("/approvals/{id}/suspensions", response=answers(201, ApprovalOut), url_name="approval_suspend")
def approval_suspend(request, id: int, payload: ApprovalSuspensionIn):
    """Enregistrer une suspension du PASS IAE : elle commence pendant le PASS, n'en chevauche pas une autre,
    et repousse la fin d'autant de jours."""
    scope = request.auth
    deny_unless(can_manage_eligibility(scope))
    approval = get_approval_or_404(scope, id)
    services.approval_suspend(actor=request.user, approval=approval, **payload.dict())
    return Status(201, _approval_out(_approvals(scope).get(pk=id)))
