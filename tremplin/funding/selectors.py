"""Reads on conventions and annexes: the figures in force on a day, the ETP conventioned over a
period (domain.md section 12) and the progress of an annex (ETP réalisés month by month,
cumulative, and projected to its end at the current pace)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from django.db.models import Prefetch, QuerySet

from tremplin.accounts.scope import Scope
from tremplin.organisations.models import Structure
from tremplin.reference.selectors import aide_poste_socle_tables, annual_reference_hours_table
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime.figures import PaidEtp, hours_paid, last_day_filled, paid_hours_by_month

from . import rules
from .models import Convention, FinancialAnnex, Grant


def conventions_of(structure: Structure) -> QuerySet[Convention]:
    annexes = FinancialAnnex.objects.prefetch_related("amendments").order_by("start")
    return Convention.objects.filter(structure=structure).prefetch_related(Prefetch("annexes", queryset=annexes))


def grants_of(structure: Structure) -> QuerySet[Grant]:
    return Grant.objects.filter(structure=structure)


def conventions_in_scope(scope: Scope) -> QuerySet[Convention]:
    return Convention.objects.filter(structure_id__in=scope.structure_ids)


def annexes_in_scope(scope: Scope) -> QuerySet[FinancialAnnex]:
    return FinancialAnnex.objects.filter(structure_id__in=scope.structure_ids)


def grants_in_scope(scope: Scope) -> QuerySet[Grant]:
    return Grant.objects.filter(structure_id__in=scope.structure_ids)


def annex_segments(annex: FinancialAnnex) -> list[rules.Segment]:
    """Reads annex.amendments (prefetch it for lists)."""
    changes = [rules.Change(a.effective_from, a.etp_conventioned, a.modulated_part) for a in annex.amendments.all()]
    return rules.segments(
        start=annex.start,
        end=annex.end,
        etp=annex.etp_conventioned,
        modulated_part=annex.modulated_part,
        changes=changes,
    )


AnnexSegments = list[tuple[FinancialAnnex, list[rules.Segment]]]


def annexes_by_structure(structure_ids: Iterable[int], start: date, end: date) -> dict[int, AnnexSegments]:
    """ACI id -> its annexes meeting [start, end], oldest first, each with its stretches of constant
    figures; two queries for any number of ACI."""
    annexes = (
        FinancialAnnex.objects.filter(structure_id__in=list(structure_ids), start__lte=end, end__gte=start)
        .prefetch_related("amendments")
        .order_by("start")
    )
    result: dict[int, AnnexSegments] = defaultdict(list)
    for annex in annexes:
        result[annex.structure_id].append((annex, annex_segments(annex)))
    return result


def segments_meeting(structure_ids: Iterable[int], start: date, end: date) -> list[rules.Segment]:
    by_structure = annexes_by_structure(structure_ids, start, end)
    return [segment for annexes in by_structure.values() for _, segments in annexes for segment in segments]


def etp_conventioned(structure: Structure, start: date, end: date) -> Decimal:
    """The average number of conventioned posts over [start, end] (domain.md section 12)."""
    return rules.etp_conventioned(segments_meeting([structure.pk], start, end), start, end)


@dataclass(frozen=True)
class FundingFigures:
    """What the annexes give some ACI over a period: the average conventioned posts and the aide
    au poste earned (domain.md section 12), exactly; the annexes for the targets."""

    annexes: dict[int, AnnexSegments]
    etp_conventioned: Fraction
    aide_au_poste: Fraction


def funding_figures(structures: Iterable[Structure], etp: PaidEtp) -> FundingFigures:
    """Summed over `structures`, on the period of `etp` (the ETP réalisés it holds): the aide is
    computed per ACI and part of month, as min(realised, conventioned) x socle / 12 x the part of
    the month x (1 + modulated part). Three queries. Raises reference.tables.MissingReference
    when a socle is needed on a day it is not known."""
    structures = list(structures)
    annexes = annexes_by_structure([s.pk for s in structures], etp.start, etp.end)
    socles = aide_poste_socle_tables()
    conventioned_total, aide = Fraction(0), Fraction(0)
    for structure in structures:
        segments = [segment for _, annex_segments in annexes.get(structure.pk, []) for segment in annex_segments]
        conventioned_total += rules.conventioned_posts(segments, etp.start, etp.end)
        territory = rules.territory_of(structure.department)
        for month, part_start, part_end, full_time in etp.parts:
            realised = etp.realised_in(structure.pk, month, full_time)
            conventioned = rules.conventioned_posts(segments, part_start, part_end)
            if min(realised, conventioned) == 0:
                continue
            aide += rules.aide_au_poste_of_part(
                etp_realised=realised,
                etp_conventioned=conventioned,
                socle=rules.socle_on(socles.get(territory, []), month, territory),
                part_days=rules.days(part_start, part_end),
                month_days=worktime_rules.days_of_month(month),
                modulated_part=rules.modulated_part_on(segments, part_start, part_end),
            )
    return FundingFigures(annexes, conventioned_total, aide)


def annex_in_force(structure: Structure, day: date) -> FinancialAnnex | None:
    return (
        FinancialAnnex.objects.filter(structure=structure, start__lte=day, end__gte=day)
        .select_related("convention", "structure")
        .prefetch_related("amendments")
        .first()
    )


@dataclass(frozen=True)
class AnnexMonth:
    month: date  # first day of the calendar month
    start: date  # the part of the month inside the annex
    end: date
    etp_conventioned: Decimal
    hours_paid: Decimal | None  # None: not filled in yet
    etp_realised: Decimal | None
    etp_cumulative: Decimal | None  # from the start of the annex to the end of this part


@dataclass(frozen=True)
class AnnexProgress:
    """ETP réalisés over an annex: per month, cumulative up to the last day filled in, and
    projected to the end of the annex at the pace of the last 91 days filled in."""

    annex: FinancialAnnex
    months: list[AnnexMonth]
    last_day: date | None  # last day with hours, within the annex and not after today
    etp_conventioned: Decimal  # average over the whole annex
    etp_conventioned_to_date: Decimal | None
    etp_realised_to_date: Decimal | None
    etp_projected: Decimal | None

    @property
    def projected_ratio(self) -> Decimal | None:
        if self.etp_projected is None:
            return None
        return self.etp_projected / self.etp_conventioned * 100


def annex_progress(annex: FinancialAnnex, *, today: date) -> AnnexProgress:
    """Raises worktime.rules.MissingReferenceHours when a day has no annual reference hours."""
    structure, table = annex.structure, annual_reference_hours_table()
    segments = annex_segments(annex)
    horizon = min(today, annex.end)
    last_day = last_day_filled(structure, annex.start, horizon) if horizon >= annex.start else None
    paid = paid_hours_by_month(structure, annex.start, last_day) if last_day else {}
    months: list[AnnexMonth] = []
    cumulative = Decimal(0)
    for month, start, end in worktime_rules.month_parts(annex.start, annex.end):
        conventioned = rules.etp_conventioned(segments, start, end)
        if last_day is None or start > last_day:
            months.append(AnnexMonth(month, start, end, conventioned, None, None, None))
            continue
        filled_end = min(end, last_day)
        hours = paid.get(month, Decimal(0))
        cumulative += hours
        months.append(
            AnnexMonth(
                month,
                start,
                end,
                conventioned,
                hours,
                worktime_rules.etp(hours, worktime_rules.full_time_hours(start, filled_end, table)),
                worktime_rules.etp(cumulative, worktime_rules.full_time_hours(annex.start, filled_end, table)),
            )
        )
    whole = rules.etp_conventioned(segments, annex.start, annex.end)
    if last_day is None:
        return AnnexProgress(annex, months, None, whole, None, None, None)
    recent_start = max(annex.start, last_day - timedelta(days=rules.PACE_DAYS - 1))
    projected = rules.projected_hours(
        hours_so_far=cumulative,
        recent_hours=hours_paid(structure, recent_start, last_day),
        recent_days=rules.days(recent_start, last_day),
        remaining_days=(annex.end - last_day).days,
    )
    full_time = worktime_rules.full_time_hours(annex.start, annex.end, table)
    return AnnexProgress(
        annex=annex,
        months=months,
        last_day=last_day,
        etp_conventioned=whole,
        etp_conventioned_to_date=rules.etp_conventioned(segments, annex.start, last_day),
        etp_realised_to_date=worktime_rules.etp(
            cumulative, worktime_rules.full_time_hours(annex.start, last_day, table)
        ),
        etp_projected=worktime_rules.etp(projected, full_time),
    )


def _two(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 2))


def progress_chart(progress: AnnexProgress) -> dict:
    """The data block of the annex chart (static/js/charts.js)."""
    return {
        "unit": "ETP",
        "labels": [f"{m.month:%m/%Y}" for m in progress.months],
        "series": [
            {
                "label": "ETP réalisés du mois",
                "kind": "bar",
                "color": "#1d5c4d",
                "values": [_two(m.etp_realised) for m in progress.months],
            },
            {
                "label": "ETP réalisés cumulés",
                "kind": "line",
                "color": "#c2410c",
                "values": [_two(m.etp_cumulative) for m in progress.months],
            },
            {
                "label": "ETP conventionnés",
                "kind": "line",
                "color": "#1e3a8a",
                "dashed": True,
                "values": [_two(m.etp_conventioned) for m in progress.months],
            },
        ],
    }
