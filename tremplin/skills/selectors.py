"""Reads of the skills app: a person's evaluations and their evolution, the latest evaluation
(read by the reviews app), the skills certificate, the evaluations list, the timeline events and
the person page section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.enums import Role
from tremplin.accounts.models import User
from tremplin.accounts.scope import Scope
from tremplin.contracts.models import Contract
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import rules
from .access import can_evaluate, can_read, can_write_grids, evaluations_in_scope
from .enums import CERTIFIED_LEVELS, CriterionGroup, Level
from .models import SkillEvaluation, SkillGrid, SkillRating

LEVEL_TONES = {
    Level.NOT_ACQUIRED: "danger",
    Level.IN_PROGRESS: "warning",
    Level.ACQUIRED: "success",
    Level.MASTERED: "primary",
}
HISTORY_COLUMNS = 4  # the last evaluations shown side by side on the person page
LIST_SIZE = 50


@dataclass(frozen=True)
class Cell:
    level: int | None

    @property
    def label(self) -> str:
        return Level(self.level).label if self.level else "Non évalué"

    @property
    def short(self) -> str:
        return str(self.level) if self.level else "–"

    @property
    def tone(self) -> str:
        return LEVEL_TONES.get(self.level, "light")


@dataclass(frozen=True)
class HistoryRow:
    label: str
    group: str
    cells: list[Cell]


@dataclass(frozen=True)
class History:
    """The evolution on one grid: criteria (rows) x successive evaluations (columns, oldest first)."""

    grid: SkillGrid
    evaluations: list[SkillEvaluation]
    rows: list[HistoryRow]


def _ratings_prefetch() -> Prefetch:
    return Prefetch("ratings", queryset=SkillRating.objects.select_related("criterion"))


def person_evaluations(person: Person) -> QuerySet[SkillEvaluation]:
    return (
        SkillEvaluation.objects.filter(person=person)
        .select_related("grid", "evaluator")
        .prefetch_related(_ratings_prefetch())
        .order_by("-evaluated_on", "-pk")
    )


def latest_evaluation(person: Person, *, on: date | None = None) -> SkillEvaluation | None:
    """The person's latest evaluation (made on or before `on` when given) with its grid, evaluator
    and ratings (with their criterion) prefetched, or None. The caller has checked that the viewer
    may see the person."""
    evaluations = person_evaluations(person)
    if on is not None:
        evaluations = evaluations.filter(evaluated_on__lte=on)
    return evaluations.first()


def evaluation_history(evaluations: list[SkillEvaluation], *, columns: int = HISTORY_COLUMNS) -> History | None:
    """The evolution on the grid of the latest evaluation (`evaluations` newest first)."""
    if not evaluations:
        return None
    grid = evaluations[0].grid
    shown = [e for e in evaluations if e.grid_id == grid.pk][:columns][::-1]
    criteria = {}
    for evaluation in shown:
        for rating in evaluation.ratings.all():
            criteria[rating.criterion.pk] = rating.criterion
    ordered = sorted(criteria.values(), key=lambda c: (c.group != CriterionGroup.SOFT, c.order, c.pk))
    levels = [{r.criterion_id: r.level for r in e.ratings.all()} for e in shown]
    rows = [
        HistoryRow(
            label=c.label,
            group=CriterionGroup(c.group).label,
            cells=[Cell(by_criterion.get(c.pk)) for by_criterion in levels],
        )
        for c in ordered
    ]
    return History(grid=grid, evaluations=shown, rows=rows)


def rating_groups(evaluation: SkillEvaluation) -> list[tuple[str, list[tuple[str, Cell]]]]:
    """The ratings of one evaluation by family: [("Savoir-être", [(criterion, Cell)...]), ...]."""
    groups = []
    for group in CriterionGroup:
        lines = [
            (r.criterion.label, Cell(r.level))
            for r in sorted(evaluation.ratings.all(), key=lambda r: (r.criterion.order, r.criterion.pk))
            if r.criterion.group == group
        ]
        if lines:
            groups.append((group.label, lines))
    return groups


def current_contract(person: Person, today: date) -> Contract | None:
    """The contract of the person's ACI in force today, if any."""
    for contract in person.contracts.all():
        if contract.structure_id == person.structure_id and contract.start <= today:
            end = contract.effective_end
            if end is None or end >= today:
                return contract
    return None


def team_members(structure: Structure) -> QuerySet[User]:
    """Who may be named as evaluator: the supervisors, counsellors and directors of the ACI
    (and the directors of its organisation)."""
    roles = [Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR]
    return (
        User.objects.filter(
            Q(memberships__structure=structure) | Q(memberships__organisation_id=structure.organisation_id),
            memberships__is_active=True,
            memberships__role__in=roles,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def grids_of(structure: Structure, *, active_only: bool = False) -> QuerySet[SkillGrid]:
    grids = SkillGrid.objects.filter(structure=structure).select_related("rome_job").prefetch_related("criteria")
    return grids.filter(is_active=True) if active_only else grids


def default_grid(person: Person, grids: list[SkillGrid], today: date) -> SkillGrid | None:
    """The grid proposed for a new evaluation: the one of the last evaluation, else the one of the
    current job's ROME code, else the first."""
    last = SkillEvaluation.objects.filter(person=person).order_by("-evaluated_on", "-pk").first()
    if last and any(g.pk == last.grid_id for g in grids):
        return next(g for g in grids if g.pk == last.grid_id)
    contract = current_contract(person, today)
    if contract and contract.rome_job_id:
        for grid in grids:
            if grid.rome_job_id == contract.rome_job_id:
                return grid
    return grids[0] if grids else None


# -- the evaluations list --------------------------------------------------------------------


@dataclass(frozen=True)
class ToEvaluate:
    person: Person
    contract: Contract
    last_evaluated_on: date | None
    due_on: date
    notice: str | None


def _in_force(today: date) -> Q:
    return Q(start__lte=today) & (
        Q(ended_on__gte=today) | Q(ended_on__isnull=True, end__gte=today) | Q(ended_on__isnull=True, end__isnull=True)
    )


def people_to_evaluate(scope: Scope, *, today: date) -> list[ToEvaluate]:
    """The people under contract today in the current ACI, the next evaluation due first."""
    if not can_read(scope):
        return []
    last = (
        SkillEvaluation.objects.filter(person=OuterRef("person"))
        .values("person")
        .annotate(last=Max("evaluated_on"))
        .values("last")
    )
    contracts = (
        Contract.objects.filter(_in_force(today), structure=scope.structure)
        .select_related("person")
        .annotate(last_evaluated_on=Subquery(last))
    )
    rows = []
    for contract in contracts:
        rows.append(
            ToEvaluate(
                person=contract.person,
                contract=contract,
                last_evaluated_on=contract.last_evaluated_on,
                due_on=rules.evaluation_due_on(
                    last_evaluated_on=contract.last_evaluated_on, contract_start=contract.start
                ),
                notice=rules.evaluation_notice(
                    last_evaluated_on=contract.last_evaluated_on, contract_start=contract.start, today=today
                ),
            )
        )
    return sorted(rows, key=lambda row: (row.due_on, row.person.last_name))


def evaluation_list(scope: Scope) -> QuerySet[SkillEvaluation]:
    """The latest evaluations of the current ACI, with their counts of criteria acquired."""
    return (
        evaluations_in_scope(scope)
        .filter(person__structure=scope.structure)
        .select_related("person", "grid", "evaluator")
        .annotate(
            rated=Count("ratings", filter=Q(ratings__level__isnull=False)),
            acquired=Count("ratings", filter=Q(ratings__level__in=list(CERTIFIED_LEVELS))),
        )
        .order_by("-evaluated_on", "-pk")[:LIST_SIZE]
    )


# -- the skills certificate ------------------------------------------------------------------


@dataclass(frozen=True)
class JobHeld:
    label: str
    rome: str
    start: date
    end: date | None  # None: still held


@dataclass(frozen=True)
class Certificate:
    """What a future employer reads: no contract terms, no comment, nothing of the support."""

    structure: Structure
    first_name: str
    last_name: str
    jobs: list[JobHeld]
    first_day: date
    last_day: date | None  # None: still under contract
    evaluation: SkillEvaluation | None
    skills: list[tuple[str, list[tuple[str, str]]]]  # family -> [(criterion, level label)]
    supervisor_name: str
    issued_on: date


def _jobs_of(contract: Contract, today: date) -> list[JobHeld]:
    end = contract.effective_end
    job_changes = [a for a in contract.amendments.all() if a.kind == "job"]
    jobs, start = [], contract.start
    for change in sorted(job_changes, key=lambda a: a.effective_date):
        if change.effective_date > start:
            jobs.append(JobHeld(change.previous_job_label, "", start, change.effective_date - timedelta(days=1)))
        start = change.effective_date
    rome = f"{contract.rome_job.code} – {contract.rome_job.label}" if contract.rome_job else ""
    jobs.append(JobHeld(contract.job_label, rome, start, end if end is None or end < today else None))
    return jobs


def certificate(person: Person, *, today: date) -> Certificate | None:
    """The skills certificate of a person who had a contract in the ACI, else None."""
    contracts = list(
        person.contracts.filter(structure_id=person.structure_id, start__lte=today)
        .select_related("rome_job", "production_support__supervisor")
        .prefetch_related("amendments")
        .order_by("start")
    )
    if not contracts:
        return None
    jobs = [job for contract in contracts for job in _jobs_of(contract, today)]
    ends = [c.effective_end for c in contracts]
    last_day = None if any(end is None or end >= today for end in ends) else max(ends)
    evaluation = latest_evaluation(person)
    skills = []
    if evaluation:
        for family, lines in rating_groups(evaluation):
            kept = [(label, cell.label) for label, cell in lines if cell.level in CERTIFIED_LEVELS]
            if kept:
                skills.append((family, kept))
    last = contracts[-1]
    supervisor = last.production_support.supervisor if last.production_support else None
    if supervisor is None and evaluation:
        supervisor = evaluation.evaluator
    return Certificate(
        structure=person.structure,
        first_name=person.first_name,
        last_name=person.last_name,
        jobs=jobs,
        first_day=contracts[0].start,
        last_day=last_day,
        evaluation=evaluation,
        skills=skills,
        supervisor_name=supervisor.get_full_name() if supervisor else "",
        issued_on=today,
    )


# -- the person page and the timeline ---------------------------------------------------------


def timeline_events(person: Person, *, scope: Scope) -> list[TimelineEvent]:
    if not can_read(scope):
        return []
    events = []
    for evaluation in person_evaluations(person):
        ratings = list(evaluation.ratings.all())
        rated = sum(1 for r in ratings if r.level)
        acquired = sum(1 for r in ratings if r.level in CERTIFIED_LEVELS)
        events.append(
            TimelineEvent(
                evaluation.evaluated_on,
                "clipboard-check",
                f"Évaluation des compétences : {evaluation.grid.name}",
                f"{acquired} critère{'s' if acquired > 1 else ''} acquis ou maîtrisé{'s' if acquired > 1 else ''} "
                f"sur {rated} évalué{'s' if rated > 1 else ''}, par {evaluation.evaluator.get_full_name()}.",
                "success",
                reverse("skills:evaluation_detail", args=[evaluation.pk]),
                "Voir l'évaluation",
            )
        )
    return events


def person_section(person: Person, *, scope: Scope) -> PersonSection | None:
    if not can_read(scope):
        return None
    today = timezone.localdate()
    evaluations = list(person_evaluations(person))
    contract = current_contract(person, today)
    had_contract = any(c.structure_id == person.structure_id and c.start <= today for c in person.contracts.all())
    return PersonSection(
        template="skills/_person_section.html",
        title="Compétences",
        context={
            "history": evaluation_history(evaluations),
            "evaluations": evaluations,
            "notice": rules.evaluation_notice(
                last_evaluated_on=evaluations[0].evaluated_on if evaluations else None,
                contract_start=contract.start if contract else None,
                today=today,
            ),
            "can_evaluate": can_evaluate(scope) and had_contract,
            "can_certify": had_contract,
            "can_write_grids": can_write_grids(scope),
        },
    )
