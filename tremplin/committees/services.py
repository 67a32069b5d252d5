"""Writes on committees and their decisions, with the rules of rules.py."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.funding.models import Convention
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr
from tremplin.organisations.models import Structure
from tremplin.partners.models import Partner

from . import rules
from .enums import CommitteeKind, CommitteeMoment
from .models import Committee, CommitteeDecision


def _check(
    *,
    structure: Structure,
    convention: Convention | None,
    action_label: str,
    kind: str,
    moment: str,
    held_on: date | None,
    minutes: str,
    participants: Iterable[Partner],
    exclude_pk: int | None,
) -> None:
    if convention is None and not action_label:
        raise_if("action_label", rules.NO_CONVENTION_NOR_ACTION)
    if convention is not None and convention.structure_id != structure.pk:
        raise_if("convention", rules.CONVENTION_OTHER_STRUCTURE)
    raise_if("held_on", rules.check_held_on(held_on, timezone.localdate()))
    raise_if("minutes", rules.check_minutes(held_on, minutes))
    for partner in participants:
        if partner.organisation_id != structure.organisation_id:
            raise_if("participants", rules.PARTNER_OTHER_ORGANISATION.format(partner=partner.name))
    if convention is not None and moment != CommitteeMoment.OTHER:
        twin = Committee.objects.filter(convention=convention, kind=kind, moment=moment).exclude(pk=exclude_pk).first()
        if twin:
            raise_if(
                "moment",
                rules.COMMITTEE_DUPLICATE.format(
                    reference=convention.reference,
                    kind=twin.get_kind_display().lower(),
                    moment=twin.get_moment_display().lower(),
                    day=fr(twin.day),
                ),
            )


@transaction.atomic
def committee_create(
    *,
    actor: User,
    structure: Structure,
    kind: str,
    planned_on: date,
    convention: Convention | None = None,
    action_label: str = "",
    moment: str = CommitteeMoment.OTHER,
    held_on: date | None = None,
    place: str = "",
    participants: Iterable[Partner] = (),
    other_participants: str = "",
    minutes: str = "",
) -> Committee:
    participants = list(participants)
    action_label, minutes = action_label.strip(), minutes.strip()
    _check(
        structure=structure,
        convention=convention,
        action_label=action_label,
        kind=kind,
        moment=moment,
        held_on=held_on,
        minutes=minutes,
        participants=participants,
        exclude_pk=None,
    )
    committee = Committee(
        structure=structure,
        convention=convention,
        action_label=action_label,
        kind=kind,
        moment=moment,
        planned_on=planned_on,
        held_on=held_on,
        place=place.strip(),
        other_participants=other_participants.strip(),
        minutes=minutes,
        created_by=actor,
    )
    committee.full_clean()
    committee.save()
    committee.participants.set(participants)
    return committee


@transaction.atomic
def committee_update(
    *,
    actor: User,
    committee: Committee,
    kind: str,
    planned_on: date,
    convention: Convention | None = None,
    action_label: str = "",
    moment: str = CommitteeMoment.OTHER,
    held_on: date | None = None,
    place: str = "",
    participants: Iterable[Partner] = (),
    other_participants: str = "",
    minutes: str = "",
) -> Committee:
    participants = list(participants)
    action_label, minutes = action_label.strip(), minutes.strip()
    _check(
        structure=committee.structure,
        convention=convention,
        action_label=action_label,
        kind=kind,
        moment=moment,
        held_on=held_on,
        minutes=minutes,
        participants=participants,
        exclude_pk=committee.pk,
    )
    if held_on is None and committee.decisions.exists():
        raise_if("held_on", rules.DECISION_BEFORE_HELD)
    committee.convention = convention
    committee.action_label = action_label
    committee.kind = kind
    committee.moment = moment
    committee.planned_on = planned_on
    committee.held_on = held_on
    committee.place = place.strip()
    committee.other_participants = other_participants.strip()
    committee.minutes = minutes
    committee.full_clean()
    committee.save()
    committee.participants.set(participants)
    return committee


@transaction.atomic
def committees_plan(*, actor: User, convention: Convention, kind: str = CommitteeKind.STEERING) -> list[Committee]:
    """The three committees of a convention (start, middle, end), planned on the dates of
    rules.plan_dates; a moment that already has its committee of this kind is left alone.
    Returns the committees created."""
    existing = set(
        Committee.objects.select_for_update().filter(convention=convention, kind=kind).values_list("moment", flat=True)
    )
    created = []
    for moment, day in rules.plan_dates(convention.start, convention.end).items():
        if moment in existing:
            continue
        committee = Committee(
            structure_id=convention.structure_id,
            convention=convention,
            kind=kind,
            moment=moment,
            planned_on=day,
            created_by=actor,
        )
        committee.full_clean()
        committee.save()
        created.append(committee)
    return created


@transaction.atomic
def decision_add(
    *, actor: User, committee: Committee, text: str, owner: str, due_on: date | None = None
) -> CommitteeDecision:
    if committee.held_on is None:
        raise_if(None, rules.DECISION_BEFORE_HELD)
    raise_if("due_on", rules.check_decision(committee.held_on, due_on))
    decision = CommitteeDecision(
        committee=committee, text=text.strip(), owner=owner.strip(), due_on=due_on, created_by=actor
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def decision_delete(*, actor: User, decision: CommitteeDecision) -> None:
    decision.delete()
