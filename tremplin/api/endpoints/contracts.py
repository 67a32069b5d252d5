"""Contracts (CDDI, CDI inclusion) with their amendments, derogations, suspensions, early end and
exit. Read by the ACI's staff (the person page shows them); written by direction, CIP and HR
through contracts/services.py, which checks every rule of the Code du travail. Free-text reasons
and comments are given to those writers only, as the person page's timeline leaves them out."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.contracts import services
from tremplin.contracts.access import (
    amendments_in_scope,
    can_manage_contracts,
    contracts_in_scope,
    derogations_in_scope,
    exits_in_scope,
    get_contract_or_404,
    suspensions_in_scope,
)
from tremplin.contracts.enums import (
    AmendmentKind,
    ContractKind,
    DerogationKind,
    EarlyEndReason,
    ExitReason,
    SuspensionKind,
)
from tremplin.organisations.access import production_supports_in_scope
from tremplin.people.access import get_person_or_404

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick, rome_job

router = Router(tags=["Contrats"])

FIELD_REQUIRED = "Ce champ est obligatoire pour un avenant de ce type."


class ContractOut(Schema):
    id: int
    person_id: int
    structure_id: int
    production_support_id: int | None
    kind: ContractKind
    rome_code: str | None
    job_label: str
    start: date
    initial_end: date | None
    end: date | None
    effective_end: date | None
    initial_weekly_hours: Decimal
    weekly_hours: Decimal
    hourly_pay: Decimal
    trial_period_end: date | None
    sentence_adjustment: bool
    ended_on: date | None
    early_end_reason: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_rome_code(contract) -> str | None:
        return contract.rome_job.code if contract.rome_job_id else None


class HireIn(Schema):
    person_id: int
    start: date
    end: date | None = Field(
        None, description="Fin prévue (obligatoire pour un CDDI, sans objet pour un CDI inclusion)."
    )
    weekly_hours: Decimal = Field(..., gt=0, le=35, max_digits=4, decimal_places=2)
    hourly_pay: Decimal = Field(..., gt=0, max_digits=6, decimal_places=2)
    job_label: str = Field(..., min_length=1, max_length=200)
    kind: ContractKind = ContractKind.CDDI
    rome_code: str | None = Field(None, max_length=5)
    production_support_id: int | None = None
    sentence_adjustment: bool = False
    referral_id: int | None = Field(
        None, description="L'orientation d'où vient l'embauche : elle passe à « Embauchée » avec le contrat."
    )


class ContractQuery(ListQuery):
    person_id: int | None = None


ContractPage = page_schema(ContractOut, "ContractPage")


@router.get("/contracts", response=answers(200, ContractPage), url_name="contract_list")
def contract_list(request, query: Query[ContractQuery]):
    """Les contrats des personnes de l'ACI du contexte."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    contracts = contracts_in_scope(scope).filter(structure=scope.structure).select_related("rome_job")
    if query.person_id:
        contracts = contracts.filter(person_id=query.person_id)
    return paginate(contracts.order_by("pk"), query)


@router.get("/contracts/{id}", response=answers(200, ContractOut), url_name="contract_detail")
def contract_detail(request, id: int):
    return get_contract_or_404(request.auth, id)


@router.post("/contracts", response=answers(201, ContractOut), url_name="contract_create")
def contract_create(request, payload: HireIn):
    """Embaucher (direction, CIP, administratif/RH) : toutes les règles du CDDI, et d'abord un PASS IAE
    ou un diagnostic d'éligibilité valable à la date d'embauche."""
    from tremplin.recruitment.access import get_referral_or_404
    from tremplin.recruitment.services import referral_hire

    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    person = get_person_or_404(scope, payload.person_id)
    referral = None
    if payload.referral_id is not None:
        referral = get_referral_or_404(scope, payload.referral_id)
        if referral.person_id != person.pk:
            raise ValidationError({"referral_id": "Cette orientation concerne une autre personne."})
    fields = {
        "start": payload.start,
        "end": payload.end,
        "weekly_hours": payload.weekly_hours,
        "hourly_pay": payload.hourly_pay,
        "job_label": payload.job_label,
        "kind": payload.kind,
        "rome_job": rome_job(payload.rome_code),
        "production_support": pick(
            production_supports_in_scope(scope).filter(structure=person.structure),
            payload.production_support_id,
            field="production_support_id",
            label="Atelier ou chantier",
        ),
        "sentence_adjustment": payload.sentence_adjustment,
    }
    if referral is not None:
        contract = referral_hire(actor=request.user, referral=referral, **fields)
    else:
        contract = services.contract_create(actor=request.user, person=person, **fields)
    return Status(201, contract)


class EarlyEndIn(Schema):
    on: date
    reason: EarlyEndReason


@router.post("/contracts/{id}/early-end", response=answers(200, ContractOut), url_name="contract_end_early")
def contract_end_early(request, id: int, payload: EarlyEndIn):
    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    contract = get_contract_or_404(scope, id)
    return services.contract_end_early(actor=request.user, contract=contract, on=payload.on, reason=payload.reason)


# Amendments


class AmendmentOut(Schema):
    id: int
    contract_id: int
    kind: AmendmentKind
    effective_date: date
    previous_end: date | None
    new_end: date | None
    previous_weekly_hours: Decimal | None
    new_weekly_hours: Decimal | None
    previous_job_label: str
    new_job_label: str
    comment: str
    created_at: datetime


class AmendmentIn(Schema):
    kind: AmendmentKind
    until: date | None = Field(None, description="Renouvellement : la nouvelle fin prévue.")
    effective_date: date | None = Field(None, description="Changement de durée ou de poste : la date d'effet.")
    weekly_hours: Decimal | None = Field(None, gt=0, le=35, max_digits=4, decimal_places=2)
    job_label: str | None = Field(None, min_length=1, max_length=200)
    rome_code: str | None = Field(None, max_length=5)
    comment: str = Field("", max_length=2000)


class RecordQuery(ListQuery):
    contract_id: int | None = None
    person_id: int | None = None


AmendmentPage = page_schema(AmendmentOut, "AmendmentPage")


def _visible_text(scope, record, *names):
    if not can_manage_contracts(scope):
        for name in names:
            setattr(record, name, "")
    return record


def _of_contracts(scope, queryset, query: RecordQuery, prefix: str = "contract__"):
    """`queryset` (already in the scope) narrowed to the current ACI and the query's filters."""
    queryset = queryset.filter(**{f"{prefix}structure": scope.structure})
    if query.contract_id:
        queryset = queryset.filter(**{f"{prefix}id": query.contract_id})
    if query.person_id:
        queryset = queryset.filter(**{f"{prefix}person_id": query.person_id})
    return queryset


@router.get("/amendments", response=answers(200, AmendmentPage), url_name="amendment_list")
def amendment_list(request, query: Query[RecordQuery]):
    """Les avenants (jamais modifiés : `updated_since` porte sur leur création)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    amendments = _of_contracts(scope, amendments_in_scope(scope), query).order_by("pk")
    return paginate(amendments, query, changed_field="created_at", item=lambda a: _visible_text(scope, a, "comment"))


@router.post("/contracts/{id}/amendments", response=answers(201, AmendmentOut), url_name="amendment_create")
def amendment_create(request, id: int, payload: AmendmentIn):
    """Un avenant : renouvellement (`until`), durée hebdomadaire (`effective_date`, `weekly_hours`) ou poste
    (`effective_date`, `job_label`, `rome_code`)."""
    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    contract = get_contract_or_404(scope, id)
    actor, comment = request.user, payload.comment

    def required(*names):
        missing = {name: FIELD_REQUIRED for name in names if getattr(payload, name) is None}
        if missing:
            raise ValidationError(missing)

    if payload.kind == AmendmentKind.RENEWAL:
        required("until")
        amendment = services.contract_renew(actor=actor, contract=contract, until=payload.until, comment=comment)
    elif payload.kind == AmendmentKind.HOURS:
        required("effective_date", "weekly_hours")
        amendment = services.contract_change_hours(
            actor=actor,
            contract=contract,
            effective_date=payload.effective_date,
            weekly_hours=payload.weekly_hours,
            comment=comment,
        )
    else:
        required("effective_date", "job_label")
        amendment = services.contract_change_job(
            actor=actor,
            contract=contract,
            effective_date=payload.effective_date,
            job_label=payload.job_label,
            rome_job=rome_job(payload.rome_code),
            comment=comment,
        )
    return Status(201, amendment)


# Suspensions


class SuspensionOut(Schema):
    id: int
    contract_id: int
    kind: SuspensionKind
    start: date
    end: date
    comment: str
    created_at: datetime


class SuspensionIn(Schema):
    kind: SuspensionKind
    start: date
    end: date
    comment: str = Field("", max_length=2000)


SuspensionPage = page_schema(SuspensionOut, "SuspensionPage")


@router.get("/suspensions", response=answers(200, SuspensionPage), url_name="suspension_list")
def suspension_list(request, query: Query[RecordQuery]):
    """Les suspensions de contrat (jamais modifiées : `updated_since` porte sur leur création)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    suspensions = _of_contracts(scope, suspensions_in_scope(scope), query).order_by("pk")
    return paginate(suspensions, query, changed_field="created_at", item=lambda s: _visible_text(scope, s, "comment"))


@router.post("/contracts/{id}/suspensions", response=answers(201, SuspensionOut), url_name="suspension_create")
def suspension_create(request, id: int, payload: SuspensionIn):
    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    contract = get_contract_or_404(scope, id)
    return Status(201, services.suspension_record(actor=request.user, contract=contract, **payload.dict()))


# Exits


class ExitOut(Schema):
    id: int
    contract_id: int
    person_id: int
    exit_date: date
    reason: ExitReason
    category: str
    next_employer: str
    next_contract_type: str
    comment: str
    created_at: datetime

    @staticmethod
    def resolve_category(exit_) -> str:
        return str(exit_.category)


class ExitIn(Schema):
    reason: ExitReason
    next_employer: str = Field("", max_length=200)
    next_contract_type: str = Field("", max_length=100)
    comment: str = Field("", max_length=2000)


ExitPage = page_schema(ExitOut, "ExitPage")


@router.get("/exits", response=answers(200, ExitPage), url_name="exit_list")
def exit_list(request, query: Query[RecordQuery]):
    """Les sorties, avec leur catégorie DGEFP (jamais modifiées : `updated_since` porte sur leur création)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    exits = _of_contracts(scope, exits_in_scope(scope), query).order_by("pk")
    return paginate(exits, query, changed_field="created_at", item=lambda e: _visible_text(scope, e, "comment"))


@router.post("/contracts/{id}/exit", response=answers(201, ExitOut), url_name="exit_create")
def exit_create(request, id: int, payload: ExitIn):
    """Enregistrer la sortie au dernier jour du contrat ; les suivis à 3 et 6 mois sont programmés."""
    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    contract = get_contract_or_404(scope, id)
    return Status(201, services.exit_record(actor=request.user, contract=contract, **payload.dict()))


# Derogations


class DerogationOut(Schema):
    id: int
    structure_id: int
    person_id: int | None
    kind: DerogationKind
    reason: str
    decision_date: date
    decided_by: str
    start: date
    end: date
    created_at: datetime


class DerogationIn(Schema):
    person_id: int
    kind: DerogationKind
    reason: str = Field(..., min_length=1, max_length=2000)
    decision_date: date
    decided_by: str = Field(..., min_length=1, max_length=200)
    start: date
    end: date


class DerogationQuery(ListQuery):
    person_id: int | None = None


DerogationPage = page_schema(DerogationOut, "DerogationPage")


@router.get("/derogations", response=answers(200, DerogationPage), url_name="derogation_list")
def derogation_list(request, query: Query[DerogationQuery]):
    """Les dérogations des personnes de l'ACI et les dérogations collectives de l'ACI (jamais modifiées :
    `updated_since` porte sur leur création)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    derogations = derogations_in_scope(scope)
    if query.person_id:
        derogations = derogations.filter(person_id=query.person_id)
    return paginate(
        derogations.order_by("pk"), query, changed_field="created_at", item=lambda d: _visible_text(scope, d, "reason")
    )


@router.post("/derogations", response=answers(201, DerogationOut), url_name="derogation_create")
def derogation_create(request, payload: DerogationIn):
    """Enregistrer une dérogation pour une personne (la dérogation collective « moins de 20 h » porte sur
    tout l'ACI de la personne)."""
    scope = request.auth
    deny_unless(can_manage_contracts(scope))
    person = get_person_or_404(scope, payload.person_id)
    fields = payload.dict(exclude={"person_id"})
    derogation = services.derogation_record(actor=request.user, structure=person.structure, person=person, **fields)
    return Status(201, derogation)
