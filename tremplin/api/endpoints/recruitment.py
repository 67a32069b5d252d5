"""Referrals (orientations) and their transitions. The staff read them as on the referral pages
(recruitment/access.py: the referrals of justice, addiction or child-welfare bodies only for the
CIP and the direction); the CIP and the direction record them and move them along the one table
of transitions. A prescriber reaches only its own referrals, as on « Mes orientations »: the first
name and the initial of the last name, the dates and the state."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.accounts.enums import Role
from tremplin.partners.selectors import active_partners
from tremplin.people.access import get_person_or_404
from tremplin.people.enums import Sex
from tremplin.recruitment import services
from tremplin.recruitment.access import (
    can_manage_referrals,
    get_referral_or_404,
    referrals_in_scope,
    transitions_in_scope,
)
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.selectors import referral_history, referrals_for_prescriber

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick

router = Router(tags=["Orientations"])


class ReferralOut(Schema):
    id: int
    structure_id: int
    person_id: int
    partner_id: int | None
    referent_name: str
    referent_email: str
    referent_phone: str
    referred_on: date
    reason: str
    state: ReferralState
    refusal_reason: str
    created_at: datetime
    updated_at: datetime


class ReferralIn(Schema):
    person_id: int
    referred_on: date
    reason: str = Field(..., min_length=1, max_length=5000)
    partner_id: int | None = Field(None, description="Le prescripteur ; vide pour une candidature spontanée.")
    referent_name: str = Field("", max_length=200)
    referent_email: str = Field("", max_length=254)
    referent_phone: str = Field("", max_length=20)


class ReferralUpdate(Schema):
    referred_on: date | None = None
    reason: str | None = Field(None, min_length=1, max_length=5000)
    partner_id: int | None = Field(None, description="Le prescripteur ; null pour une candidature spontanée.")
    referent_name: str | None = Field(None, max_length=200)
    referent_email: str | None = Field(None, max_length=254)
    referent_phone: str | None = Field(None, max_length=20)


class ReferralQuery(ListQuery):
    state: ReferralState | None = None
    person_id: int | None = None


ReferralPage = page_schema(ReferralOut, "ReferralPage")


@router.get("/referrals", response=answers(200, ReferralPage), url_name="referral_list")
def referral_list(request, query: Query[ReferralQuery]):
    """Les orientations de l'ACI du contexte (personnel de l'ACI)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    referrals = referrals_in_scope(scope).filter(structure=scope.structure)
    if query.state:
        referrals = referrals.filter(state=query.state)
    if query.person_id:
        referrals = referrals.filter(person_id=query.person_id)
    return paginate(referrals.order_by("pk"), query)


@router.get("/referrals/{id}", response=answers(200, ReferralOut), url_name="referral_detail")
def referral_detail(request, id: int):
    return get_referral_or_404(request.auth, id)


@router.post("/referrals", response=answers(201, ReferralOut), url_name="referral_create")
def referral_create(request, payload: ReferralIn):
    """Enregistrer l'orientation (ou la candidature spontanée) d'une personne de l'ACI (CIP, direction)."""
    scope = request.auth
    deny_unless(can_manage_referrals(scope))
    person = get_person_or_404(scope, payload.person_id)
    partner = pick(
        active_partners(person.structure.organisation_id), payload.partner_id, field="partner_id", label="Prescripteur"
    )
    fields = payload.dict(exclude={"person_id", "partner_id"})
    return Status(
        201,
        services.referral_create(
            actor=request.user, structure=person.structure, person=person, partner=partner, **fields
        ),
    )


@router.patch("/referrals/{id}", response=answers(200, ReferralOut), url_name="referral_update")
def referral_update(request, id: int, payload: ReferralUpdate):
    """Corriger une orientation en cours (prescripteur, référent·e, date, motif ; CIP, direction) ; une
    orientation close (embauche, refus, abandon) ne l'est plus. L'étape change par `/transitions`."""
    scope = request.auth
    deny_unless(can_manage_referrals(scope))
    referral = get_referral_or_404(scope, id)
    data = payload.dict(exclude_unset=True)
    fields = {name: value for name, value in data.items() if value is not None and name != "partner_id"}
    if "partner_id" in data:
        fields["partner"] = pick(
            active_partners(referral.structure.organisation_id),
            data["partner_id"],
            field="partner_id",
            label="Prescripteur",
        )
    return services.referral_update(referral=referral, **fields)


class TransitionOut(Schema):
    id: int
    referral_id: int
    from_state: ReferralState | None
    to_state: ReferralState
    actor_id: int
    at: datetime
    comment: str
    refusal_reason: str


class TransitionIn(Schema):
    to_state: ReferralState
    comment: str = Field("", max_length=2000)
    refusal_reason: RefusalReason | None = None


class TransitionQuery(ListQuery):
    referral_id: int | None = None


TransitionPage = page_schema(TransitionOut, "TransitionPage")


@router.get("/referral-transitions", response=answers(200, TransitionPage), url_name="transition_list")
def transition_list(request, query: Query[TransitionQuery]):
    """L'historique des changements d'état (jamais modifié : `updated_since` porte sur l'instant du changement)."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    transitions = transitions_in_scope(scope).filter(referral__structure=scope.structure)
    if query.referral_id:
        transitions = transitions.filter(referral_id=query.referral_id)
    return paginate(transitions.order_by("pk"), query, changed_field="at")


@router.get("/referrals/{id}/transitions", response=answers(200, list[TransitionOut]), url_name="referral_transitions")
def referral_transitions(request, id: int):
    return list(referral_history(get_referral_or_404(request.auth, id)))


@router.post("/referrals/{id}/transitions", response=answers(201, ReferralOut), url_name="referral_transition_create")
def referral_transition_create(request, id: int, payload: TransitionIn):
    """Faire passer l'orientation à l'état `to_state` selon la table des transitions ; un refus a un motif.
    L'embauche passe par `POST /contracts` avec `referral_id`."""
    scope = request.auth
    deny_unless(can_manage_referrals(scope))
    referral = get_referral_or_404(scope, id)
    return Status(
        201,
        services.referral_transition(
            actor=request.user,
            referral=referral,
            to_state=payload.to_state,
            comment=payload.comment,
            refusal_reason=payload.refusal_reason or "",
        ),
    )


# The prescriber's own referrals


class PrescriberReferralOut(Schema):
    id: int
    first_name: str
    last_name_initial: str
    referred_on: date
    state: ReferralState
    updated_on: date

    @staticmethod
    def resolve_id(row) -> int:
        return row.pk


class PrescriberReferralIn(Schema):
    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field(..., min_length=1, max_length=100)
    birth_name: str = Field("", max_length=100)
    birth_date: date
    sex: Sex
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=300)
    postal_code: str = Field("", max_length=5)
    city: str = Field("", max_length=120)
    france_travail_id: str = Field("", max_length=11)
    referred_on: date
    reason: str = Field(..., min_length=1, max_length=5000)


PrescriberReferralPage = page_schema(PrescriberReferralOut, "PrescriberReferralPage")


@router.get("/prescriber/referrals", response=answers(200, PrescriberReferralPage), url_name="prescriber_referral_list")
def prescriber_referral_list(request, query: Query[ListQuery]):
    """Prescripteur : ses orientations vers l'ACI de son rôle (`updated_since` porte sur leur mise à jour)."""
    scope = request.auth
    deny_unless(scope.has_role(Role.PRESCRIBER))
    rows = referrals_for_prescriber(scope.membership)
    if query.updated_since is not None:
        since = query.updated_since
        since = timezone.localdate(since) if timezone.is_aware(since) else since.date()
        rows = [row for row in rows if row.updated_on >= since]
    return {
        "count": len(rows),
        "limit": query.limit,
        "offset": query.offset,
        "items": rows[query.offset : query.offset + query.limit],
    }


@router.post(
    "/prescriber/referrals", response=answers(201, PrescriberReferralOut), url_name="prescriber_referral_create"
)
def prescriber_referral_create(request, payload: PrescriberReferralIn):
    """Prescripteur : orienter une personne vers l'ACI de son rôle."""
    scope = request.auth
    deny_unless(scope.has_role(Role.PRESCRIBER))
    identity = payload.dict(exclude={"referred_on", "reason"})
    referral = services.referral_submit_by_prescriber(
        actor=request.user,
        membership=scope.membership,
        identity=identity,
        referred_on=payload.referred_on,
        reason=payload.reason,
    )
    row = next(row for row in referrals_for_prescriber(scope.membership) if row.pk == referral.pk)
    return Status(201, row)
