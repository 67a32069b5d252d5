"""The rules of conventions and financial annexes (domain.md sections 10 and 12), as plain
functions of dates and figures, with their French messages. Services and selectors gather the
data and call these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from tremplin.kernel.formats import fr
from tremplin.kernel.numbers import as_decimal
from tremplin.reference.enums import Territory
from tremplin.reference.tables import required_value

# Messages (module constants: tests assert on them).
CONVENTION_TOO_SHORT = "Une convention dure au moins 1 an : du {start} au {end} est trop court."
CONVENTION_TOO_LONG = "Une convention dure au plus 3 ans : du {start} au {end} est trop long."
ANNEX_OUTSIDE_CONVENTION = "L'annexe financière doit être comprise dans la convention (du {start} au {end})."
ANNEX_OVERLAP = (
    "L'annexe {number} couvre déjà la période du {start} au {end} : deux annexes d'un même ACI ne peuvent "
    "pas se chevaucher (les ETP conventionnés seraient comptés deux fois)."
)
ANNEX_WRONG_DEPARTMENT = (
    "Le numéro d'annexe {number} porte le département {annex_department}, alors que l'ACI est dans le "
    "département {department}."
)
ANNEX_END_BEFORE_START = "La fin de l'annexe ({end}) précède son début ({start})."
AMENDMENT_OUTSIDE_ANNEX = "Un avenant prend effet pendant l'annexe (du {start} au {end}) : le {day} est en dehors."
AMENDMENT_EMPTY = "Un avenant change au moins un chiffre : ETP conventionnés, part modulée ou montant."
GRANT_END_BEFORE_START = "La fin de la subvention ({end}) précède son début ({start})."
NO_AIDE_POSTE_RATE = (
    "Aucun montant de l'aide au poste ({territory}) n'est connu au {day} : ajoutez la valeur en vigueur dans les "
    "données de référence."
)
MAYOTTE = "976"  # the département whose aide au poste has its own socle


def days(start: date, end: date) -> int:
    return (end - start).days + 1


def check_convention_dates(start: date, end: date) -> str | None:
    """A convention lasts 1 to 3 years (domain.md section 10): end at least the day before the
    first anniversary, at most the day before the third."""
    if end < start + relativedelta(years=1) - relativedelta(days=1):
        return CONVENTION_TOO_SHORT.format(start=fr(start), end=fr(end))
    if end > start + relativedelta(years=3) - relativedelta(days=1):
        return CONVENTION_TOO_LONG.format(start=fr(start), end=fr(end))
    return None


@dataclass(frozen=True)
class Segment:
    """A stretch of an annex with constant figures."""

    start: date
    end: date
    etp: Decimal
    modulated_part: Decimal  # percent


@dataclass(frozen=True)
class Change:
    effective_from: date
    etp: Decimal | None
    modulated_part: Decimal | None


def segments(
    *, start: date, end: date, etp: Decimal, modulated_part: Decimal, changes: Iterable[Change]
) -> list[Segment]:
    """Cut an annex into stretches of constant figures: its own from `start`, then each
    amendment's from its effective date (an empty figure keeps the previous one)."""
    result: list[Segment] = []
    current_start, current_etp, current_part = start, etp, modulated_part
    for change in sorted(changes, key=lambda c: c.effective_from):
        if change.effective_from <= current_start:
            current_etp = change.etp if change.etp is not None else current_etp
            current_part = change.modulated_part if change.modulated_part is not None else current_part
            continue
        if change.effective_from > end:
            break
        result.append(Segment(current_start, change.effective_from - relativedelta(days=1), current_etp, current_part))
        current_start = change.effective_from
        current_etp = change.etp if change.etp is not None else current_etp
        current_part = change.modulated_part if change.modulated_part is not None else current_part
    result.append(Segment(current_start, end, current_etp, current_part))
    return result


def overlap_days(segment_start: date, segment_end: date, start: date, end: date) -> int:
    first, last = max(segment_start, start), min(segment_end, end)
    return days(first, last) if first <= last else 0


def conventioned_posts(all_segments: Sequence[Segment], start: date, end: date) -> Fraction:
    """The sum over annexes of (annex ETP x days of [start, end] covered) / days of [start, end]:
    the average number of conventioned posts over the period (domain.md section 12), exactly."""
    covered = sum((Fraction(s.etp) * overlap_days(s.start, s.end, start, end) for s in all_segments), Fraction(0))
    return covered / days(start, end)


def etp_conventioned(all_segments: Sequence[Segment], start: date, end: date) -> Decimal:
    return as_decimal(conventioned_posts(all_segments, start, end))


def segment_on(all_segments: Sequence[Segment], day: date) -> Segment | None:
    return next((s for s in all_segments if s.start <= day <= s.end), None)


# Aide au poste (domain.md section 12)


def territory_of(department: str) -> str:
    return Territory.MAYOTTE if department == MAYOTTE else Territory.MAINLAND


def socle_on(table: Sequence[tuple[date, Decimal]], day: date, territory: str) -> Decimal:
    """The yearly socle per ETP in force on `day` in `territory`."""
    missing = NO_AIDE_POSTE_RATE.format(territory=Territory(territory).label, day=fr(day))
    return required_value(table, day, missing)


def modulated_part_on(all_segments: Sequence[Segment], start: date, end: date) -> Decimal:
    """The modulated part (%) of the annex in force on `start`; when no annex is in force that day,
    that of the first annex stretch meeting [start, end] (an annex starting within the month);
    0 when none."""
    segment = segment_on(all_segments, start)
    if segment is None:
        meeting = sorted((s for s in all_segments if s.start <= end and s.end >= start), key=lambda s: s.start)
        segment = meeting[0] if meeting else None
    return segment.modulated_part if segment else Decimal(0)


def aide_au_poste_of_part(
    *,
    etp_realised: Fraction,
    etp_conventioned: Fraction,
    socle: Decimal,
    part_days: int,
    month_days: int,
    modulated_part: Decimal,
) -> Fraction:
    """min(ETP realised, ETP conventioned) x socle / 12 x (days of the part / days of the month)
    x (1 + modulated part / 100), for the part of one month in the period (domain.md 12)."""
    posts = min(etp_realised, etp_conventioned)
    return posts * Fraction(socle) / 12 * Fraction(part_days, month_days) * (1 + Fraction(modulated_part) / 100)


# Projection of an annex (working-time issue: FTE cumulative and projected to the end)

PACE_DAYS = 91  # "current pace": the paid hours per day of the last 3 months filled in


def projected_hours(*, hours_so_far: Decimal, recent_hours: Decimal, recent_days: int, remaining_days: int) -> Fraction:
    """Paid hours at the end of the annex if the recent pace (hours per day over the last
    `recent_days` days filled in) goes on for the `remaining_days` days left."""
    if recent_days <= 0:
        return Fraction(hours_so_far)
    return Fraction(hours_so_far) + Fraction(recent_hours) * remaining_days / recent_days
