"""People: the same list, page and form rules as the pages (people/access.py). The NIR is given
only to the roles that read it on the person page (direction, HR), masked to the others, and never
in a list."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tremplin.accounts.scope import Context, Scope
from tremplin.people import services
from tremplin.people.access import can_edit_people, can_see_nir, get_person_or_404
from tremplin.people.enums import EducationLevel, NationalityGroup, Sex
from tremplin.people.selectors import CRITERIA_FILTERS, PeopleFilters, counsellors_of, nir_shown, people_list, stage_of

from ..pagination import ListQuery, page_schema, paginate
from .common import answers, deny_unless, pick

router = Router(tags=["Personnes"])

NIR_NOT_ALLOWED = "Seules la direction et l'administratif/RH saisissent le NIR."


class PersonFields(Schema):
    first_name: str
    last_name: str
    birth_name: str
    birth_date: date
    sex: Sex
    nationality_group: NationalityGroup
    email: str
    phone: str
    address: str
    postal_code: str
    city: str
    commune_insee: str
    qpv: bool
    zrr: bool
    france_travail_id: str
    education_level: str = Field(description="Une des valeurs de education_level en saisie, ou vide.")
    rsa: bool
    rsa_since: date | None
    ass: bool
    ass_since: date | None
    aah: bool
    aah_since: date | None
    rqth: bool
    rqth_since: date | None
    job_seeker_since: date | None
    resourceless: bool
    emergency_contact_name: str
    emergency_contact_phone: str
    counsellor_id: int | None


class PersonListItem(PersonFields):
    id: int
    structure_id: int
    stage: str = Field(description="Candidat·e, Sous contrat, Entre deux contrats ou Sorti·e.")
    created_at: datetime
    updated_at: datetime


class PersonOut(PersonListItem):
    nir: str = Field(
        description="Le NIR : en clair pour la direction et l'administratif/RH, masqué pour les autres rôles, "
        "vide quand il n'est pas connu."
    )


class PersonIn(Schema):
    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field(..., min_length=1, max_length=100)
    birth_name: str = Field("", max_length=100)
    birth_date: date
    sex: Sex
    nationality_group: NationalityGroup = NationalityGroup.FRANCE
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=300)
    postal_code: str = Field("", max_length=5)
    city: str = Field("", max_length=120)
    commune_insee: str = Field("", max_length=5)
    qpv: bool = False
    zrr: bool = False
    france_travail_id: str = Field("", max_length=11)
    education_level: EducationLevel | None = None
    rsa: bool = False
    rsa_since: date | None = None
    ass: bool = False
    ass_since: date | None = None
    aah: bool = False
    aah_since: date | None = None
    rqth: bool = False
    rqth_since: date | None = None
    job_seeker_since: date | None = None
    resourceless: bool = False
    emergency_contact_name: str = Field("", max_length=200)
    emergency_contact_phone: str = Field("", max_length=20)
    counsellor_id: int | None = None
    nir: str | None = Field(None, max_length=21, description="Direction et administratif/RH seulement.")
    confirm_not_duplicate: bool = Field(
        False,
        description="À true pour confirmer qu'il ne s'agit pas d'une personne déjà connue "
        "(même nom, même date de naissance).",
    )


class PersonUpdate(Schema):
    first_name: str | None = Field(None, min_length=1, max_length=100)
    last_name: str | None = Field(None, min_length=1, max_length=100)
    birth_name: str | None = Field(None, max_length=100)
    birth_date: date | None = None
    sex: Sex | None = None
    nationality_group: NationalityGroup | None = None
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=20)
    address: str | None = Field(None, max_length=300)
    postal_code: str | None = Field(None, max_length=5)
    city: str | None = Field(None, max_length=120)
    commune_insee: str | None = Field(None, max_length=5)
    qpv: bool | None = None
    zrr: bool | None = None
    france_travail_id: str | None = Field(None, max_length=11)
    education_level: EducationLevel | None = None
    rsa: bool | None = None
    rsa_since: date | None = None
    ass: bool | None = None
    ass_since: date | None = None
    aah: bool | None = None
    aah_since: date | None = None
    rqth: bool | None = None
    rqth_since: date | None = None
    job_seeker_since: date | None = None
    resourceless: bool | None = None
    emergency_contact_name: str | None = Field(None, max_length=200)
    emergency_contact_phone: str | None = Field(None, max_length=20)
    counsellor_id: int | None = None
    nir: str | None = Field(None, max_length=21, description="Direction et administratif/RH seulement.")


# Fields that may be set to null (the others keep their value when null is sent).
NULLABLE = {
    "education_level", "rsa_since", "ass_since", "aah_since", "rqth_since", "job_seeker_since", "counsellor_id",
}  # fmt: skip


class PeopleQuery(ListQuery):
    search: str = Field("", max_length=100, description="Mots du nom ou du prénom.")
    stage: Literal["", "candidate", "under_contract", "exited"] = ""
    criterion: Literal["", *CRITERIA_FILTERS] = ""
    counsellor_id: int | None = None


PersonPage = page_schema(PersonListItem, "PersonPage")


def person_out(person, scope) -> dict:
    """The person as the person page shows it: with the NIR in clear or masked by role."""
    data = PersonFields.from_orm(person).dict()
    data.update(
        id=person.pk,
        structure_id=person.structure_id,
        stage=stage_of(_annotated(scope, person)),
        created_at=person.created_at,
        updated_at=person.updated_at,
    )
    data["nir"] = nir_shown(scope, person, formatted=False)
    return data


def _annotated(scope, person):
    """The person with the stage annotations of the people list, read in the person's own ACI
    (an organisation's director may open a person of a sibling ACI)."""
    in_person_aci = Scope(
        user=scope.user,
        context=Context(membership=scope.membership, structure=person.structure),
        structure_ids=scope.structure_ids,
        contexts=scope.contexts,
    )
    return people_list(in_person_aci, PeopleFilters(), today=timezone.localdate()).get(pk=person.pk)


def _fields(payload_data: dict, scope, structure) -> dict:
    data = dict(payload_data)
    if data.get("nir") is not None and not can_see_nir(scope):
        from django.core.exceptions import ValidationError

        raise ValidationError({"nir": NIR_NOT_ALLOWED})
    if data.get("nir") is None:
        data.pop("nir", None)
    if "counsellor_id" in data:
        data["counsellor"] = pick(
            counsellors_of(structure), data.pop("counsellor_id"), field="counsellor_id", label="CIP"
        )
    return data


@router.get("/people", response=answers(200, PersonPage), url_name="person_list")
def person_list(request, query: Query[PeopleQuery]):
    """Les personnes de l'ACI du contexte (personnel de l'ACI), sans le NIR."""
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    filters = PeopleFilters(
        search=query.search, stage=query.stage, criterion=query.criterion, counsellor=query.counsellor_id
    )
    people = people_list(scope, filters, today=timezone.localdate())

    def item(person):
        data = PersonFields.from_orm(person).dict()
        data.update(
            id=person.pk,
            structure_id=person.structure_id,
            stage=stage_of(person),
            created_at=person.created_at,
            updated_at=person.updated_at,
        )
        return data

    return paginate(people, query, item=item)


@router.get("/people/{id}", response=answers(200, PersonOut), url_name="person_detail")
def person_detail(request, id: int):
    scope = request.auth
    deny_unless(scope.is_structure_staff)
    person = get_person_or_404(scope, id)
    return person_out(person, scope)


@router.post("/people", response=answers(201, PersonOut), url_name="person_create")
def person_create(request, payload: PersonIn):
    """Créer une fiche (direction, CIP, administratif/RH). Une personne du même nom née le même jour
    est signalée (422) tant que `confirm_not_duplicate` n'est pas à true."""
    scope = request.auth
    deny_unless(can_edit_people(scope))
    data = _fields(payload.dict(), scope, scope.structure)
    confirm = data.pop("confirm_not_duplicate")
    data["education_level"] = data["education_level"] or ""
    person = services.person_create(structure=scope.structure, confirm_not_duplicate=confirm, **data)
    return Status(201, person_out(person, scope))


@router.patch("/people/{id}", response=answers(200, PersonOut), url_name="person_update")
def person_update(request, id: int, payload: PersonUpdate):
    scope = request.auth
    deny_unless(can_edit_people(scope))
    person = get_person_or_404(scope, id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in NULLABLE or k == "nir"}
    data = _fields(data, scope, person.structure)
    if "education_level" in data and data["education_level"] is None:
        data["education_level"] = ""
    person = services.person_update(person=person, **data)
    return person_out(person, scope)
