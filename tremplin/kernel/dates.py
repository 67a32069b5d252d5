"""Dates and periods, counted as the law counts them (date to date, bounds included)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

ONE_DAY = timedelta(days=1)


def months_later(day: date, months: int) -> date:
    return day + relativedelta(months=months)


def last_day_within(start: date, months: int) -> date:
    """The last day of a period of `months` months starting on `start`, date to date: the day
    before the same date `months` later (1 March + 4 months -> 30 June), or the last day of the
    month when that date does not exist (31 October + 4 months -> 28 February)."""
    target = months_later(start, months)
    if target.day != start.day:  # clipped to the end of a shorter month
        return target
    return target - ONE_DAY


def age_on(birth_date: date, day: date) -> int:
    """Age in full years on `day` (someone born on 29 February has a birthday on 1 March in common years)."""
    return relativedelta(day, birth_date).years


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


def covered_days(periods: Iterable[Period]) -> int:
    """Days covered by the union of the periods."""
    total, current_end = 0, None
    for period in sorted(periods, key=lambda p: p.start):
        if current_end is None or period.start > current_end:
            total += period.days
            current_end = period.end
        elif period.end > current_end:
            total += (period.end - current_end).days
            current_end = period.end
    return total
