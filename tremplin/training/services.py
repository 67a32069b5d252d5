"""Writes on training actions, qualification programmes, their phases and enrolments, with the
rules of rules.py (domain.md section 6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.organisations.models import Structure
from tremplin.people.models import Person

from . import rules
from .enums import Employment, ExamResult, TrainingResult
from .models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction


def _check_training(training: TrainingAction, *, today: date) -> None:
    raise_if("end", rules.check_training_dates(training.start, training.end))
    raise_if("hours", rules.check_training_hours(training.hours, training.start, training.end))
    broken = rules.check_training_result(
        result=training.result,
        start=training.start,
        end=training.end,
        result_on=training.result_on,
        certification=training.certification,
        today=today,
    )
    if broken:
        raise_if(*broken)


@transaction.atomic
def training_create(
    *,
    actor: User,
    person: Person,
    title: str,
    kind: str,
    organisation: str,
    funder: str,
    start: date,
    end: date,
    hours: Decimal,
    certification: str = "",
    result: str = TrainingResult.IN_PROGRESS,
    result_on: date | None = None,
) -> TrainingAction:
    training = TrainingAction(
        person=person,
        structure_id=person.structure_id,
        title=title.strip(),
        kind=kind,
        organisation=organisation.strip(),
        funder=funder,
        start=start,
        end=end,
        hours=hours,
        certification=certification.strip(),
        result=result,
        result_on=result_on,
        created_by=actor,
    )
    _check_training(training, today=timezone.localdate())
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def training_update(
    *,
    training: TrainingAction,
    title: str,
    kind: str,
    organisation: str,
    funder: str,
    start: date,
    end: date,
    hours: Decimal,
    certification: str = "",
    result: str = TrainingResult.IN_PROGRESS,
    result_on: date | None = None,
) -> TrainingAction:
    training.title = title.strip()
    training.kind = kind
    training.organisation = organisation.strip()
    training.funder = funder
    training.start = start
    training.end = end
    training.hours = hours
    training.certification = certification.strip()
    training.result = result
    training.result_on = result_on
    _check_training(training, today=timezone.localdate())
    training.full_clean()
    training.save()
    return training


def _programme_fields(programme: QualificationProgramme) -> None:
    raise_if("end", rules.check_programme_dates(programme.start, programme.end))
    programme.full_clean()
    programme.save()


@transaction.atomic
def programme_create(
    *, actor: User, structure: Structure, name: str, certification: str, start: date, end: date
) -> QualificationProgramme:
    programme = QualificationProgramme(
        structure=structure,
        name=name.strip(),
        certification=certification.strip(),
        start=start,
        end=end,
        created_by=actor,
    )
    _programme_fields(programme)
    return programme


@transaction.atomic
def programme_update(
    *, programme: QualificationProgramme, name: str, certification: str, start: date, end: date
) -> QualificationProgramme:
    programme.name = name.strip()
    programme.certification = certification.strip()
    programme.start = start
    programme.end = end
    _programme_fields(programme)
    return programme


@transaction.atomic
def phase_add(*, programme: QualificationProgramme, kind: str, weeks: int, description: str = "") -> ProgrammePhase:
    if weeks is None or weeks <= 0:
        raise_if("weeks", rules.PHASE_WEEKS_NOT_POSITIVE)
    phase = ProgrammePhase(programme=programme, kind=kind, weeks=weeks, description=description.strip())
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def phase_delete(*, phase: ProgrammePhase) -> None:
    phase.delete()


def _check_enrolment(enrolment: Enrolment, *, today: date) -> None:
    broken = rules.check_enrolment_dates(
        enrolled_on=enrolment.enrolled_on,
        programme_end=enrolment.programme.end,
        left_on=enrolment.left_on,
        today=today,
    ) or rules.check_enrolment_outcome(
        left_on=enrolment.left_on,
        left_early=enrolment.left_early,
        employment=enrolment.employment,
        job=enrolment.job,
    )
    if broken:
        raise_if(*broken)


@transaction.atomic
def enrolment_create(*, actor: User, programme: QualificationProgramme, person: Person, enrolled_on: date) -> Enrolment:
    if person.structure_id != programme.structure_id:
        raise_if("person", rules.ENROLMENT_OTHER_STRUCTURE)
    if Enrolment.objects.filter(programme=programme, person=person).exists():
        raise_if("person", rules.ENROLMENT_DUPLICATE.format(person=person))
    enrolment = Enrolment(programme=programme, person=person, enrolled_on=enrolled_on, created_by=actor)
    _check_enrolment(enrolment, today=timezone.localdate())
    enrolment.full_clean()
    enrolment.save()
    return enrolment


@transaction.atomic
def enrolment_update(
    *,
    enrolment: Enrolment,
    enrolled_on: date,
    exam_result: str = ExamResult.PENDING,
    left_on: date | None = None,
    left_early: bool = False,
    employment: str = Employment.UNKNOWN,
    job: str = "",
) -> Enrolment:
    enrolment.enrolled_on = enrolled_on
    enrolment.exam_result = exam_result
    enrolment.left_on = left_on
    enrolment.left_early = left_early
    enrolment.employment = employment
    enrolment.job = job.strip()
    _check_enrolment(enrolment, today=timezone.localdate())
    enrolment.full_clean()
    enrolment.save()
    return enrolment
