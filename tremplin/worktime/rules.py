"""The rules of working time (domain.md sections 8 and 12; Code du travail L3121-18 and
L3121-20), as plain functions of dates and figures, with their French messages. Services gather
the data and call these."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import holidays

from tremplin.kernel.dates import Period
from tremplin.kernel.formats import fr, hours_fr
from tremplin.kernel.numbers import as_decimal
from tremplin.reference.tables import MissingReference, value_in_force

from .enums import EntryKind

ONE_DAY = timedelta(days=1)
DAY_MAX_HOURS = Decimal(10)  # L3121-18
WEEK_MAX_HOURS = Decimal(48)  # L3121-20
PLANNED_WEEKDAYS = (0, 1, 2, 3, 4)  # Monday to Friday, when the contract has no planning
CENT = Decimal("0.01")

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Messages (module constants: tests assert on them).
OUTSIDE_CONTRACT = "Le {day} est en dehors du contrat (du {start} au {end}) : aucune heure ne peut y être saisie."
DURING_SUSPENSION = (
    "Le contrat est suspendu du {start} au {end} : aucune heure rémunérée ({kind}) ne peut être saisie "
    "le {day}. Saisissez « Suspension du contrat »."
)
NO_SUSPENSION = "Aucune suspension du contrat ne couvre le {day} : enregistrez d'abord la suspension sur le contrat."
NOT_A_PUBLIC_HOLIDAY = "Le {day} n'est pas un jour férié dans le département {department}."
DAY_OVER_MAX = (
    "La durée quotidienne du travail est de 10 heures au plus (Code du travail, L3121-18) : "
    "{total} h le {day} est refusé."
)
WEEK_OVER_MAX = (
    "La durée hebdomadaire du travail est de 48 heures au plus (Code du travail, L3121-20) : "
    "{total} h la semaine du {monday} au {sunday} est refusé."
)
MONTH_LOCKED = (
    "Le mois de {month} est validé : ses heures ne se modifient plus directement. Enregistrez une correction motivée."
)
MONTH_NOT_LOCKED = "Le mois de {month} n'est pas validé : modifiez directement la feuille d'heures."
MONTH_ALREADY_VALIDATED = "Le mois de {month} est déjà validé pour cet ACI."
MONTH_NOT_OVER = "Le mois de {month} n'est pas terminé : il se valide à partir du {first_day_after}."
NOT_FIRST_DAY = "Un mois se désigne par son premier jour (le 1er), pas par le {day}."
NOT_MONDAY = "Une semaine commence un lundi : le {day} est un {weekday}."
REASON_REQUIRED = "Une correction d'un mois validé doit être motivée."
NEGATIVE_HOURS = "Le nombre d'heures ne peut être négatif."
SUPPORT_NOT_IN_STRUCTURE = "Cet atelier ou chantier n'appartient pas à l'ACI du contrat."
WEEK_ABOVE_CONTRACT = (
    "La semaine du {monday} compte {total} h, plus que les {expected} h prévues au contrat "
    "({weekly} h par semaine) : heures complémentaires à vérifier."
)
WEEK_BELOW_CONTRACT = (
    "La semaine du {monday} compte {total} h, moins que les {expected} h prévues au contrat ({weekly} h par semaine)."
)
NO_REFERENCE_HOURS = (
    "Aucun horaire annuel de référence n'est connu au {day} : "
    "ajoutez la valeur en vigueur dans les données de référence."
)
PLANNING_DAY_OVER_MAX = "Au planning, 10 heures par jour au plus (Code du travail, L3121-18) : {hours} h est refusé."
PLANNING_WEEK_OVER_MAX = (
    "Au planning, 48 heures par semaine au plus (Code du travail, L3121-20) : {total} h est refusé."
)
WEEKDAY_INVALID = "Le jour de la semaine va de 0 (lundi) à 6 (dimanche)."
PLANNING_DIFFERS = "Le planning compte {total} h par semaine, le contrat {weekly} h."

WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


class MissingReferenceHours(MissingReference):
    """No annual reference hours are known on a day of the period."""


# Dates


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - ONE_DAY


def days_of_month(month: date) -> int:
    return month_end(month).day


def month_parts(start: date, end: date) -> list[tuple[date, date, date]]:
    """The calendar months meeting [start, end]: (first day of the month, first day of the part
    in the period, last day of the part in the period)."""
    parts, month = [], month_start(start)
    while month <= end:
        parts.append((month, max(month, start), min(month_end(month), end)))
        month = month_end(month) + ONE_DAY
    return parts


def month_fr(day: date) -> str:
    return f"{MONTHS_FR[day.month - 1]} {day.year}"


def week_monday(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=n) for n in range(7)]


def days_in_year(year: int) -> int:
    return (date(year + 1, 1, 1) - date(year, 1, 1)).days


def months_of_year(year: int) -> list[date]:
    return [date(year, month, 1) for month in range(1, 13)]


# Public holidays

# Départements whose public holidays differ from the national list, and their subdivision in
# the `holidays` package (holidays.France.subdivisions): Moselle ("57") and Alsace ("6AE": Bas-Rhin
# and Haut-Rhin) add Good Friday and 26 December; the overseas départements add the abolition of
# slavery (and Good Friday, Mi-Carême, Victor Schoelcher day where it applies).
HOLIDAY_SUBDIVISIONS = {
    "57": "57",
    "67": "6AE",
    "68": "6AE",
    "971": "971",
    "972": "972",
    "973": "973",
    "974": "974",
    "976": "976",
}


@functools.lru_cache(maxsize=256)
def _public_holidays(department: str, year: int) -> tuple[tuple[date, str], ...]:
    calendar = holidays.France(years=year, subdiv=HOLIDAY_SUBDIVISIONS.get(department), language="fr")
    return tuple(sorted(calendar.items()))


def public_holidays(department: str, year: int) -> dict[date, str]:
    """The public holidays (jours fériés) of a département in a year, in date order, with their
    French names. The Monday of Pentecost is included: whether it is worked as the journée de
    solidarité is the employer's choice, recorded as hours worked."""
    return dict(_public_holidays(department, year))


def public_holiday_name(department: str, day: date) -> str | None:
    return public_holidays(department, day.year).get(day)


# Checks


def check_day_in_contract(*, day: date, start: date, last: date | None) -> str | None:
    if day < start or (last is not None and day > last):
        return OUTSIDE_CONTRACT.format(day=fr(day), start=fr(start), end=fr(last))
    return None


def suspension_on(day: date, suspensions: Iterable[Period]) -> Period | None:
    return next((period for period in suspensions if period.start <= day <= period.end), None)


def check_kind_and_suspension(
    *, day: date, kind: str, kind_label: str, paid: bool, suspensions: Iterable[Period]
) -> str | None:
    """No paid hours on a suspended day (the salary is suspended too); the kind "suspension" only
    on a suspended day."""
    suspension = suspension_on(day, suspensions)
    if suspension is not None and paid:
        return DURING_SUSPENSION.format(
            start=fr(suspension.start), end=fr(suspension.end), kind=kind_label.lower(), day=fr(day)
        )
    if suspension is None and kind == EntryKind.SUSPENSION:
        return NO_SUSPENSION.format(day=fr(day))
    return None


def check_day_total(*, day: date, total: Decimal) -> str | None:
    if total > DAY_MAX_HOURS:
        return DAY_OVER_MAX.format(total=hours_fr(total), day=fr(day))
    return None


def check_week_total(*, monday: date, total: Decimal) -> str | None:
    if total > WEEK_MAX_HOURS:
        return WEEK_OVER_MAX.format(total=hours_fr(total), monday=fr(monday), sunday=fr(monday + 6 * ONE_DAY))
    return None


def week_warning(
    *, monday: date, total: Decimal, expected: Decimal, weekly_hours: Decimal, complete: bool
) -> str | None:
    """A warning (not a refusal) when the hours of a week depart from the contract: above the
    expected hours as soon as they are, below once every planned day of the week has a line."""
    values = {"monday": fr(monday), "total": hours_fr(total), "expected": hours_fr(expected)}
    if total > expected:
        return WEEK_ABOVE_CONTRACT.format(weekly=hours_fr(weekly_hours), **values)
    if complete and total < expected:
        return WEEK_BELOW_CONTRACT.format(weekly=hours_fr(weekly_hours), **values)
    return None


def planned_daily_hours(weekly_hours: Decimal) -> Decimal:
    """The hours of a planned day when the contract has no planning: the weekly hours over the
    five days from Monday to Friday, to the cent (26 h -> 5,20 h)."""
    return (weekly_hours / len(PLANNED_WEEKDAYS)).quantize(CENT, rounding=ROUND_HALF_UP)


# FTE (domain.md section 12)


def full_time_hours(start: date, end: date, table: Sequence[tuple[date, Decimal]]) -> Fraction:
    """The sum over the days of [start, end] of (annual reference hours in force that day / number
    of days of that day's year), exactly: a calendar year at 1 820 h gives 1 820."""
    if end < start:
        raise ValueError("La fin de la période précède son début.")
    total = Fraction(0)
    day = start
    while day <= end:
        segment_end = min(end, date(day.year, 12, 31))
        next_change = next((valid_from for valid_from, _ in table if valid_from > day), None)
        if next_change is not None:
            segment_end = min(segment_end, next_change - ONE_DAY)
        hours = value_in_force(table, day)
        if hours is None:
            raise MissingReferenceHours(NO_REFERENCE_HOURS.format(day=fr(day)))
        total += Fraction(hours) * ((segment_end - day).days + 1) / days_in_year(day.year)
        day = segment_end + ONE_DAY
    return total


def etp_exact(hours_paid: Decimal | Fraction, full_time: Fraction) -> Fraction:
    """ETP réalisés (domain.md section 12): hours paid over the full-time hours of the same days.
    The one place the division is written; `etp` gives it as a Decimal."""
    return Fraction(hours_paid) / full_time


def etp(hours_paid: Decimal | Fraction, full_time: Fraction) -> Decimal:
    """etp_exact as a Decimal (28 significant digits; round only for display)."""
    return as_decimal(etp_exact(hours_paid, full_time))


# Payroll


@dataclass(frozen=True)
class AbsencePeriod:
    kind: str
    start: date
    end: date
    hours: Decimal


def absence_periods(days: Sequence[tuple[date, str, Decimal]]) -> list[AbsencePeriod]:
    """Group the lines of one person ((day, kind, hours), any order) into periods of one absence
    kind: two lines of a kind belong to one period when no line of another kind lies between
    them (a sick leave from Thursday to the next Tuesday is one period, over the weekend)."""
    periods: list[AbsencePeriod] = []
    current: AbsencePeriod | None = None
    for day, kind, hours in sorted(days, key=lambda line: (line[0], line[1])):
        if kind == EntryKind.WORKED:
            if hours > 0 and current is not None:  # a day worked ends the absence
                periods.append(current)
                current = None
            continue
        if current is not None and current.kind == kind:
            current = AbsencePeriod(kind, current.start, day, current.hours + hours)
            continue
        if current is not None:
            periods.append(current)
        current = AbsencePeriod(kind, day, day, hours)
    if current is not None:
        periods.append(current)
    return periods
