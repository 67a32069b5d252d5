"""ACI (structures), production supports (ateliers, chantiers) and the partner directory."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.accounts.access import can_manage_production_supports
from tremplin.accounts.enums import Role
from tremplin.organisations import services
from tremplin.organisations.access import (
    get_production_support_or_404,
    get_structure_or_404,
    structures_in_scope,
)
from tremplin.organisations.enums import ActivitySector, SupportKind
from tremplin.organisations.selectors import production_support_list, supervisors_of
from tremplin.partners.enums import PartnerKind
from tremplin.partners.services import partner_create, partner_update
from tremplin.support.access import can_write_support, get_partner_or_404

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick

router = Router(tags=["ACI et supports"])


class StructureOut(Schema):
    id: int
    organisation_id: int
    name: str
    siret: str
    department: str
    address: str
    postal_code: str
    city: str
    convention_reference: str
    created_at: datetime
    updated_at: datetime


class StructureUpdate(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    address: str | None = Field(None, max_length=300)
    postal_code: str | None = Field(None, max_length=5)
    city: str | None = Field(None, max_length=120)
    convention_reference: str | None = Field(None, max_length=40)


StructurePage = page_schema(StructureOut, "StructurePage")


@router.get("/structures", response=answers(200, StructurePage), url_name="structure_list")
def structure_list(request, query: Query[ListQuery]):
    """Les ACI du contexte (tous ceux de la structure porteuse pour une direction de la structure porteuse)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    return paginate(structures_in_scope(scope).order_by("name", "pk"), query)


@router.get("/structures/{id}", response=answers(200, StructureOut), url_name="structure_detail")
def structure_detail(request, id: int):
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    return get_structure_or_404(scope, id)


@router.patch("/structures/{id}", response=answers(200, StructureOut), url_name="structure_update")
def structure_update(request, id: int, payload: StructureUpdate):
    scope = request.auth
    deny_unless(scope.has_role(Role.DIRECTOR))
    structure = get_structure_or_404(scope, id)
    return services.structure_update(structure=structure, **payload.dict(exclude_unset=True, exclude_none=True))


class SupportOut(Schema):
    id: int
    structure_id: int
    kind: SupportKind
    name: str
    sector: ActivitySector
    client: str
    site_address: str
    planned_start: date | None
    planned_end: date | None
    supervisor_id: int | None
    created_at: datetime
    updated_at: datetime


class SupportIn(Schema):
    kind: SupportKind
    name: str = Field(..., min_length=1, max_length=200)
    sector: ActivitySector
    client: str = Field("", max_length=200)
    site_address: str = Field("", max_length=300)
    planned_start: date | None = None
    planned_end: date | None = None
    supervisor_id: int | None = None


class SupportUpdate(Schema):
    kind: SupportKind | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    sector: ActivitySector | None = None
    client: str | None = Field(None, max_length=200)
    site_address: str | None = Field(None, max_length=300)
    planned_start: date | None = None
    planned_end: date | None = None
    supervisor_id: int | None = None


class SupportQuery(ListQuery):
    kind: SupportKind | None = None


SupportPage = page_schema(SupportOut, "SupportPage")


def _support_fields(data: dict, structure) -> dict:
    if "supervisor_id" in data:
        data["supervisor"] = pick(
            supervisors_of(structure), data.pop("supervisor_id"), field="supervisor_id", label="Encadrant·e"
        )
    return data


@router.get("/production-supports", response=answers(200, SupportPage), url_name="support_list")
def support_list(request, query: Query[SupportQuery]):
    """Les ateliers et chantiers de l'ACI du contexte (personnel de l'ACI)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    supports = production_support_list(scope, kind=query.kind).order_by("pk")
    return paginate(supports, query)


@router.get("/production-supports/{id}", response=answers(200, SupportOut), url_name="support_detail")
def support_detail(request, id: int):
    return get_production_support_or_404(request.auth, id)


@router.post("/production-supports", response=answers(201, SupportOut), url_name="support_create")
def support_create(request, payload: SupportIn):
    scope = request.auth
    deny_unless(can_manage_production_supports(scope))
    fields = _support_fields(payload.dict(), scope.structure)
    return Status(201, services.production_support_create(structure=scope.structure, **fields))


@router.patch("/production-supports/{id}", response=answers(200, SupportOut), url_name="support_update")
def support_update(request, id: int, payload: SupportUpdate):
    scope = request.auth
    deny_unless(can_manage_production_supports(scope))
    support = get_production_support_or_404(scope, id)
    fields = _support_fields(payload.dict(exclude_unset=True), support.structure)
    for required in ("kind", "name", "sector"):
        if fields.get(required, "") is None:
            fields.pop(required)
    return services.production_support_update(support=support, **fields)


class PartnerOut(Schema):
    id: int
    organisation_id: int
    name: str
    kind: PartnerKind
    siret: str
    email: str
    phone: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


class PartnerIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: PartnerKind
    siret: str = Field("", max_length=14)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)


class PartnerUpdate(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: PartnerKind | None = None
    siret: str | None = Field(None, max_length=14)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=20)
    is_active: bool | None = Field(None, description="false : n'est plus proposé pour les nouvelles orientations.")


PartnerPage = page_schema(PartnerOut, "PartnerPage")


def _directory(scope):
    from tremplin.support.selectors import partner_directory

    return partner_directory(scope)


@router.get("/partners", response=answers(200, PartnerPage), url_name="partner_list")
def partner_list(request, query: Query[ListQuery]):
    """L'annuaire des partenaires de la structure porteuse (direction et CIP, comme la page de l'annuaire)."""
    scope = request.auth
    deny_unless(can_write_support(scope))
    return paginate(_directory(scope).order_by("name", "pk"), query)


@router.get("/partners/{id}", response=answers(200, PartnerOut), url_name="partner_detail")
def partner_detail(request, id: int):
    return get_partner_or_404(request.auth, id)


@router.post("/partners", response=answers(201, PartnerOut), url_name="partner_create")
def partner_create_view(request, payload: PartnerIn):
    scope = request.auth
    deny_unless(can_write_support(scope))
    return Status(201, partner_create(organisation=scope.structure.organisation, **payload.dict()))


@router.patch("/partners/{id}", response=answers(200, PartnerOut), url_name="partner_update")
def partner_update_view(request, id: int, payload: PartnerUpdate):
    """Corriger un partenaire de l'annuaire, ou le rendre inactif (direction et CIP)."""
    partner = get_partner_or_404(request.auth, id)
    return partner_update(partner=partner, **payload.dict(exclude_unset=True, exclude_none=True))
