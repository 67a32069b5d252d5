"""The indicators of a period for one structure, an organisation or the whole instance
(domain.md sections 9, 10 and 12). `compute_indicators` reads everything it needs in a fixed
number of queries, whatever the number of people and days, then computes in Python with
rules.py. Figures of several structures are sums of the structures' figures; rates and means are
recomputed from the summed parts.

Readings of the definitions chosen here are in docs/decisions/0011-indicators.md, among them:

- `people_by_age_band`: the age in full years on the first day the person is under contract in
  the period, that is at the start of the period, or at hiring when the person is hired later.
- `criteria_counts` and the RSA co-financing read the eligibility diagnoses made on or before the
  last day of the period (any of them: a person counts once per criterion).
- `dynamic_exit_rate` and `dynamic_exit_target` are percentages (60 means 60 %).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from tremplin.contracts import rules as contract_rules
from tremplin.contracts.enums import EXIT_CATEGORY, ExitCategory
from tremplin.contracts.models import Contract, Exit
from tremplin.eligibility.enums import Criterion
from tremplin.eligibility.models import DiagnosisCriterion
from tremplin.funding.selectors import AnnexSegments, funding_figures
from tremplin.immersions.selectors import pmsmp_figures
from tremplin.kernel.dates import age_on
from tremplin.kernel.numbers import as_decimal
from tremplin.organisations.models import Structure
from tremplin.people.enums import Sex
from tremplin.reference.selectors import rsa_cofinancing_table
from tremplin.support.enums import ObstacleCategory
from tremplin.support.selectors import obstacle_figures
from tremplin.training.selectors import training_figures
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime.figures import PaidEtp, hours_worked_by_person_and_year, paid_etp

from . import rules

# Stable names of the criteria counted, and the eligibility criterion each one reads.
CRITERIA = {
    "rsa": Criterion.RSA,
    "ass": Criterion.ASS,
    "aah": Criterion.AAH,
    "rqth": Criterion.RQTH,
    "qpv": Criterion.QPV,
    "zrr": Criterion.ZRR,
    "under_26": Criterion.UNDER_26,
    "over_50": Criterion.SENIOR_50,
    "deld": Criterion.DELD,
    "detld": Criterion.DETLD,
    "low_education": Criterion.LOW_EDUCATION,
}
EXIT_CATEGORIES = tuple(ExitCategory)

INDICATOR_NAMES = (
    "headcount",
    "new_hires",
    "people_by_sex",
    "people_by_age_band",
    "criteria_counts",
    "etp_conventioned",
    "etp_realised",
    "hours_paid",
    "exits_total",
    "exits_counted",
    "exits_by_category",
    "dynamic_exit_rate",
    "dynamic_exit_target",
    "average_pathway_months",
    "obstacles_by_category",
    "pmsmp_count",
    "pmsmp_hired",
    "trainings_count",
    "certifications_passed",
    "rsa_cofinanced_months",
    "rsa_cofinancing_amount",
    "aide_au_poste_earned",
)


@dataclass
class _PersonSpan:
    """The contracts of a person in one structure: (start, effective end or None)."""

    person_id: int
    birth_date: date
    sex: str
    contracts: list[tuple[date, date | None]] = field(default_factory=list)

    def covers(self, start: date, end: date) -> bool:
        return any(rules.covers(c_start, c_last, start, end) for c_start, c_last in self.contracts)

    @property
    def first_start(self) -> date:
        return min(start for start, _ in self.contracts)


def _spans(structure_ids: list[int], end: date) -> dict[tuple[int, int], _PersonSpan]:
    """(structure id, person id) -> the person's contracts in that structure starting by `end`."""
    spans: dict[tuple[int, int], _PersonSpan] = {}
    contracts = Contract.objects.filter(structure_id__in=structure_ids, start__lte=end).values_list(
        "structure_id", "person_id", "person__birth_date", "person__sex", "start", "end", "ended_on"
    )
    for structure_id, person_id, birth_date, sex, start, planned_end, ended_on in contracts:
        span = spans.setdefault((structure_id, person_id), _PersonSpan(person_id, birth_date, sex))
        span.contracts.append((start, ended_on or planned_end))
    return spans


def _criteria_by_person(person_ids: Iterable[int], end: date) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    rows = DiagnosisCriterion.objects.filter(
        diagnosis__person_id__in=list(person_ids), diagnosis__made_on__lte=end, criterion__in=CRITERIA.values()
    ).values_list("diagnosis__person_id", "criterion")
    for person_id, criterion in rows:
        found[person_id].add(criterion)
    return found


def _target(annexes: AnnexSegments, end: date) -> Decimal | None:
    """The target of the annex in force on the last day of the period, else of the last annex
    meeting the period (annexes of one structure never overlap)."""
    if not annexes:
        return None
    in_force = next((annex for annex, _ in annexes if annex.start <= end <= annex.end), None)
    return (in_force or annexes[-1][0]).dynamic_exit_target


@dataclass(frozen=True)
class RsaMonth:
    """One employee who received RSA before hiring, in one month meeting the period."""

    structure_id: int
    person_id: int
    month: date  # first day
    share: Fraction  # days under contract in the part of the month in P / days of the month
    amount: Fraction  # share x 88 % (cofinancing_percent) x RSA single person in force on the 1st of the month


def _rsa_months(present: dict, criteria: dict, parts: list, rsa_table: list) -> list[RsaMonth]:
    lines = []
    for (structure_id, person_id), span in sorted(present.items()):
        if Criterion.RSA not in criteria.get(person_id, ()):
            continue
        for month, part_start, part_end in parts:
            covered = rules.days_covered_in(span.contracts, part_start, part_end)
            if covered == 0:
                continue
            share = Fraction(covered, worktime_rules.days_of_month(month))
            amount = share * rules.rsa_amount_on(rsa_table, month)
            lines.append(RsaMonth(structure_id, person_id, month, share, amount))
    return lines


def rsa_cofinancing(structures: Iterable[Structure], start: date, end: date) -> list[RsaMonth]:
    """The lines behind `rsa_cofinanced_months` and `rsa_cofinancing_amount`, person by person and
    month by month: the list the Département asks for. Three queries."""
    if message := rules.check_period(start, end):
        raise ValueError(message)
    spans = _spans([s.pk for s in structures], end)
    present = {key: span for key, span in spans.items() if span.covers(start, end)}
    criteria = _criteria_by_person({person_id for _, person_id in present}, end)
    return _rsa_months(present, criteria, worktime_rules.month_parts(start, end), rsa_cofinancing_table())


def compute_indicators(structures: Iterable[Structure], start: date, end: date, *, etp: PaidEtp | None = None) -> dict:
    """The indicators of [start, end] (domain.md section 12), summed over `structures`: each domain
    gives its own figures (people and exits here, hours and ETP by worktime, the aide au poste by
    funding, support, immersions and training by their apps). `etp`: the paid hours of these
    structures over this period when the caller has read them already (one query less).

    Raises ValueError when the period is reversed, reference.tables.MissingReference (of which
    worktime.rules.MissingReferenceHours) when a reference figure needed is not known (French
    messages)."""
    if message := rules.check_period(start, end):
        raise ValueError(message)
    structures = list(structures)
    structure_ids = [s.pk for s in structures]
    spans = _spans(structure_ids, end)
    present = {key: span for key, span in spans.items() if span.covers(start, end)}
    people, criteria = _people_figures(spans, present, start, end)
    etp = etp or paid_etp(structure_ids, start, end)
    funding = funding_figures(structures, etp)
    rsa = _rsa_months(present, criteria, worktime_rules.month_parts(start, end), rsa_cofinancing_table())
    exits = _exit_figures(structures, spans, funding.annexes, start, end)
    obstacles = obstacle_figures(structure_ids, start, end)["by_category"]
    pmsmp = pmsmp_figures(structure_ids, start, end)
    training = training_figures(structure_ids, start, end)
    return {
        **people,
        "etp_conventioned": as_decimal(funding.etp_conventioned),
        "etp_realised": etp.etp_realised,
        "hours_paid": etp.hours_paid,
        **exits,
        "obstacles_by_category": {
            category.value: {
                "identified": obstacles.get(category.value, {}).get("total", 0),
                **{key: obstacles.get(category.value, {}).get(key, 0) for key in ("internal", "external", "both")},
            }
            for category in ObstacleCategory
        },
        "pmsmp_count": pmsmp["count"],
        "pmsmp_hired": pmsmp["hired_by_host"],
        "trainings_count": training["trainings"],
        "certifications_passed": training["certifications_passed"],
        "rsa_cofinanced_months": as_decimal(sum((line.share for line in rsa), Fraction(0))),
        "rsa_cofinancing_amount": as_decimal(sum((line.amount for line in rsa), Fraction(0))),
        "aide_au_poste_earned": as_decimal(funding.aide_au_poste),
    }


def _people_figures(spans: dict, present: dict, start: date, end: date) -> tuple[dict, dict[int, set[str]]]:
    """Headcount, hires, sex, age bands and criteria of the people under contract in [start, end],
    and each one's criteria (for the RSA co-financing)."""
    headcount_ids = {person_id for _, person_id in present}
    new_hires = {key[1] for key, span in spans.items() if start <= span.first_start <= end}
    by_sex = dict.fromkeys(Sex.values, 0)
    by_age = dict.fromkeys(rules.AGE_BANDS, 0)
    for span in {span.person_id: span for span in present.values()}.values():
        by_sex[span.sex] = by_sex.get(span.sex, 0) + 1
        first_day = max(start, min(s for s, e in span.contracts if rules.covers(s, e, start, end)))
        by_age[rules.age_band(age_on(span.birth_date, first_day))] += 1
    criteria = _criteria_by_person(headcount_ids, end)
    figures = {
        "headcount": len(headcount_ids),
        "new_hires": len(new_hires),
        "people_by_sex": by_sex,
        "people_by_age_band": by_age,
        "criteria_counts": {
            name: sum(1 for person_id in headcount_ids if criterion in criteria.get(person_id, ()))
            for name, criterion in CRITERIA.items()
        },
    }
    return figures, criteria


def _exit_figures(structures: list[Structure], spans: dict, annexes: dict, start: date, end: date) -> dict:
    """The exits of [start, end]: counted or not (domain.md 12), by category, the dynamic exit rate
    against the annexes' targets and the mean pathway length."""
    exits = list(
        Exit.objects.filter(
            contract__structure_id__in=[s.pk for s in structures], exit_date__range=(start, end)
        ).values_list("contract__structure_id", "person_id", "exit_date", "reason", "contract__start")
    )
    worked = hours_worked_by_person_and_year({e[1] for e in exits}, {e[2].year for e in exits})
    by_category = dict.fromkeys(EXIT_CATEGORIES, 0)
    exits_counted, pathway_days = 0, 0
    denominators: dict[int, int] = defaultdict(int)
    for structure_id, person_id, exit_date, reason, contract_start in exits:
        span = spans.get((structure_id, person_id))
        before = [(s, min(e or exit_date, exit_date)) for s, e in span.contracts if s <= exit_date] if span else []
        pathway_days += (exit_date - min([s for s, _ in before] or [contract_start])).days
        under_contract = rules.days_covered_in(before, min([s for s, _ in before] or [exit_date]), exit_date)
        if contract_rules.exit_not_counted_reason(
            days_under_contract=under_contract,
            hours_worked_in_year=worked.get((person_id, exit_date.year), 0),
            year=exit_date.year,
        ):
            continue
        exits_counted += 1
        category = EXIT_CATEGORY[reason]
        by_category[category] += 1
        if category != ExitCategory.WITHDRAWN:
            denominators[structure_id] += 1
    targets = [
        (target, denominators[structure.pk])
        for structure in structures
        if (target := _target(annexes.get(structure.pk, []), end)) is not None
    ]
    return {
        "exits_total": len(exits),
        "exits_counted": exits_counted,
        "exits_by_category": {str(category): count for category, count in by_category.items()},
        "dynamic_exit_rate": rules.dynamic_exit_rate(
            durable=by_category[ExitCategory.DURABLE],
            transition=by_category[ExitCategory.TRANSITION],
            positive=by_category[ExitCategory.POSITIVE],
            counted=exits_counted,
            withdrawn=by_category[ExitCategory.WITHDRAWN],
        ),
        "dynamic_exit_target": rules.combined_target(targets),
        "average_pathway_months": rules.average_months(pathway_days, len(exits)),
    }
