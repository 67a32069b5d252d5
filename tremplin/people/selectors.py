"""Reads on people: the filtered list of the current ACI, one person's situation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from tremplin.accounts.scope import Scope
from tremplin.contracts.models import Contract, Exit

from .access import people_in_scope
from .models import Person


class Stage:
    CANDIDATE = "candidate"
    UNDER_CONTRACT = "under_contract"
    EXITED = "exited"
    CHOICES = [(CANDIDATE, "Candidat·e"), (UNDER_CONTRACT, "Sous contrat"), (EXITED, "Sorti·e")]


CRITERIA_FILTERS = {
    "rsa": ("Bénéficiaire du RSA", Q(rsa=True)),
    "ass": ("Bénéficiaire de l'ASS", Q(ass=True)),
    "aah": ("Bénéficiaire de l'AAH", Q(aah=True)),
    "rqth": ("RQTH", Q(rqth=True)),
    "qpv": ("Résident QPV", Q(qpv=True)),
    "zrr": ("Résident ZRR", Q(zrr=True)),
}


@dataclass(frozen=True)
class PeopleFilters:
    search: str = ""
    stage: str = ""
    production_support: int | None = None
    counsellor: int | None = None
    ending_within_days: int | None = None
    criterion: str = ""


def _current_contracts(today: date):
    return Contract.objects.filter(person=OuterRef("pk"), start__lte=today).filter(
        Q(ended_on__gte=today) | Q(ended_on__isnull=True, end__gte=today) | Q(ended_on__isnull=True, end__isnull=True)
    )


def people_list(scope: Scope, filters: PeopleFilters, *, today: date) -> QuerySet[Person]:
    """People of the current ACI with their stage and current contract, filtered. A constant
    number of queries whatever the number of people (annotations, no per-row query)."""
    current = _current_contracts(today).order_by("-start")
    people = (
        people_in_scope(scope)
        .filter(structure=scope.structure)
        .annotate(
            under_contract=Exists(current),
            has_contract=Exists(Contract.objects.filter(person=OuterRef("pk"))),
            has_exit=Exists(Exit.objects.filter(person=OuterRef("pk"))),
            current_contract_end=Subquery(current.annotate(last=Coalesce("ended_on", "end")).values("last")[:1]),
            current_support_name=Subquery(current.values("production_support__name")[:1]),
        )
        .select_related("counsellor")
        .order_by("last_name", "first_name", "pk")
    )
    if filters.search:
        for word in filters.search.split():
            people = people.filter(
                Q(last_name__icontains=word) | Q(first_name__icontains=word) | Q(birth_name__icontains=word)
            )
    if filters.stage == Stage.UNDER_CONTRACT:
        people = people.filter(under_contract=True)
    elif filters.stage == Stage.CANDIDATE:
        people = people.filter(has_contract=False)
    elif filters.stage == Stage.EXITED:
        people = people.filter(under_contract=False, has_exit=True)
    if filters.production_support:
        people = people.filter(Exists(current.filter(production_support_id=filters.production_support)))
    if filters.counsellor:
        people = people.filter(counsellor_id=filters.counsellor)
    if filters.ending_within_days is not None:
        limit = today + timedelta(days=filters.ending_within_days)
        people = people.filter(under_contract=True, current_contract_end__lte=limit)
    if filters.criterion in CRITERIA_FILTERS:
        people = people.filter(CRITERIA_FILTERS[filters.criterion][1])
    return people


def stage_of(person: Person) -> str:
    """For an annotated person of people_list()."""
    if person.under_contract:
        return "Sous contrat"
    if person.has_exit:
        return "Sorti·e"
    if person.has_contract:
        return "Entre deux contrats"
    return "Candidat·e"


def people_of(structure) -> QuerySet[Person]:
    """Every person of an ACI (for a choice in a form of that ACI)."""
    return Person.objects.filter(structure=structure)


def counsellors_of(structure):
    """The counsellors (CIP) of an ACI, for the choice of a person's referent."""
    from tremplin.accounts.enums import Role
    from tremplin.accounts.models import User

    return User.objects.filter(
        memberships__structure=structure, memberships__role=Role.COUNSELLOR, memberships__is_active=True
    ).order_by("last_name", "first_name")


NIR_READ_LABEL = "NIR en clair"


def nir_shown(scope: Scope, person: Person, *, formatted: bool = True) -> str:
    """The NIR as this viewer may see it: in clear for direction and HR (logged as a sensitive
    read, one line each time: CNIL 2021-122), masked for the other roles, "" when none."""
    from tremplin.audit.services import sensitive_read_record

    from .access import can_see_nir
    from .nir import decrypt_nir, format_nir, mask_nir

    nir = decrypt_nir(person.nir_encrypted)
    if not nir:
        return ""
    if not can_see_nir(scope):
        return mask_nir(nir)
    sensitive_read_record(scope=scope, person=person, records=[person], label=lambda _: NIR_READ_LABEL)
    return format_nir(nir) if formatted else nir
