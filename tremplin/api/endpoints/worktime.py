"""Timesheet entries: the hours of one kind (worked, or an absence) of a contract on a day. Read
and written by the roles that fill the week's sheet (supervisor, direction, HR: worktime/access.py)
through worktime/services.py (inside the contract, 10 h a day, 48 h a week, validated months
locked). Recording a line that exists (same contract, day and kind) replaces its hours."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.contracts.access import get_contract_or_404
from tremplin.organisations.access import production_supports_in_scope
from tremplin.worktime import services
from tremplin.worktime.access import TIMESHEET_ROLES, entries_in_scope
from tremplin.worktime.enums import EntryKind

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick

router = Router(tags=["Heures"])


class EntryOut(Schema):
    id: int
    contract_id: int
    person_id: int
    structure_id: int
    production_support_id: int | None
    day: date
    kind: EntryKind
    hours: Decimal
    comment: str
    created_at: datetime
    updated_at: datetime


class RecordedOut(Schema):
    entry: EntryOut
    warnings: list[str] = Field(description="Les avertissements qui n'empêchent pas l'enregistrement (français).")


class EntryIn(Schema):
    contract_id: int
    day: date
    kind: EntryKind = EntryKind.WORKED
    hours: Decimal = Field(..., ge=0, le=24, max_digits=4, decimal_places=2)
    comment: str = Field("", max_length=300)
    production_support_id: int | None = None


class EntryUpdate(Schema):
    hours: Decimal = Field(..., ge=0, le=24, max_digits=4, decimal_places=2)
    comment: str | None = Field(None, max_length=300)


class EntryQuery(ListQuery):
    contract_id: int | None = None
    person_id: int | None = None
    day_from: date | None = None
    day_to: date | None = None


EntryPage = page_schema(EntryOut, "TimesheetEntryPage")


@router.get("/timesheet-entries", response=answers(200, EntryPage), url_name="entry_list")
def entry_list(request, query: Query[EntryQuery]):
    """Les lignes d'heures de l'ACI du contexte (encadrant·e, direction, administratif/RH)."""
    scope = request.auth
    deny_unless(scope.role in TIMESHEET_ROLES)
    entries = entries_in_scope(scope).filter(structure=scope.structure)
    if query.contract_id:
        entries = entries.filter(contract_id=query.contract_id)
    if query.person_id:
        entries = entries.filter(person_id=query.person_id)
    if query.day_from:
        entries = entries.filter(day__gte=query.day_from)
    if query.day_to:
        entries = entries.filter(day__lte=query.day_to)
    return paginate(entries.order_by("day", "pk"), query)


@router.get("/timesheet-entries/{id}", response=answers(200, EntryOut), url_name="entry_detail")
def entry_detail(request, id: int):
    return get_object_or_404(entries_in_scope(request.auth), pk=id)


def _record(request, contract, *, day, kind, hours, comment, production_support):
    result = services.timesheet_record(
        actor=request.user,
        contract=contract,
        day=day,
        kind=kind,
        hours=hours,
        comment=comment,
        production_support=production_support,
    )
    return {"entry": result.entry, "warnings": result.warnings}


@router.post("/timesheet-entries", response=answers(201, RecordedOut), url_name="entry_create")
def entry_create(request, payload: EntryIn):
    """Enregistrer les heures d'un type d'un contrat un jour donné (la ligne existante de ce jour et de ce
    type est remplacée)."""
    scope = request.auth
    deny_unless(scope.role in TIMESHEET_ROLES)
    contract = get_contract_or_404(scope, payload.contract_id)
    support = pick(
        production_supports_in_scope(scope).filter(structure=contract.structure_id),
        payload.production_support_id,
        field="production_support_id",
        label="Atelier ou chantier",
    )
    return Status(
        201,
        _record(
            request,
            contract,
            day=payload.day,
            kind=payload.kind,
            hours=payload.hours,
            comment=payload.comment,
            production_support=support,
        ),
    )


@router.patch("/timesheet-entries/{id}", response=answers(200, RecordedOut), url_name="entry_update")
def entry_update(request, id: int, payload: EntryUpdate):
    """Changer les heures d'une ligne (hors mois validé : une correction se fait sur la page du mois)."""
    scope = request.auth
    deny_unless(scope.role in TIMESHEET_ROLES)
    entry = get_object_or_404(entries_in_scope(scope).select_related("contract", "production_support"), pk=id)
    return _record(
        request,
        entry.contract,
        day=entry.day,
        kind=entry.kind,
        hours=payload.hours,
        comment=entry.comment if payload.comment is None else payload.comment,
        production_support=entry.production_support,
    )
