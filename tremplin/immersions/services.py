"""Writes on host companies and immersions (PMSMP). Every rule of the PMSMP is checked here
(rules.py); a refused operation raises a ValidationError with every broken rule, by field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.contracts.models import Contract
from tremplin.kernel.dates import Period
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from . import rules
from .enums import COUNTED_STATUSES, CddiDuring, ImmersionStatus
from .models import HostCompany, Immersion

HOST_FIELDS = ("name", "siret", "address", "postal_code", "city", "activity", "naf_code")
IMMERSION_FIELDS = (
    "contract",
    "host",
    "referent",
    "tutor_name",
    "tutor_function",
    "tutor_phone",
    "tutor_email",
    "objective",
    "rome_job",
    "activities",
    "place",
    "start",
    "end",
    "weekly_schedule",
    "total_hours",
    "cddi_during",
    "protective_equipment",
    "risks",
    "follow_up_arrangements",
    "renewal_of",
    "status",
)


# Host companies -------------------------------------------------------------------------------


@transaction.atomic
def host_company_create(
    *,
    actor: User,
    structure: Structure,
    name: str,
    siret: str,
    address: str,
    postal_code: str,
    city: str,
    activity: str,
    naf_code: str = "",
) -> HostCompany:
    host = HostCompany(
        structure=structure,
        name=name,
        siret=siret.replace(" ", ""),
        address=address,
        postal_code=postal_code,
        city=city,
        activity=activity,
        naf_code=naf_code.upper(),
        created_by=actor,
    )
    host.full_clean()
    host.save()
    return host


@transaction.atomic
def host_company_update(*, host: HostCompany, **fields) -> HostCompany:
    for name in HOST_FIELDS:
        if name in fields:
            setattr(host, name, fields[name])
    host.siret = host.siret.replace(" ", "")
    host.naf_code = host.naf_code.upper()
    host.full_clean()
    host.save()
    return host


# Immersions -----------------------------------------------------------------------------------


def _convention(immersion: Immersion) -> rules.Convention:
    return rules.Convention(
        start=immersion.start,
        end=immersion.end,
        objective=immersion.objective,
        host_siret=immersion.host.siret,
        host_name=immersion.host.name,
        is_renewal=immersion.renewal_of_id is not None,
        cancelled=immersion.status == ImmersionStatus.CANCELLED,
    )


def _counted(person: Person, exclude: Immersion | None):
    return person.immersions.filter(status__in=COUNTED_STATUSES).exclude(pk=exclude.pk if exclude else None)


def _check(immersion: Immersion, *, today: date, exclude: Immersion | None = None) -> None:
    """Every rule of the PMSMP on `immersion` (not saved yet); raise them all at once."""
    errors: dict[str, list[str]] = {}

    def add(field: str | None, message: str | None) -> None:
        if message:
            errors.setdefault(field or "__all__", []).append(message)

    person = immersion.person
    dates = rules.check_dates(start=immersion.start, end=immersion.end)
    add("end", dates)
    if immersion.host.structure_id != person.structure_id:
        add("host", rules.HOST_OF_ANOTHER_STRUCTURE)
    contract = immersion.contract
    if contract is not None and contract.person_id != person.pk:
        add("contract", rules.CONTRACT_OF_ANOTHER_PERSON)
        contract = None
    add("status", rules.check_status(status=immersion.status, start=immersion.start, today=today))
    if dates is None and immersion.status != ImmersionStatus.CANCELLED:
        period = Period(immersion.start, immersion.end)
        add("end", rules.check_duration(start=immersion.start, end=immersion.end))
        if contract is not None and contract.effective_end:
            add(
                "start",
                rules.check_within_contract(period=period, contract=Period(contract.start, contract.effective_end)),
            )
        counted = list(_counted(person, exclude).select_related("host"))
        add("start", rules.check_overlap(period=period, others=[Period(i.start, i.end) for i in counted]))
        if immersion.renewal_of is not None:
            original = immersion.renewal_of
            if original.person_id != person.pk:
                add("renewal_of", rules.RENEWAL_OF_ANOTHER_PERSON)
            else:
                other = next((i for i in counted if i.renewal_of_id == original.pk), None)
                for message in rules.check_renewal(
                    start=immersion.start,
                    objective=immersion.objective,
                    host_siret=immersion.host.siret,
                    original=_convention(original),
                    other_renewal=_convention(other) if other else None,
                ):
                    add("renewal_of", message)
        same_host = [Period(i.start, i.end) for i in counted if i.host.siret == immersion.host.siret]
        for message in rules.check_host_limits(period=period, others=same_host):
            add("host", message)
    if errors:
        raise ValidationError(errors)


def _save(immersion: Immersion) -> Immersion:
    immersion.full_clean()
    immersion.save()
    return immersion


@transaction.atomic
def immersion_create(
    *,
    actor: User,
    person: Person,
    host: HostCompany,
    tutor_name: str,
    tutor_function: str,
    objective: str,
    rome_job: RomeJob,
    place: str,
    start: date,
    end: date,
    weekly_schedule: str,
    total_hours: Decimal,
    contract: Contract | None = None,
    referent: User | None = None,
    tutor_phone: str = "",
    tutor_email: str = "",
    activities: str = "",
    cddi_during: str = CddiDuring.CONTINUES,
    protective_equipment: str = "",
    risks: str = "",
    follow_up_arrangements: str = "",
    renewal_of: Immersion | None = None,
    status: str = ImmersionStatus.PLANNED,
) -> Immersion:
    """Record a PMSMP convention, or refuse it with the French message of every broken rule."""
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one write at a time per person
    immersion = Immersion(
        structure_id=person.structure_id,
        person=person,
        contract=contract,
        host=host,
        referent=referent or person.counsellor,
        tutor_name=tutor_name,
        tutor_function=tutor_function,
        tutor_phone=tutor_phone,
        tutor_email=tutor_email,
        objective=objective,
        rome_job=rome_job,
        activities=activities,
        place=place,
        start=start,
        end=end,
        weekly_schedule=weekly_schedule,
        total_hours=total_hours,
        cddi_during=cddi_during,
        protective_equipment=protective_equipment,
        risks=risks,
        follow_up_arrangements=follow_up_arrangements,
        renewal_of=renewal_of,
        status=status,
        created_by=actor,
    )
    _check(immersion, today=timezone.localdate())
    return _save(immersion)


@transaction.atomic
def immersion_update(*, immersion: Immersion, **fields) -> Immersion:
    """Change the terms or the status of a PMSMP; the same rules as on creation."""
    Person.objects.select_for_update().filter(pk=immersion.person_id).first()
    for name in IMMERSION_FIELDS:
        if name in fields:
            setattr(immersion, name, fields[name])
    _check(immersion, today=timezone.localdate(), exclude=immersion)
    return _save(immersion)


@transaction.atomic
def immersion_evaluate(
    *,
    immersion: Immersion,
    evaluated_on: date,
    evaluation_text: str = "",
    punctuality: str = "",
    integration: str = "",
    skills: str = "",
    autonomy: str = "",
    safety: str = "",
) -> Immersion:
    """Record the tutor's evaluation (it replaces the previous one; the audit trail keeps it)."""
    if immersion.status == ImmersionStatus.CANCELLED:
        raise ValidationError(rules.CANCELLED_NO_FOLLOW_UP)
    message = rules.check_evaluation(evaluated_on=evaluated_on, start=immersion.start, today=timezone.localdate())
    if message:
        raise ValidationError({"evaluated_on": message})
    immersion.evaluated_on = evaluated_on
    immersion.evaluation_text = evaluation_text
    immersion.punctuality = punctuality
    immersion.integration = integration
    immersion.skills = skills
    immersion.autonomy = autonomy
    immersion.safety = safety
    return _save(immersion)


@transaction.atomic
def immersion_record_outcome(*, immersion: Immersion, outcome: str, outcome_date: date) -> Immersion:
    """What the host decided after the PMSMP: a hire (CDI, CDD, interim), a training, or none."""
    if immersion.status == ImmersionStatus.CANCELLED:
        raise ValidationError(rules.CANCELLED_NO_FOLLOW_UP)
    message = rules.check_outcome(outcome_date=outcome_date, start=immersion.start)
    if message:
        raise ValidationError({"outcome_date": message})
    immersion.outcome = outcome
    immersion.outcome_date = outcome_date
    return _save(immersion)
