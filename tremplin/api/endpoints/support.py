"""Appointments: the journal of the socio-professional support (support app), with the visibility
of decision 0012 through the support app's own access functions. The journal line (date, kind,
duration, author) is read by the ACI's staff; an ordinary note by direction, CIP and supervisor;
a sensitive note (health, justice, debts) and its topic by the CIP and the direction only, and
every sensitive note given is logged (audit.services.sensitive_read_record, label "Note
d'entretien du dd/mm/yyyy", as on the support page). A sensitive note is never in a list, like
the NIR: it is read one at a time (`GET /appointments/{id}`), each read logged. Written by
direction and CIP through support/services.py; corrected by its author only."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.audit.services import sensitive_read_record
from tremplin.people.access import get_person_or_404
from tremplin.support import services
from tremplin.support.access import (
    appointments_in_scope,
    can_read_details,
    can_read_sensitive,
    can_read_support,
    can_write_support,
    get_appointment_or_404,
    get_own_appointment_or_404,
)
from tremplin.support.enums import AppointmentKind, Confidentiality, SensitiveTopic
from tremplin.support.models import Appointment
from tremplin.support.selectors import _appointment_label

from ..pagination import ListQuery, page_schema, paginate
from .common import Day, answers, deny_unless

router = Router(tags=["Accompagnement"])


class AppointmentOut(Schema):
    id: int
    person_id: int
    held_on: date
    kind: AppointmentKind
    duration_minutes: int
    author_id: int
    author_name: str
    confidentiality: Confidentiality
    topic: SensitiveTopic | None = Field(
        description="Le thème d'une note confidentielle : à la CIP et à la direction seulement, hors des listes."
    )
    notes: str | None = Field(
        description="La note, ou null quand ce rôle ne la lit pas (note ordinaire : direction, CIP, encadrant·e ; "
        "note confidentielle : CIP et direction, jamais dans une liste, chaque lecture journalisée)."
    )
    created_at: datetime
    updated_at: datetime


class AppointmentIn(Schema):
    person_id: int
    held_on: Day
    kind: AppointmentKind
    duration_minutes: int = Field(..., ge=1, le=480)
    notes: str = Field("", max_length=10_000)
    confidentiality: Confidentiality = Confidentiality.ORDINARY
    topic: SensitiveTopic | None = Field(None, description="Obligatoire pour une note confidentielle, sinon absent.")


class AppointmentUpdate(Schema):
    held_on: Day | None = None
    kind: AppointmentKind | None = None
    duration_minutes: int | None = Field(None, ge=1, le=480)
    notes: str | None = Field(None, max_length=10_000)
    confidentiality: Confidentiality | None = None
    topic: SensitiveTopic | None = Field(
        None, description="Pour une note confidentielle ; une note rendue ordinaire perd son thème."
    )


class AppointmentQuery(ListQuery):
    person_id: int | None = None
    held_from: date | None = None
    held_to: date | None = None


AppointmentPage = page_schema(AppointmentOut, "AppointmentPage")


def _out(appointment: Appointment, scope, *, in_list: bool) -> dict:
    """The journal line as `scope` may read it. A sensitive note given here must be logged by the
    caller (`_log_sensitive`): the lists never give one."""
    shown = can_read_details(scope)
    if appointment.is_sensitive:
        shown = can_read_sensitive(scope) and not in_list
    author = appointment.author
    return {
        "id": appointment.pk,
        "person_id": appointment.person_id,
        "held_on": appointment.held_on,
        "kind": appointment.kind,
        "duration_minutes": appointment.duration_minutes,
        "author_id": appointment.author_id,
        "author_name": author.get_full_name() or str(author),
        "confidentiality": appointment.confidentiality,
        "topic": (appointment.topic or None) if shown else None,
        "notes": appointment.notes if shown else None,
        "created_at": appointment.created_at,
        "updated_at": appointment.updated_at,
    }


def _given(appointment: Appointment, scope) -> dict:
    """One appointment as read by its id: a sensitive note given is logged, as on the support page."""
    data = _out(appointment, scope, in_list=False)
    if appointment.is_sensitive and data["notes"] is not None:
        sensitive_read_record(scope=scope, person=appointment.person, records=[appointment], label=_appointment_label)
    return data


@router.get("/appointments", response=answers(200, AppointmentPage), url_name="appointment_list")
def appointment_list(request, query: Query[AppointmentQuery]):
    """Le journal des entretiens des personnes de l'ACI (personnel de l'ACI), sans les notes confidentielles
    (lisez-les une à une)."""
    scope = request.auth
    deny_unless(can_read_support(scope))
    appointments = appointments_in_scope(scope).filter(person__structure=scope.structure).select_related("author")
    if query.person_id:
        appointments = appointments.filter(person_id=query.person_id)
    if query.held_from:
        appointments = appointments.filter(held_on__gte=query.held_from)
    if query.held_to:
        appointments = appointments.filter(held_on__lte=query.held_to)
    return paginate(
        appointments.order_by("-held_on", "-pk"),
        query,
        item=lambda a: _out(a, scope, in_list=True),
    )


@router.get("/appointments/{id}", response=answers(200, AppointmentOut), url_name="appointment_detail")
def appointment_detail(request, id: int):
    """Un entretien ; sa note confidentielle n'est donnée qu'à la CIP et à la direction, et chaque lecture
    est consignée au journal des lectures sensibles."""
    scope = request.auth
    deny_unless(can_read_support(scope))
    appointment = get_appointment_or_404(scope, id)
    return _given(appointment, scope)


@router.post("/appointments", response=answers(201, AppointmentOut), url_name="appointment_create")
def appointment_create(request, payload: AppointmentIn):
    """Consigner un entretien tenu (direction, CIP) : pas après aujourd'hui ; une note confidentielle indique
    son thème (santé, justice, dettes)."""
    scope = request.auth
    deny_unless(can_write_support(scope))
    person = get_person_or_404(scope, payload.person_id)
    appointment = services.appointment_create(
        actor=request.user,
        person=person,
        held_on=payload.held_on,
        kind=payload.kind,
        duration_minutes=payload.duration_minutes,
        notes=payload.notes,
        confidentiality=payload.confidentiality,
        topic=payload.topic or "",
    )
    return Status(201, _given(get_appointment_or_404(scope, appointment.pk), scope))


@router.patch("/appointments/{id}", response=answers(200, AppointmentOut), url_name="appointment_update")
def appointment_update(request, id: int, payload: AppointmentUpdate):
    """Corriger un entretien : par la personne qui l'a consigné seulement (404 pour les autres), aux mêmes
    règles qu'un nouvel entretien."""
    scope = request.auth
    appointment = get_own_appointment_or_404(scope, id)
    fields = {name: value for name, value in payload.dict(exclude_unset=True).items() if value is not None}
    if "topic" in payload.model_fields_set:
        fields["topic"] = payload.topic or ""
    services.appointment_update(actor=request.user, appointment=appointment, **fields)
    return _given(get_appointment_or_404(scope, id), scope)
