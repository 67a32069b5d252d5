"""The arithmetic of the indicators (domain.md section 12), as plain functions of dates and
figures: no database. indicators.py gathers the data and calls these. Exact arithmetic: Fractions
inside, Decimals out, nothing rounded (round only for display)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from tremplin.kernel.dates import Period, covered_days
from tremplin.kernel.formats import fr
from tremplin.kernel.numbers import as_decimal
from tremplin.reference.tables import required_value

ONE_DAY = timedelta(days=1)
DAYS_PER_MONTH = Fraction("30.4375")  # 365.25 / 12: the mean length of a month

AGE_BANDS = ("under_26", "26_49", "50_plus")

MAX_PERIOD_YEARS = 5
PERIOD_TOO_LONG = f"Une période dure au plus {MAX_PERIOD_YEARS} ans."
PERIOD_REVERSED = "La fin de la période ({end}) précède son début ({start})."
NO_RSA_AMOUNT = (
    "Aucun montant forfaitaire du RSA n'est connu au {day} : ajoutez la valeur en vigueur dans les données de "
    "référence."
)


def check_period(start: date, end: date) -> str | None:
    if end < start:
        return PERIOD_REVERSED.format(start=fr(start), end=fr(end))
    return None


def check_period_length(start: date, end: date) -> str | None:
    """A figure is asked over at most MAX_PERIOD_YEARS years (the pages and the API alike)."""
    if (end - start).days > MAX_PERIOD_YEARS * 366:
        return PERIOD_TOO_LONG
    return None


# Dates


def covers(start: date, last: date | None, period_start: date, period_end: date) -> bool:
    """A contract from `start` to `last` (its effective end; None: open-ended CDI) covers at least
    one day of the period."""
    return start <= period_end and (last is None or last >= period_start)


def days_covered_in(contracts: Iterable[tuple[date, date | None]], start: date, end: date) -> int:
    """Days of [start, end] covered by at least one of the contracts ((start, effective end))."""
    periods = [
        Period(max(c_start, start), min(c_last or end, end))
        for c_start, c_last in contracts
        if covers(c_start, c_last, start, end)
    ]
    return covered_days(periods)


# People


def age_band(age: int) -> str:
    if age < 26:
        return "under_26"
    if age < 50:
        return "26_49"
    return "50_plus"


# Exits


def dynamic_exit_rate(*, durable: int, transition: int, positive: int, counted: int, withdrawn: int) -> Decimal | None:
    """(durable + transition + positive) / (counted - withdrawn), as a percentage (like the target of
    the annex); None when the denominator is 0."""
    denominator = counted - withdrawn
    if denominator <= 0:
        return None
    return as_decimal(Fraction(100 * (durable + transition + positive), denominator))


def combined_target(targets: Sequence[tuple[Decimal, int]]) -> Decimal | None:
    """The target of several structures, from (target %, denominator of the rate) pairs: the mean of
    the targets weighted by the exits each rate is computed on, so that the combined rate reaches
    it when the structures together make the dynamic exits their targets ask for. Without any such
    exit, the plain mean. None when no structure has a target."""
    if not targets:
        return None
    if len(targets) == 1:
        return targets[0][0]
    weight = sum(w for _, w in targets)
    if weight == 0:
        return as_decimal(sum((Fraction(t) for t, _ in targets), Fraction(0)) / len(targets))
    return as_decimal(sum((Fraction(t) * w for t, w in targets), Fraction(0)) / weight)


def average_months(total_days: int, count: int) -> Decimal | None:
    """Mean of durations given in days, in months of 30.4375 days; None when there is none."""
    if count == 0:
        return None
    return as_decimal(Fraction(total_days, count) / DAYS_PER_MONTH)


# Reference figures


def rsa_amount_on(table: Sequence[tuple[date, Fraction]], day: date) -> Fraction:
    """The monthly amount co-financed in force on `day` (88 % of the RSA single person)."""
    return required_value(table, day, NO_RSA_AMOUNT.format(day=fr(day)))
