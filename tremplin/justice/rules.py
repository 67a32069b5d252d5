"""The rules of justice measures as pure functions, with their French messages (code pénal
art. 131-8, 131-17 and 131-22; decision 0016). Each check returns None when the rule passes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from tremplin.kernel.dates import last_day_within
from tremplin.kernel.formats import fr, hours_fr

from .enums import HOURS_KINDS, MeasureKind, Offence

MIN_HOURS = 20
MAX_HOURS = {Offence.DELIT: 400, Offence.CONTRAVENTION: 120}
DEADLINE_MONTHS = 18
MAX_HOURS_A_DAY = Decimal(10)
ALERT_DAYS = 60

HOURS_REQUIRED = "Un TIG a un nombre d'heures ordonnées."
HOURS_OUT_OF_RANGE = (
    "Un TIG est de {minimum} à {maximum} heures pour {offence} : {hours} h est refusé "
    "(code pénal, art. 131-8 et 131-17)."
)
HOURS_NOT_FOR_KIND = "Un {kind} ne compte pas d'heures : il a une période (début et fin)."
DEADLINE_BEFORE_ORDER = "L'échéance ({deadline}) ne peut précéder la décision du {ordered_on}."
DEADLINE_TOO_LATE = (
    "Un TIG est exécuté dans les 18 mois de la décision : l'échéance ne peut dépasser le {maximum} "
    "(le juge peut fixer une date plus proche)."
)
START_REQUIRED = "Un {kind} a une date de début."
END_REQUIRED = "Un placement extérieur a une date de fin."
END_BEFORE_START = "La fin de la mesure ({end}) ne peut précéder son début ({start})."
START_BEFORE_ORDER = "La mesure ne peut commencer ({start}) avant la décision du {ordered_on}."
ORDER_IN_FUTURE = "La date de la décision ({day}) ne peut être dans le futur."
HOURS_BELOW_DONE = "{done} h sont déjà effectuées : les heures ordonnées ne peuvent être moins nombreuses."
NOT_COMPLETE = "Un TIG est exécuté quand toutes ses heures sont faites : {done} h sur {ordered} h à ce jour."

ATTENDANCE_NO_HOURS = (
    "Un {kind} ne compte pas d'heures de présence : les heures de travail vont sur la feuille d'heures."
)
ATTENDANCE_CLOSED = "Cette mesure est {status} : aucune heure ne peut plus y être ajoutée."
ATTENDANCE_OUTSIDE = (
    "Les heures d'un TIG se font entre la décision ({ordered_on}) et l'échéance ({deadline}) : le {day} est refusé."
)
ATTENDANCE_FUTURE = "Les heures sont saisies une fois faites : le {day} est dans le futur."
ATTENDANCE_HOURS_POSITIVE = "Une présence compte plus de 0 heure."
ATTENDANCE_DAY_LIMIT = (
    "10 heures par jour au plus : {person} a déjà {before} h le {day}, {hours} h de plus donneraient {total} h."
)
ATTENDANCE_ABOVE_ORDERED = (
    "Les heures effectuées ne peuvent dépasser les heures ordonnées ({ordered} h) : "
    "{done} h sont faites, il en reste {remaining} h."
)


def default_deadline(ordered_on: date) -> date:
    """The last day of the 18 months counted from the decision, date to date (decision 0006)."""
    return last_day_within(ordered_on, DEADLINE_MONTHS)


def check_order_day(*, ordered_on: date, today: date) -> str | None:
    if ordered_on > today:
        return ORDER_IN_FUTURE.format(day=fr(ordered_on))
    return None


def check_hours_ordered(*, kind: str, offence: str, hours: int | None) -> str | None:
    if kind not in HOURS_KINDS:
        return HOURS_NOT_FOR_KIND.format(kind=MeasureKind(kind).label.lower()) if hours is not None else None
    if hours is None:
        return HOURS_REQUIRED
    maximum = MAX_HOURS[Offence(offence)]
    if not MIN_HOURS <= hours <= maximum:
        offence_label = "un délit" if offence == Offence.DELIT else "une contravention"
        return HOURS_OUT_OF_RANGE.format(minimum=MIN_HOURS, maximum=maximum, offence=offence_label, hours=hours)
    return None


def check_deadline(*, ordered_on: date, deadline: date) -> str | None:
    if deadline < ordered_on:
        return DEADLINE_BEFORE_ORDER.format(deadline=fr(deadline), ordered_on=fr(ordered_on))
    maximum = default_deadline(ordered_on)
    if deadline > maximum:
        return DEADLINE_TOO_LATE.format(maximum=fr(maximum))
    return None


def check_period(*, kind: str, ordered_on: date, start: date | None, end: date | None) -> dict[str, str]:
    """The period of a measure without hours: {field: message} of what is wrong."""
    label = MeasureKind(kind).label.lower()
    errors: dict[str, str] = {}
    if start is None:
        errors["start"] = START_REQUIRED.format(kind=label)
    elif start < ordered_on:
        errors["start"] = START_BEFORE_ORDER.format(start=fr(start), ordered_on=fr(ordered_on))
    if end is None and kind == MeasureKind.OUTSIDE_PLACEMENT:
        errors["end"] = END_REQUIRED
    elif start and end and end < start:
        errors["end"] = END_BEFORE_START.format(end=fr(end), start=fr(start))
    return errors


def check_hours_not_below_done(*, hours_ordered: int, done: Decimal) -> str | None:
    if done > hours_ordered:
        return HOURS_BELOW_DONE.format(done=hours_fr(done))
    return None


def check_completion(*, done: Decimal, ordered: int) -> str | None:
    if done < ordered:
        return NOT_COMPLETE.format(done=hours_fr(done), ordered=ordered)
    return None


def check_attendance_day(*, day: date, ordered_on: date, deadline: date, today: date) -> str | None:
    if day > today:
        return ATTENDANCE_FUTURE.format(day=fr(day))
    if not ordered_on <= day <= deadline:
        return ATTENDANCE_OUTSIDE.format(ordered_on=fr(ordered_on), deadline=fr(deadline), day=fr(day))
    return None


def check_day_limit(*, person: str, day: date, before: Decimal, hours: Decimal) -> str | None:
    total = before + hours
    if total > MAX_HOURS_A_DAY:
        return ATTENDANCE_DAY_LIMIT.format(
            person=person, before=hours_fr(before), day=fr(day), hours=hours_fr(hours), total=hours_fr(total)
        )
    return None


def check_total(*, done: Decimal, hours: Decimal, ordered: int) -> str | None:
    if done + hours > ordered:
        return ATTENDANCE_ABOVE_ORDERED.format(
            ordered=ordered, done=hours_fr(done), remaining=hours_fr(max(Decimal(ordered) - done, Decimal(0)))
        )
    return None


def deadline_alert_due(*, deadline: date, today: date, done: Decimal, ordered: int) -> bool:
    """A TIG with hours still to do whose deadline is within 60 days (or already past)."""
    return done < ordered and deadline <= today + timedelta(days=ALERT_DAYS)
