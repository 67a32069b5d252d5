"""Writes on contracts, amendments, derogations, suspensions and exits. Every rule of the CDDI
is checked here (rules.py); a refused operation raises a ValidationError naming the rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.dates import Period, age_on, months_later
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr
from tremplin.organisations.models import ProductionSupport
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob
from tremplin.reference.selectors import smic_on

from . import rules
from .enums import (
    CAPPED_EXTENSION_KINDS,
    EXTENSION_KINDS,
    LOW_HOURS_KINDS,
    AmendmentKind,
    ContractKind,
    DerogationKind,
    EarlyEndReason,
    ExitReason,
)
from .models import Amendment, Contract, Derogation, Exit, FollowUp, Suspension

NOT_IN_STRUCTURE = "Ce support de production n'appartient pas à l'ACI de la personne."
RENEWAL_NOT_LATER = "Le renouvellement doit reporter la fin prévue au-delà du {end}."
CONTRACT_ENDED = "Ce contrat a pris fin le {day} : il ne peut plus être modifié."
RENEW_CDI = "Un CDI inclusion n'a pas de fin : il ne se renouvelle pas."
EFFECTIVE_OUTSIDE = "L'avenant doit prendre effet pendant le contrat (du {start} au {end})."
SUSPENSION_OUTSIDE = "La suspension doit se situer pendant le contrat (du {start} au {end})."
SUSPENSION_OVERLAP = "Une suspension couvre déjà la période du {start} au {end}."
EARLY_END_OUTSIDE = "La fin anticipée doit se situer pendant le contrat (du {start} au {end})."
EXIT_ALREADY = "La sortie de ce contrat est déjà enregistrée."
EXIT_BEFORE_END = (
    "La sortie est enregistrée à la fin du contrat ({end}) ; pour une sortie plus tôt, "
    "enregistrez d'abord la fin anticipée du contrat."
)
EXIT_STILL_UNDER_CONTRACT = "La personne a un autre contrat en cours après le {day} : ce n'est pas une sortie."


def _periods(contracts) -> list[Period]:
    return [Period(c.start, c.effective_end) for c in contracts if c.effective_end]


def _derogation_periods(person: Person, kinds) -> list[Period]:
    return [Period(d.start, d.end) for d in Derogation.objects.filter(person=person, kind__in=kinds)]


def _low_hours_periods(person: Person) -> list[Period]:
    derogations = Derogation.objects.filter(structure=person.structure, kind__in=LOW_HOURS_KINDS).filter(
        person__isnull=True
    ) | Derogation.objects.filter(person=person, kind__in=LOW_HOURS_KINDS)
    return [Period(d.start, d.end) for d in derogations]


def _check_no_overlap(*, person: Person, start: date, end: date | None, exclude: Contract | None = None) -> None:
    proposed = Period(start, end or date.max)
    for other in person.contracts.exclude(pk=exclude.pk if exclude else None):
        existing = Period(other.start, other.effective_end or date.max)
        if existing.overlaps(proposed):
            raise ValidationError({"start": rules.OVERLAP.format(start=fr(other.start), end=fr(other.effective_end))})


def _check_cumulative(*, person: Person, start: date, end: date, exclude: Contract | None = None) -> None:
    others = person.contracts.filter(kind=ContractKind.CDDI).exclude(pk=exclude.pk if exclude else None)
    message = rules.check_cumulative_duration(
        proposed=Period(start, end),
        others=_periods(others),
        extension_derogations=_derogation_periods(person, EXTENSION_KINDS),
        capped_derogations=_derogation_periods(person, CAPPED_EXTENSION_KINDS),
    )
    raise_if("end", message)


def _check_pay(*, hourly_pay: Decimal, day: date) -> None:
    raise_if("hourly_pay", rules.check_pay(hourly_pay=hourly_pay, day=day, smic=smic_on(day)))


def _check_hours(*, person: Person, hours: Decimal, start: date, end: date | None, kind: str) -> None:
    if kind == ContractKind.CDI_INCLUSION:
        if hours < rules.CDI_MIN_WEEKLY_HOURS or hours > rules.MAX_WEEKLY_HOURS:
            raise_if("weekly_hours", rules.CDI_HOURS.format(hours=rules.hours_fr(hours)))
        return
    message = rules.check_weekly_hours(
        hours=hours, period=Period(start, end or start), low_hours_derogations=_low_hours_periods(person)
    )
    raise_if("weekly_hours", message)


def _check_cdi_inclusion(*, person: Person, start: date) -> None:
    age = age_on(person.birth_date, start)
    if age < rules.CDI_MIN_AGE:
        raise_if("kind", rules.CDI_TOO_YOUNG.format(person=person, age=age, start=fr(start)))
    previous = [p for p in _periods(person.contracts.filter(kind=ContractKind.CDDI)) if p.start < start]
    days = rules.covered_days(previous)
    if not previous or days < rules.cap_in_days(min(p.start for p in previous), rules.CDI_MIN_PATHWAY_MONTHS):
        raise_if("kind", rules.CDI_PATHWAY_TOO_SHORT.format(months=rules.months_of(days), start=fr(start)))


@transaction.atomic
def contract_create(
    *,
    actor: User,
    person: Person,
    start: date,
    end: date | None,
    weekly_hours: Decimal,
    hourly_pay: Decimal,
    job_label: str,
    kind: str = ContractKind.CDDI,
    rome_job: RomeJob | None = None,
    production_support: ProductionSupport | None = None,
    sentence_adjustment: bool = False,
) -> Contract:
    """Hire a person on a CDDI (or a CDI inclusion), checking every rule of section 3, and first
    that a valid PASS IAE or eligibility diagnosis allows the hire on its start date."""
    from tremplin.eligibility.selectors import hiring_eligibility

    Person.objects.select_for_update().filter(pk=person.pk).first()  # serialise hires of one person
    eligibility = hiring_eligibility(person, start)
    if not eligibility.allowed:
        raise_if(None, eligibility.message)
    if production_support is not None and production_support.structure_id != person.structure_id:
        raise_if("production_support", NOT_IN_STRUCTURE)
    if kind == ContractKind.CDI_INCLUSION:
        end = None
        _check_cdi_inclusion(person=person, start=start)
    else:
        if end is None:
            raise_if("end", "Un CDDI a une date de fin prévue.")
        if end < start:
            raise_if("end", "La fin prévue doit suivre le début du contrat.")
        raise_if(
            "end",
            rules.check_minimum_duration(start=start, end=end, sentence_adjustment=sentence_adjustment),
        )
    _check_no_overlap(person=person, start=start, end=end)
    if kind == ContractKind.CDDI:
        _check_cumulative(person=person, start=start, end=end)
    _check_hours(person=person, hours=weekly_hours, start=start, end=end, kind=kind)
    _check_pay(hourly_pay=hourly_pay, day=start)
    contract = Contract(
        person=person,
        structure=person.structure,
        production_support=production_support,
        kind=kind,
        rome_job=rome_job,
        job_label=job_label,
        start=start,
        initial_end=end,
        end=end,
        initial_weekly_hours=weekly_hours,
        weekly_hours=weekly_hours,
        hourly_pay=hourly_pay,
        trial_period_end=rules.trial_period_end(start=start, end=end),
        sentence_adjustment=sentence_adjustment,
        created_by=actor,
    )
    contract.full_clean()
    contract.save()
    return contract


def _check_open(contract: Contract) -> None:
    if contract.ended_on:
        raise_if(None, CONTRACT_ENDED.format(day=fr(contract.ended_on)))


def _lock(contract: Contract) -> Contract:
    return Contract.objects.select_for_update().select_related("person__structure").get(pk=contract.pk)


@transaction.atomic
def contract_renew(*, actor: User, contract: Contract, until: date, comment: str = "") -> Amendment:
    """Renew a CDDI until a later date, within 24 months in all unless a derogation covers the rest."""
    contract = _lock(contract)
    _check_open(contract)
    if contract.kind == ContractKind.CDI_INCLUSION:
        raise_if(None, RENEW_CDI)
    if until <= contract.end:
        raise_if("until", RENEWAL_NOT_LATER.format(end=fr(contract.end)))
    _check_no_overlap(person=contract.person, start=contract.start, end=until, exclude=contract)
    try:
        _check_cumulative(person=contract.person, start=contract.start, end=until, exclude=contract)
        if contract.weekly_hours < rules.MIN_WEEKLY_HOURS:
            _check_hours(
                person=contract.person,
                hours=contract.weekly_hours,
                start=contract.end,
                end=until,
                kind=contract.kind,
            )
    except ValidationError as error:
        raise ValidationError({"until": error.messages}) from error
    amendment = Amendment.objects.create(
        contract=contract,
        kind=AmendmentKind.RENEWAL,
        effective_date=contract.end + rules.ONE_DAY,
        previous_end=contract.end,
        new_end=until,
        comment=comment,
        created_by=actor,
    )
    amendment.derogations.set(
        Derogation.objects.filter(person=contract.person, kind__in=EXTENSION_KINDS, end__gt=contract.end)
    )
    contract.end = until
    contract.save(update_fields=["end", "updated_at"])
    return amendment


@transaction.atomic
def contract_change_hours(
    *, actor: User, contract: Contract, effective_date: date, weekly_hours: Decimal, comment: str = ""
) -> Amendment:
    contract = _lock(contract)
    _check_open(contract)
    if not (contract.start <= effective_date <= (contract.end or date.max)):
        raise_if("effective_date", EFFECTIVE_OUTSIDE.format(start=fr(contract.start), end=fr(contract.end)))
    _check_hours(person=contract.person, hours=weekly_hours, start=effective_date, end=contract.end, kind=contract.kind)
    amendment = Amendment.objects.create(
        contract=contract,
        kind=AmendmentKind.HOURS,
        effective_date=effective_date,
        previous_weekly_hours=contract.weekly_hours,
        new_weekly_hours=weekly_hours,
        comment=comment,
        created_by=actor,
    )
    contract.weekly_hours = weekly_hours
    contract.save(update_fields=["weekly_hours", "updated_at"])
    return amendment


@transaction.atomic
def contract_change_job(
    *,
    actor: User,
    contract: Contract,
    effective_date: date,
    job_label: str,
    rome_job: RomeJob | None = None,
    comment: str = "",
) -> Amendment:
    contract = _lock(contract)
    _check_open(contract)
    if not (contract.start <= effective_date <= (contract.end or date.max)):
        raise_if("effective_date", EFFECTIVE_OUTSIDE.format(start=fr(contract.start), end=fr(contract.end)))
    amendment = Amendment.objects.create(
        contract=contract,
        kind=AmendmentKind.JOB,
        effective_date=effective_date,
        previous_job_label=contract.job_label,
        new_job_label=job_label,
        new_rome_job=rome_job,
        comment=comment,
        created_by=actor,
    )
    contract.job_label, contract.rome_job = job_label, rome_job
    contract.save(update_fields=["job_label", "rome_job", "updated_at"])
    return amendment


@transaction.atomic
def derogation_record(
    *,
    actor: User,
    structure,
    kind: str,
    reason: str,
    decision_date: date,
    decided_by: str,
    start: date,
    end: date,
    person: Person | None = None,
    document=None,
) -> Derogation:
    """Record a derogation decision. Extensions beyond 24 months and low-hours derogations last
    12 months at most; the 50+/RQTH one needs a person aged 50 or more, or with a RQTH."""
    if decision_date > timezone.localdate():
        raise_if("decision_date", rules.DEROGATION_DECISION_FUTURE.format(day=fr(decision_date)))
    if end < start:
        raise_if("end", "La fin de la dérogation doit suivre son début.")
    if kind != DerogationKind.TRAINING:
        raise_if("end", rules.check_derogation_length(start=start, end=end))
    if kind == DerogationKind.SENIOR_OR_RQTH and person is not None:
        age = age_on(person.birth_date, start)
        if age < 50 and not person.rqth:
            raise_if(
                "kind",
                rules.DEROGATION_SENIOR_NOT_ELIGIBLE.format(person=person, age=age, start=fr(start)),
            )
    if kind == DerogationKind.LOW_HOURS_COLLECTIVE:
        person = None
    elif person is None:
        raise_if("person", "Cette dérogation concerne une personne : choisissez-la.")
    derogation = Derogation(
        structure=structure,
        person=person,
        kind=kind,
        reason=reason,
        decision_date=decision_date,
        decided_by=decided_by,
        start=start,
        end=end,
        document=document or "",
        created_by=actor,
    )
    derogation.full_clean()
    derogation.save()
    return derogation


@transaction.atomic
def suspension_record(
    *, actor: User, contract: Contract, kind: str, start: date, end: date, comment: str = ""
) -> Suspension:
    contract = _lock(contract)
    last = contract.effective_end or date.max
    if end < start:
        raise_if("end", "La fin de la suspension doit suivre son début.")
    if start < contract.start or end > last:
        raise_if("start", SUSPENSION_OUTSIDE.format(start=fr(contract.start), end=fr(contract.effective_end)))
    for other in contract.suspensions.all():
        if Period(other.start, other.end).overlaps(Period(start, end)):
            raise_if("start", SUSPENSION_OVERLAP.format(start=fr(other.start), end=fr(other.end)))
    suspension = Suspension(contract=contract, kind=kind, start=start, end=end, comment=comment, created_by=actor)
    suspension.full_clean()
    suspension.save()
    return suspension


@transaction.atomic
def contract_end_early(*, actor: User, contract: Contract, on: date, reason: str) -> Contract:
    contract = _lock(contract)
    _check_open(contract)
    if not (contract.start <= on <= (contract.end or date.max)):
        raise_if("on", EARLY_END_OUTSIDE.format(start=fr(contract.start), end=fr(contract.end)))
    if reason not in EarlyEndReason.values:
        raise_if("reason", "Choisissez le motif de la fin anticipée.")
    contract.ended_on = on
    contract.early_end_reason = reason
    contract.save(update_fields=["ended_on", "early_end_reason", "updated_at"])
    return contract


FOLLOW_UP_MONTHS = (3, 6)


@transaction.atomic
def exit_record(
    *,
    actor: User,
    contract: Contract,
    reason: str,
    next_employer: str = "",
    next_contract_type: str = "",
    comment: str = "",
) -> Exit:
    """Record the exit at the last day of the contract, and schedule the follow-ups at 3 and 6 months."""
    contract = _lock(contract)
    if Exit.objects.filter(contract=contract).exists():
        raise_if(None, EXIT_ALREADY)
    if reason not in ExitReason.values:
        raise_if("reason", "Choisissez le motif de sortie.")
    exit_date = contract.effective_end
    if exit_date is None:
        raise_if(None, EXIT_BEFORE_END.format(end="…"))
    if contract.person.contracts.filter(start__gt=exit_date).exists():
        raise_if(None, EXIT_STILL_UNDER_CONTRACT.format(day=fr(exit_date)))
    exit_ = Exit.objects.create(
        contract=contract,
        person=contract.person,
        exit_date=exit_date,
        reason=reason,
        next_employer=next_employer,
        next_contract_type=next_contract_type,
        comment=comment,
        created_by=actor,
    )
    for months in FOLLOW_UP_MONTHS:
        FollowUp.objects.create(exit=exit_, months_after=months, due_date=months_later(exit_date, months))
    return exit_


@transaction.atomic
def follow_up_record(*, follow_up: FollowUp, done_on: date, situation: str, comment: str = "") -> FollowUp:
    if done_on < follow_up.exit.exit_date:
        raise_if("done_on", "Le suivi ne peut précéder la sortie.")
    follow_up.done_on, follow_up.situation, follow_up.comment = done_on, situation, comment
    follow_up.full_clean()
    follow_up.save()
    return follow_up
