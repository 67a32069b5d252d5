"""Writes on reviews: the counsellor's part and signature, the supervisor's technical part and
signature. A signed review is locked."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from . import rules
from .enums import ReviewKind
from .models import Review


def _rome_jobs(codes: list[str]) -> list[RomeJob]:
    jobs = {job.code: job for job in RomeJob.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in jobs]
    if unknown:
        raise_if("target_codes", rules.UNKNOWN_ROME_CODES.format(codes=", ".join(unknown)))
    return [jobs[code] for code in codes]


def _check_kind(*, person: Person, kind: str, held_on: date, exclude_pk: int | None) -> None:
    from tremplin.contracts.models import Contract, Exit

    if kind == ReviewKind.ENTRY:
        others = Review.objects.filter(person=person, kind=ReviewKind.ENTRY).exclude(pk=exclude_pk)
        exits = Exit.objects.filter(person=person).values_list("exit_date", flat=True)
        raise_if(
            "held_on",
            rules.entry_review_refusal(
                held_on, other_entry_days=others.values_list("held_on", flat=True), exit_dates=exits
            ),
        )
    elif kind == ReviewKind.EXIT:
        starts = Contract.objects.filter(person=person, structure_id=person.structure_id).values_list(
            "start", flat=True
        )
        raise_if("held_on", rules.exit_review_refusal(held_on, contract_starts=starts))


@transaction.atomic
def review_create(
    *,
    actor: User,
    person: Person,
    kind: str,
    held_on: date,
    professional_project: str = "",
    target_codes: list[str] | None = None,
    next_steps: str = "",
    today: date | None = None,
) -> Review:
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one entry review at a time
    raise_if("held_on", rules.held_on_refusal(held_on, today=today or timezone.localdate()))
    _check_kind(person=person, kind=kind, held_on=held_on, exclude_pk=None)
    jobs = _rome_jobs(target_codes or [])
    review = Review(
        person=person,
        kind=kind,
        held_on=held_on,
        professional_project=professional_project.strip(),
        next_steps=next_steps.strip(),
        created_by=actor,
    )
    review.full_clean()
    review.save()
    review.target_jobs.set(jobs)
    return review


def _locked(review: Review) -> Review:
    return Review.objects.select_for_update().select_related("person").get(pk=review.pk)


@transaction.atomic
def review_update(
    *,
    actor: User,
    review: Review,
    held_on: date,
    professional_project: str = "",
    target_codes: list[str] | None = None,
    next_steps: str = "",
    today: date | None = None,
) -> Review:
    review = _locked(review)
    raise_if(None, rules.edit_refusal(signed=review.is_signed))
    raise_if("held_on", rules.held_on_refusal(held_on, today=today or timezone.localdate()))
    _check_kind(person=review.person, kind=review.kind, held_on=held_on, exclude_pk=review.pk)
    jobs = _rome_jobs(target_codes or [])
    review.held_on = held_on
    review.professional_project = professional_project.strip()
    review.next_steps = next_steps.strip()
    review.full_clean()
    review.save()
    review.target_jobs.set(jobs)
    return review


@transaction.atomic
def review_sign(*, actor: User, review: Review, now: datetime | None = None) -> Review:
    """The counsellor's signature: the whole review is locked from then on."""
    review = _locked(review)
    raise_if(None, rules.edit_refusal(signed=review.is_signed))
    if not review.professional_project.strip():
        raise_if(None, rules.PROJECT_EMPTY)
    review.signed_by, review.signed_at = actor, now or timezone.now()
    review.full_clean()
    review.save(update_fields=["signed_by", "signed_at", "updated_at"])
    return review


@transaction.atomic
def review_technical_update(*, actor: User, review: Review, technical_assessment: str) -> Review:
    review = _locked(review)
    raise_if(None, rules.technical_edit_refusal(signed=review.is_signed, technical_signed=review.technical_is_signed))
    review.technical_assessment = technical_assessment.strip()
    review.full_clean()
    review.save(update_fields=["technical_assessment", "updated_at"])
    return review


@transaction.atomic
def review_technical_sign(*, actor: User, review: Review, now: datetime | None = None) -> Review:
    """The supervisor's signature of the technical part, which is locked from then on."""
    review = _locked(review)
    raise_if(None, rules.technical_edit_refusal(signed=review.is_signed, technical_signed=review.technical_is_signed))
    if not review.technical_assessment.strip():
        raise_if(None, rules.TECHNICAL_EMPTY)
    review.technical_signed_by, review.technical_signed_at = actor, now or timezone.now()
    review.full_clean()
    review.save(update_fields=["technical_signed_by", "technical_signed_at", "updated_at"])
    return review
