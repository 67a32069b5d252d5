"""Immersions (PMSMP) and the host companies of the ACI (immersions app). Read by the ACI's staff,
written by direction and CIP (immersions/access.py), through immersions/services.py so that every
limit of the law applies (one month date to date, one renewal for the same objective and host,
two conventions and 60 days per host over 12 months, within the CDDI...), each refusal a 422 with
its French message. Host companies are read-only here (created on the pages)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.immersions import services
from tremplin.immersions.access import (
    can_manage_immersions,
    can_read_immersions,
    get_host_company_or_404,
    get_immersion_or_404,
    host_companies_in_scope,
)
from tremplin.immersions.enums import CddiDuring, EvaluationLevel, ImmersionStatus, Objective, Outcome
from tremplin.immersions.selectors import immersion_list as immersions_of_aci
from tremplin.immersions.selectors import immersion_warnings, renewable_immersions
from tremplin.people.access import get_person_or_404
from tremplin.people.selectors import counsellors_of

from ..pagination import ListQuery, page_schema, paginate
from .common import Day, answers, deny_unless, fields_renamed, pick, rome_job

router = Router(tags=["PMSMP"])

# The services name the model's fields; the API's inputs name the ids.
INPUT_NAMES = {
    "host": "host_id",
    "contract": "contract_id",
    "referent": "referent_id",
    "renewal_of": "renewal_of_id",
    "rome_job": "rome_code",
}


class HostCompanyOut(Schema):
    id: int
    structure_id: int
    name: str
    siret: str
    address: str
    postal_code: str
    city: str
    activity: str
    naf_code: str
    created_at: datetime
    updated_at: datetime


class ImmersionOut(Schema):
    id: int
    structure_id: int
    person_id: int
    contract_id: int | None
    host_id: int
    referent_id: int | None
    tutor_name: str
    tutor_function: str
    tutor_phone: str
    tutor_email: str
    objective: Objective
    rome_code: str
    activities: str
    place: str
    start: date
    end: date
    weekly_schedule: str
    total_hours: Decimal
    cddi_during: CddiDuring
    protective_equipment: str
    risks: str
    follow_up_arrangements: str
    renewal_of_id: int | None
    status: ImmersionStatus
    evaluated_on: date | None
    punctuality: EvaluationLevel | None
    integration: EvaluationLevel | None
    skills: EvaluationLevel | None
    autonomy: EvaluationLevel | None
    safety: EvaluationLevel | None
    evaluation_text: str
    outcome: Outcome | None
    outcome_date: date | None
    created_at: datetime
    updated_at: datetime


class ImmersionDetailOut(ImmersionOut):
    warnings: list[str] = Field(
        description="Ce qui est à vérifier sans empêcher l'enregistrement (part des PMSMP dans le CDDI)."
    )


class ImmersionIn(Schema):
    person_id: int
    host_id: int = Field(description="Une structure d'accueil de l'annuaire de l'ACI de la personne.")
    contract_id: int | None = Field(None, description="Le CDDI de la personne pendant lequel elle a lieu.")
    referent_id: int | None = Field(None, description="Une CIP de l'ACI ; par défaut la CIP de la personne.")
    tutor_name: str = Field(..., min_length=1, max_length=200)
    tutor_function: str = Field(..., min_length=1, max_length=200)
    tutor_phone: str = Field("", max_length=20)
    tutor_email: str = Field("", max_length=254)
    objective: Objective
    rome_code: str = Field(..., max_length=5, description="Le métier observé, code ROME (ex. A1203).")
    activities: str = Field("", max_length=5000)
    place: str = Field(..., min_length=1, max_length=300)
    start: Day
    end: Day
    weekly_schedule: str = Field(..., min_length=1, max_length=2000)
    total_hours: Decimal = Field(..., gt=0, max_digits=5, decimal_places=2)
    cddi_during: CddiDuring = CddiDuring.CONTINUES
    protective_equipment: str = Field("", max_length=5000)
    risks: str = Field("", max_length=5000)
    follow_up_arrangements: str = Field("", max_length=5000)
    renewal_of_id: int | None = Field(None, description="La PMSMP de la même personne que celle-ci renouvelle.")
    status: ImmersionStatus = ImmersionStatus.PLANNED


class ImmersionUpdate(Schema):
    host_id: int | None = None
    contract_id: int | None = None
    referent_id: int | None = None
    tutor_name: str | None = Field(None, min_length=1, max_length=200)
    tutor_function: str | None = Field(None, min_length=1, max_length=200)
    tutor_phone: str | None = Field(None, max_length=20)
    tutor_email: str | None = Field(None, max_length=254)
    objective: Objective | None = None
    rome_code: str | None = Field(None, max_length=5)
    activities: str | None = Field(None, max_length=5000)
    place: str | None = Field(None, min_length=1, max_length=300)
    start: Day | None = None
    end: Day | None = None
    weekly_schedule: str | None = Field(None, min_length=1, max_length=2000)
    total_hours: Decimal | None = Field(None, gt=0, max_digits=5, decimal_places=2)
    cddi_during: CddiDuring | None = None
    protective_equipment: str | None = Field(None, max_length=5000)
    risks: str | None = Field(None, max_length=5000)
    follow_up_arrangements: str | None = Field(None, max_length=5000)
    renewal_of_id: int | None = None
    status: ImmersionStatus | None = None


# Ids that may be set to null (the other fields keep their value when null is sent).
NULLABLE = {"contract_id", "referent_id", "renewal_of_id"}


class ImmersionQuery(ListQuery):
    person_id: int | None = None
    status: ImmersionStatus | None = None
    start: date | None = Field(None, description="Les PMSMP qui finissent ce jour ou après.")
    end: date | None = Field(None, description="Les PMSMP qui commencent ce jour ou avant.")


class HostQuery(ListQuery):
    pass


ImmersionPage = page_schema(ImmersionOut, "ImmersionPage")
HostCompanyPage = page_schema(HostCompanyOut, "HostCompanyPage")


def _out(immersion) -> dict:
    data = {name: getattr(immersion, name) for name in ImmersionOut.model_fields if name != "rome_code"}
    data["rome_code"] = immersion.rome_job.code
    for name in ("punctuality", "integration", "skills", "autonomy", "safety", "outcome"):
        data[name] = data[name] or None
    return data


def _detail(immersion) -> dict:
    return {**_out(immersion), "warnings": immersion_warnings(immersion)}


def _related(scope, person, data: dict, *, immersion=None) -> dict:
    """The records named by id, each chosen among those the page offers for this person."""
    hosts = host_companies_in_scope(scope).filter(structure_id=person.structure_id)
    choices = {
        "host_id": ("host", hosts, "Structure d'accueil"),
        "contract_id": ("contract", person.contracts.all(), "Contrat"),
        "referent_id": ("referent", counsellors_of(person.structure), "Référent·e"),
        "renewal_of_id": ("renewal_of", renewable_immersions(person, exclude=immersion), "PMSMP renouvelée"),
    }  # fmt: skip
    for key, (name, queryset, label) in choices.items():
        if key in data:
            data[name] = pick(queryset, data.pop(key), field=key, label=label)
    if "rome_code" in data:
        data["rome_job"] = rome_job(data.pop("rome_code"))
    return data


@router.get("/host-companies", response=answers(200, HostCompanyPage), url_name="host_company_list")
def host_company_list(request, query: Query[HostQuery]):
    """Les structures d'accueil de l'annuaire de l'ACI (personnel de l'ACI)."""
    scope = request.auth
    deny_unless(can_read_immersions(scope))
    hosts = host_companies_in_scope(scope).filter(structure=scope.structure).order_by("name", "pk")
    return paginate(hosts, query)


@router.get("/host-companies/{id}", response=answers(200, HostCompanyOut), url_name="host_company_detail")
def host_company_detail(request, id: int):
    scope = request.auth
    deny_unless(can_read_immersions(scope))
    return get_host_company_or_404(scope, id)


@router.get("/immersions", response=answers(200, ImmersionPage), url_name="immersion_list")
def immersion_list(request, query: Query[ImmersionQuery]):
    """Les PMSMP de l'ACI (personnel de l'ACI), les plus récentes d'abord."""
    scope = request.auth
    deny_unless(can_read_immersions(scope))
    immersions = immersions_of_aci(scope, status=query.status or "", start=query.start, end=query.end)
    if query.person_id:
        immersions = immersions.filter(person_id=query.person_id)
    return paginate(immersions, query, item=_out)


@router.get("/immersions/{id}", response=answers(200, ImmersionDetailOut), url_name="immersion_detail")
def immersion_detail(request, id: int):
    scope = request.auth
    deny_unless(can_read_immersions(scope))
    return _detail(get_immersion_or_404(scope, id))


@router.post("/immersions", response=answers(201, ImmersionDetailOut), url_name="immersion_create")
def immersion_create(request, payload: ImmersionIn):
    """Une convention de PMSMP (direction, CIP) : 1 mois au plus de date à date, un seul renouvellement
    (même objectif, même structure d'accueil), au plus 2 conventions et 60 jours avec une même structure
    d'accueil sur 12 mois, dans le CDDI quand elle a lieu pendant le contrat."""
    scope = request.auth
    deny_unless(can_manage_immersions(scope))
    person = get_person_or_404(scope, payload.person_id)
    data = payload.dict()
    del data["person_id"]
    data = _related(scope, person, data)
    with fields_renamed(INPUT_NAMES):
        immersion = services.immersion_create(actor=request.user, person=person, **data)
    return Status(201, _detail(get_immersion_or_404(scope, immersion.pk)))


@router.patch("/immersions/{id}", response=answers(200, ImmersionDetailOut), url_name="immersion_update")
def immersion_update(request, id: int, payload: ImmersionUpdate):
    """Changer les termes ou le statut d'une PMSMP (direction, CIP) : les mêmes règles qu'à la création."""
    scope = request.auth
    deny_unless(can_manage_immersions(scope))
    immersion = get_immersion_or_404(scope, id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in NULLABLE}
    data = _related(scope, immersion.person, data, immersion=immersion)
    with fields_renamed(INPUT_NAMES):
        services.immersion_update(immersion=immersion, **data)
    return _detail(get_immersion_or_404(scope, id))
