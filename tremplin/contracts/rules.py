"""The rules of the CDDI (Code du travail L5132-15-1, D5132-43-x; domain.md section 3), as plain
functions of dates and figures. Services gather the data and call these; every refusal names the
rule in French and says what would allow the operation.

Durations are counted date to date: a contract of N months starting on day D ends at the latest
on D + N months - 1 day (1 March -> 30 June is exactly 4 months). The cumulative duration of
several contracts is the number of days they cover, compared with the number of days of N months
counted from the first contract's start."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from tremplin.kernel.dates import ONE_DAY, Period, covered_days, last_day_within
from tremplin.kernel.formats import fr, hours_fr
from tremplin.reference.selectors import NO_SMIC

MIN_MONTHS = 4
CAP_MONTHS = 24
EXTENDED_CAP_MONTHS = 60
DEROGATION_MAX_MONTHS = 12
MIN_WEEKLY_HOURS = Decimal(20)
MAX_WEEKLY_HOURS = Decimal(35)
CDI_MIN_AGE = 57
CDI_MIN_PATHWAY_MONTHS = 12
CDI_MIN_WEEKLY_HOURS = Decimal(24)


# Messages (module constants: tests assert on them).
TOO_SHORT = (
    f"Un CDDI dure au moins {MIN_MONTHS} mois (L5132-15-1) : du {{start}} il doit aller au moins jusqu'au {{minimum}}. "
    "Une durée plus courte n'est possible que pour une personne en aménagement de peine."
)
OVER_CAP = (
    f"La durée cumulée des CDDI de cette personne dans l'ACI dépasserait {CAP_MONTHS} mois, renouvellements compris "
    "(L5132-15-1) : {total} mois au {end}, la limite est atteinte le {cap_day}. "
    "Au-delà, enregistrez d'abord une dérogation (formation en cours ; 50 ans et plus ou RQTH ; "
    "difficultés particulièrement importantes) qui couvre la période du {uncovered_from} au {end}."
)
OVER_EXTENDED_CAP = (
    f"Même avec une dérogation, le parcours en CDDI ne peut dépasser {EXTENDED_CAP_MONTHS} mois (D5132-43-x) : "
    "la limite est atteinte le {cap_day}. Seule une dérogation pour achever une formation en cours va au-delà."
)
HOURS_ABOVE_MAX = "La durée hebdomadaire d'un CDDI est de 35 heures au plus : {hours} h est refusé."
HOURS_BELOW_MIN = (
    "La durée hebdomadaire d'un CDDI est d'au moins 20 heures : {hours} h demande une dérogation "
    "individuelle (D5132-43-5) ou collective (D5132-43-8) qui couvre la période du {start} au {end}."
)
PAY_BELOW_SMIC = "Le salaire horaire ({pay} EUR) est inférieur au SMIC horaire en vigueur le {day} ({smic} EUR)."
OVERLAP = "Cette personne a déjà un contrat du {start} au {end} dans l'ACI : deux contrats ne peuvent se chevaucher."
DEROGATION_TOO_LONG = "Une dérogation de ce type vaut 12 mois au plus : du {start}, jusqu'au {maximum} au plus tard."
DEROGATION_DECISION_FUTURE = "La date de décision ({day}) ne peut être dans le futur."
DEROGATION_SENIOR_NOT_ELIGIBLE = (
    "Cette dérogation est réservée aux personnes de 50 ans et plus ou reconnues travailleurs handicapés (RQTH) : "
    "{person} a {age} ans au {start} et n'a pas de RQTH enregistrée."
)
CDI_TOO_YOUNG = "Le CDI inclusion est réservé aux personnes de 57 ans et plus : {person} a {age} ans au {start}."
CDI_PATHWAY_TOO_SHORT = (
    "Le CDI inclusion demande au moins 12 mois de parcours en CDDI dans l'ACI : {months} mois au {start}."
)
CDI_HOURS = "Un CDI inclusion est d'au moins 24 heures par semaine : {hours} h est refusé."


def cap_in_days(first_start: date, months: int) -> int:
    return Period(first_start, last_day_within(first_start, months)).days


def uncovered_from(required: Period, covers: Iterable[Period]) -> date | None:
    """The first day of `required` that no period of `covers` covers, or None when all are covered."""
    day = required.start
    for period in sorted(covers, key=lambda p: p.start):
        if period.start > day:
            break
        if period.end >= day:
            day = period.end + ONE_DAY
        if day > required.end:
            return None
    return day if day <= required.end else None


def months_of(days: int) -> str:
    return f"{days / 30.4375:.1f}".replace(".", ",")


def check_minimum_duration(*, start: date, end: date, sentence_adjustment: bool) -> str | None:
    minimum = last_day_within(start, MIN_MONTHS)
    if end < minimum and not sentence_adjustment:
        return TOO_SHORT.format(start=fr(start), minimum=fr(minimum))
    return None


def check_cumulative_duration(
    *, proposed: Period, others: list[Period], extension_derogations: list[Period], capped_derogations: list[Period]
) -> str | None:
    """The 24-month cap over all the CDDI of the person in the ACI, and the 60-month ceiling of
    the extensions. `others` are the person's other CDDI; the proposed period is the latest."""
    periods = [*others, proposed]
    first_start = min(p.start for p in periods)
    total = covered_days(periods)
    cap = cap_in_days(first_start, CAP_MONTHS)
    if total <= cap:
        return None
    before = covered_days([p for p in others if p.start < proposed.start])
    remaining = cap - before
    cap_day = proposed.start + timedelta(days=remaining - 1) if remaining > 0 else proposed.start - ONE_DAY
    beyond = Period(cap_day + ONE_DAY, proposed.end)
    gap = uncovered_from(beyond, extension_derogations)
    if gap is not None:
        return OVER_CAP.format(
            total=months_of(total), end=fr(proposed.end), cap_day=fr(cap_day), uncovered_from=fr(gap)
        )
    # Beyond 60 months, only a training in progress allows more.
    extended_cap = cap_in_days(first_start, EXTENDED_CAP_MONTHS)
    if total > extended_cap:
        extended_day = last_day_within(first_start, EXTENDED_CAP_MONTHS)
        training_only = [p for p in extension_derogations if p not in capped_derogations]
        after = Period(max(extended_day + ONE_DAY, beyond.start), proposed.end)
        if uncovered_from(after, training_only) is not None:
            return OVER_EXTENDED_CAP.format(cap_day=fr(extended_day))
    return None


def check_weekly_hours(*, hours: Decimal, period: Period, low_hours_derogations: list[Period]) -> str | None:
    if hours > MAX_WEEKLY_HOURS:
        return HOURS_ABOVE_MAX.format(hours=hours_fr(hours))
    if hours < MIN_WEEKLY_HOURS and uncovered_from(period, low_hours_derogations) is not None:
        return HOURS_BELOW_MIN.format(hours=hours_fr(hours), start=fr(period.start), end=fr(period.end))
    return None


def check_pay(*, hourly_pay: Decimal, day: date, smic: Decimal | None) -> str | None:
    if smic is None:
        return NO_SMIC.format(day=fr(day))
    if hourly_pay < smic:
        return PAY_BELOW_SMIC.format(pay=hours_fr(hourly_pay), day=fr(day), smic=hours_fr(smic))
    return None


def trial_period_end(*, start: date, end: date | None) -> date:
    """One day per week of the planned duration, at most 2 weeks for a contract of 6 months or
    less, at most 1 month otherwise (calendar days, L1242-10). A CDI inclusion: 1 month."""
    if end is None:
        return last_day_within(start, 1)
    duration = Period(start, end).days
    days = duration // 7
    if end <= last_day_within(start, 6):
        days = min(days, 14)
    else:
        days = min(days, Period(start, last_day_within(start, 1)).days)
    return start + timedelta(days=max(days, 1) - 1)


def check_derogation_length(*, start: date, end: date) -> str | None:
    maximum = last_day_within(start, DEROGATION_MAX_MONTHS)
    if end > maximum:
        return DEROGATION_TOO_LONG.format(start=fr(start), maximum=fr(maximum))
    return None


# Counted exits (domain.md section 12)

COUNTED_EXIT_MIN_DAYS = 92  # "more than 3 months": more than 91 days in total before the exit
COUNTED_EXIT_MIN_HOURS = Decimal(1)  # at least 1 hour worked in the calendar year of the exit
EXIT_TOO_SHORT = "3 mois de contrat ou moins"
EXIT_NO_HOURS = "aucune heure travaillée saisie en {year}"


def exit_not_counted_reason(*, days_under_contract: int, hours_worked_in_year: Decimal, year: int) -> str | None:
    """Why an exit does not count in the rates, or None when it counts: the person was under
    contract in the ACI more than 91 days in all before it, and worked at least 1 hour in the
    calendar year of the exit."""
    if days_under_contract < COUNTED_EXIT_MIN_DAYS:
        return EXIT_TOO_SHORT
    if hours_worked_in_year < COUNTED_EXIT_MIN_HOURS:
        return EXIT_NO_HOURS.format(year=year)
    return None
