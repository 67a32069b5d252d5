"""Eligibility diagnoses. Read by the ACI's staff (the person page shows them), the criteria that
reveal health, justice or child-welfare information (AAH, RQTH, justice, ASE) only to the CIP and
the direction (eligibility/access.py); recorded by direction, CIP and HR through
eligibility/services.py (the ACI rule, the age criteria, the validity)."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Prefetch
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.eligibility import services
from tremplin.eligibility.access import can_manage_eligibility, can_read_sensitive_criteria
from tremplin.eligibility.enums import SENSITIVE_CRITERIA, AuthorKind, Criterion
from tremplin.eligibility.models import DiagnosisCriterion, EligibilityDiagnosis
from tremplin.partners.selectors import active_partners
from tremplin.people.access import get_person_or_404, people_in_scope

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick

router = Router(tags=["Éligibilité"])


class DiagnosisOut(Schema):
    id: int
    person_id: int
    author_kind: AuthorKind
    author_partner_id: int | None
    author_name: str
    made_on: date
    expires_on: date
    criteria: list[Criterion] = Field(description="Les critères retenus que le rôle peut lire.")
    created_at: datetime


class DiagnosisIn(Schema):
    person_id: int
    author_kind: AuthorKind
    author_partner_id: int | None = None
    author_name: str = Field("", max_length=200)
    made_on: date
    criteria: list[Criterion] = Field(..., max_length=len(Criterion))


class DiagnosisQuery(ListQuery):
    person_id: int | None = None


DiagnosisPage = page_schema(DiagnosisOut, "DiagnosisPage")


def _diagnoses(scope):
    criteria = DiagnosisCriterion.objects.order_by("criterion")
    if not can_read_sensitive_criteria(scope):
        criteria = criteria.exclude(criterion__in=SENSITIVE_CRITERIA)
    return EligibilityDiagnosis.objects.filter(person__in=people_in_scope(scope)).prefetch_related(
        Prefetch("criteria", queryset=criteria)
    )


def _out(diagnosis) -> dict:
    data = {name: getattr(diagnosis, name) for name in DiagnosisOut.model_fields if name != "criteria"}
    data["criteria"] = [line.criterion for line in diagnosis.criteria.all()]
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
