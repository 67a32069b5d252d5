"""The date rules of the committees, as pure functions returning the French message of the rule
broken (None when it holds)."""

from __future__ import annotations

from datetime import date, timedelta

from tremplin.kernel.formats import fr

from .enums import CommitteeMoment

HELD_IN_FUTURE = (
    "Un comité ne peut pas être déclaré tenu à une date future ({held_on}) : "
    "saisissez la date de tenue une fois le comité réuni."
)
MINUTES_BEFORE_HELD = "Le compte rendu ne se saisit qu'une fois le comité tenu : indiquez d'abord la date de tenue."
DECISION_BEFORE_HELD = "Les décisions se saisissent une fois le comité tenu : indiquez d'abord sa date de tenue."
DECISION_DUE_BEFORE_HELD = "L'échéance d'une décision ({due_on}) ne peut pas précéder la tenue du comité ({held_on})."
NO_CONVENTION_NOR_ACTION = "Rattachez le comité à une convention ou nommez l'action suivie."
CONVENTION_OTHER_STRUCTURE = "Cette convention n'est pas celle de l'ACI du comité."
PARTNER_OTHER_ORGANISATION = "« {partner} » n'est pas un partenaire de la structure porteuse de l'ACI."
COMMITTEE_DUPLICATE = "La convention {reference} a déjà un {kind} de {moment} ({day})."

# Without a previous committee nor a convention, the file covers the year before the committee.
DEFAULT_PERIOD_DAYS = 365


def check_held_on(held_on: date | None, today: date) -> str | None:
    if held_on and held_on > today:
        return HELD_IN_FUTURE.format(held_on=fr(held_on))
    return None


def check_minutes(held_on: date | None, minutes: str) -> str | None:
    if minutes.strip() and held_on is None:
        return MINUTES_BEFORE_HELD
    return None


def check_decision(held_on: date | None, due_on: date | None) -> str | None:
    if held_on is None:
        return DECISION_BEFORE_HELD
    if due_on and due_on < held_on:
        return DECISION_DUE_BEFORE_HELD.format(due_on=fr(due_on), held_on=fr(held_on))
    return None


def plan_dates(start: date, end: date) -> dict[str, date]:
    """The three committees a convention asks for: on its first day, halfway, on its last day
    (docs/decisions/0017: the director moves them to a working day when needed)."""
    return {
        CommitteeMoment.START: start,
        CommitteeMoment.MIDDLE: start + timedelta(days=(end - start).days // 2),
        CommitteeMoment.END: end,
    }


def file_period(*, day: date, previous_day: date | None, convention_start: date | None) -> tuple[date, date]:
    """The period a committee file covers: from the day after the previous committee of the same
    kind and subject (else the start of the convention, else one year back) to the committee's
    day. Never reversed: a committee held before its convention started covers its own day."""
    if previous_day is not None:
        start = previous_day + timedelta(days=1)
    elif convention_start is not None:
        start = convention_start
    else:
        start = day - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    return min(start, day), day
