"""Reads on referrals and information sessions. The callers (views) have checked the scope:
these functions take the structure or the membership the scope gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet
from django.utils import timezone

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.people.sections import PersonSection
from tremplin.people.services import possible_duplicates

from .enums import ReferralState
from .models import InformationSession, Referral, ReferralTransition, SessionAttendance


def referrals_for_structure(structure: Structure, *, state: str | None = None) -> QuerySet[Referral]:
    """The referrals of one ACI, most recent first, optionally in one state."""
    referrals = Referral.objects.filter(structure=structure).select_related("person", "partner")
    if state:
        referrals = referrals.filter(state=state)
    return referrals.order_by("-referred_on", "-pk")


@dataclass(frozen=True)
class PrescriberReferralRow:
    """What a prescriber sees of a referral: enough to recognise it and know where it stands.

    Never the reason of a refusal (it can reveal health, justice or eligibility information: a
    refusal shows as "Refusée"), nor the comments of the history, nor anything of the person
    but the first name and the initial of the last name. `pk` only links to their own referral."""

    pk: int
    first_name: str
    last_name_initial: str
    referred_on: date
    state: str
    state_label: str
    updated_on: date

    @property
    def person_label(self) -> str:
        return f"{self.first_name} {self.last_name_initial}."


def referrals_for_prescriber(membership: Membership) -> list[PrescriberReferralRow]:
    """The referrals a prescriber may follow: those of their partner to the ACI of their
    membership, whoever recorded them (the prescriber, or the ACI's staff by hand). Another
    partner's referrals, or their partner's referrals to another ACI, never appear. One query."""
    if (
        membership.role != Role.PRESCRIBER
        or not membership.is_active
        or membership.partner_id is None
        or membership.structure_id is None
    ):
        return []
    rows = (
        Referral.objects.filter(partner_id=membership.partner_id, structure_id=membership.structure_id)
        .order_by("-referred_on", "-pk")
        .values_list("pk", "person__first_name", "person__last_name", "referred_on", "state", "updated_at")
    )
    return [
        PrescriberReferralRow(
            pk=pk,
            first_name=first_name,
            last_name_initial=last_name[:1].upper(),
            referred_on=referred_on,
            state=state,
            state_label=ReferralState(state).label,
            updated_on=timezone.localdate(updated_at),
        )
        for pk, first_name, last_name, referred_on, state, updated_at in rows
    ]


def referral_history(referral: Referral) -> QuerySet[ReferralTransition]:
    """The moves of a referral, oldest first (the first one has no previous state)."""
    return ReferralTransition.objects.filter(referral=referral).select_related("actor").order_by("at", "pk")


def referral_possible_duplicates(referral: Referral) -> list[Person]:
    """Other people of the organisation with the same names and birth date as the referred person:
    a prescriber's submission never reveals them, the staff settle them here."""
    person = referral.person
    return possible_duplicates(
        structure=referral.structure,
        first_name=person.first_name,
        last_name=person.last_name,
        birth_date=person.birth_date,
        exclude=person,
    )


def information_sessions_for_structure(
    structure: Structure, *, upcoming_only: bool = False
) -> QuerySet[InformationSession]:
    """The sessions of one ACI with their number of invited people (`invited_count`)."""
    sessions = InformationSession.objects.filter(structure=structure).annotate(invited_count=Count("attendances"))
    if upcoming_only:
        sessions = sessions.filter(starts_at__gte=timezone.now())
    return sessions.order_by("starts_at")


def session_attendances(session: InformationSession) -> QuerySet[SessionAttendance]:
    return (
        SessionAttendance.objects.filter(session=session)
        .select_related("referral__person", "referral__partner")
        .order_by("referral__person__last_name", "referral__person__first_name")
    )


def timeline_events(person: Person, *, scope=None) -> list:
    """The referrals of a person and each move of their pipeline, as far as the scope may read
    them (a supervisor does not see a referral from the SPIP). Comments stay on the referral
    page (they may hold sensitive details)."""
    from tremplin.people.timeline import TimelineEvent

    from .access import referrals_in_scope

    events = []
    referrals = referrals_in_scope(scope).filter(person=person) if scope is not None else person.referrals.none()
    transitions = (
        ReferralTransition.objects.filter(referral__in=referrals)
        .select_related("referral__partner")
        .order_by("at", "pk")
    )
    for transition in transitions:
        referral = transition.referral
        if transition.from_state is None:
            source = referral.partner.name if referral.partner else "candidature spontanée"
            events.append(
                TimelineEvent(
                    referral.referred_on,
                    "send",
                    f"Orientation reçue ({source})",
                    referral.referent_name,
                    "secondary",
                )
            )
            continue
        label = ReferralState(transition.to_state).label
        detail = transition.get_refusal_reason_display() if transition.refusal_reason else ""
        events.append(
            TimelineEvent(timezone.localdate(transition.at), "arrow-right-circle", f"Orientation : {label}", detail)
        )
    return events


def person_section(person: Person, *, scope) -> PersonSection:
    """The referrals of the person page, newest first (those the role may read)."""
    from .access import referrals_in_scope

    referrals = list(referrals_in_scope(scope).filter(person=person).select_related("partner").order_by("-referred_on"))
    return PersonSection(
        "recruitment/_person_section.html", "Orientations", {"referrals": referrals}, column="side", position=20
    )
