"""Training actions of a person (training app). Read by the ACI's staff (the supervisor too), written
by direction, CIP and HR (training/access.py) through training/services.py: dates, at most 10 hours a
calendar day, a result dated after the end and tied to a certification when it is one."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.people.access import get_person_or_404
from tremplin.training import services
from tremplin.training.access import READ_ROLES, can_manage_trainings, get_training_or_404
from tremplin.training.enums import TrainingFunder, TrainingKind, TrainingResult
from tremplin.training.selectors import TrainingFilters
from tremplin.training.selectors import training_list as trainings_of_aci

from ..pagination import ListQuery, page_schema, paginate
from .common import Day, answers, deny_unless

router = Router(tags=["Formations"])

WRITTEN = ("title", "kind", "organisation", "funder", "start", "end", "hours", "certification", "result", "result_on")


class TrainingOut(Schema):
    id: int
    person_id: int
    structure_id: int
    title: str
    kind: TrainingKind
    organisation: str
    funder: TrainingFunder
    start: date
    end: date
    hours: Decimal
    certification: str
    result: TrainingResult
    result_on: date | None
    created_at: datetime
    updated_at: datetime


class TrainingIn(Schema):
    person_id: int
    title: str = Field(..., min_length=1, max_length=200)
    kind: TrainingKind
    organisation: str = Field(..., min_length=1, max_length=200)
    funder: TrainingFunder
    start: Day
    end: Day
    hours: Decimal = Field(..., gt=0, max_digits=7, decimal_places=2)
    certification: str = Field("", max_length=200)
    result: TrainingResult = TrainingResult.IN_PROGRESS
    result_on: Day | None = None


class TrainingUpdate(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    kind: TrainingKind | None = None
    organisation: str | None = Field(None, min_length=1, max_length=200)
    funder: TrainingFunder | None = None
    start: Day | None = None
    end: Day | None = None
    hours: Decimal | None = Field(None, gt=0, max_digits=7, decimal_places=2)
    certification: str | None = Field(None, max_length=200)
    result: TrainingResult | None = None
    result_on: Day | None = Field(None, description="null avec le résultat « en cours ».")


class TrainingQuery(ListQuery):
    person_id: int | None = None
    kind: TrainingKind | None = None
    result: TrainingResult | None = None
    start: date | None = Field(None, description="Les formations qui finissent ce jour ou après.")
    end: date | None = Field(None, description="Les formations qui commencent ce jour ou avant.")


TrainingPage = page_schema(TrainingOut, "TrainingPage")


@router.get("/trainings", response=answers(200, TrainingPage), url_name="training_list")
def training_list(request, query: Query[TrainingQuery]):
    """Les actions de formation des personnes de l'ACI (personnel de l'ACI), les plus récentes d'abord."""
    scope = request.auth
    deny_unless(scope.role in READ_ROLES)
    filters = TrainingFilters(kind=query.kind or "", result=query.result or "", start=query.start, end=query.end)
    trainings = trainings_of_aci(scope, filters)
    if query.person_id:
        trainings = trainings.filter(person_id=query.person_id)
    return paginate(trainings, query)


@router.get("/trainings/{id}", response=answers(200, TrainingOut), url_name="training_detail")
def training_detail(request, id: int):
    scope = request.auth
    deny_unless(scope.role in READ_ROLES)
    return get_training_or_404(scope, id)


@router.post("/trainings", response=answers(201, TrainingOut), url_name="training_create")
def training_create(request, payload: TrainingIn):
    """Une action de formation (direction, CIP, administratif/RH)."""
    scope = request.auth
    deny_unless(can_manage_trainings(scope))
    person = get_person_or_404(scope, payload.person_id)
    data = payload.dict()
    del data["person_id"]
    training = services.training_create(actor=request.user, person=person, **data)
    return Status(201, get_training_or_404(scope, training.pk))


@router.patch("/trainings/{id}", response=answers(200, TrainingOut), url_name="training_update")
def training_update(request, id: int, payload: TrainingUpdate):
    """Changer une action de formation, son résultat compris (les champs absents gardent leur valeur)."""
    scope = request.auth
    deny_unless(can_manage_trainings(scope))
    training = get_training_or_404(scope, id)
    sent = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k == "result_on"}
    data = {name: sent.get(name, getattr(training, name)) for name in WRITTEN}
    services.training_update(training=training, **data)
    return get_training_or_404(scope, id)
