"""Demo data of the skills app (idempotent), called by core.demo.seed_demo: the grids of the demo
trades, and 2 to 3 evaluations over the months for each hired person, levels rising from one to
the next (one person is left without a recent evaluation, to show the notice)."""

from datetime import date

from dateutil.relativedelta import relativedelta

from tremplin.contracts.models import Contract

from . import services
from .defaults import SOFT_SKILLS, TRADES
from .enums import CriterionGroup
from .models import SkillEvaluation, SkillGrid

GRIDS = {"val-vert": ["espaces-verts", "maraichage"], "table-du-val": ["restauration-collective"]}
SUPERVISORS = {"val-vert": "encadrant@demo.tremplin.fr", "table-du-val": "encadrante.cuisine@demo.tremplin.fr"}
GRID_OF_ROME = {"A1203": "Espaces verts", "A1414": "Maraîchage", "G1602": "Restauration collective"}
COMMENTS = [
    "Premiers pas sur le chantier : consignes comprises, gestes à consolider.",
    "Bonne progression, plus d'autonomie sur les tâches courantes.",
    "Savoir-faire installé ; peut montrer les gestes aux nouveaux arrivants.",
]


def seed(*, structures, users, partners, today) -> None:
    for key, structure in structures.items():
        supervisor = users[SUPERVISORS[key]]
        grids = {}
        for slug in GRIDS[key]:
            name, rome, criteria = TRADES[slug]
            grid = SkillGrid.objects.filter(structure=structure, name=name).first()
            grids[name] = grid or services.grid_create(
                actor=supervisor,
                structure=structure,
                name=name,
                rome_code=rome,
                soft_criteria=SOFT_SKILLS,
                trade_criteria=criteria,
            )
        contracts = Contract.objects.filter(structure=structure).select_related("person", "rome_job").order_by("pk")
        for index, contract in enumerate(contracts):
            if SkillEvaluation.objects.filter(person=contract.person).exists():
                continue
            rome = contract.rome_job.code if contract.rome_job else ""
            grid = grids.get(GRID_OF_ROME.get(rome, ""), next(iter(grids.values())))
            _evaluate(contract, grid, supervisor, today, stale=index % 7 == 3)


def _days(contract: Contract, today: date, *, stale: bool) -> list[date]:
    """Evaluations 1, 3, 7, 11... months after the start (the last three that fall in the contract)."""
    last = min(today, contract.effective_end or today)
    if stale:
        last = min(last, today - relativedelta(months=5))
    days = []
    step = 1
    while (day := contract.start + relativedelta(months=step)) <= last:
        days.append(day)
        step += 2 if step == 1 else 4
    return days[-3:]


def _evaluate(contract: Contract, grid: SkillGrid, evaluator, today: date, *, stale: bool) -> None:
    criteria = list(grid.criteria.filter(is_active=True).order_by("group", "order"))
    for step, day in enumerate(_days(contract, today, stale=stale)):
        levels = {}
        for position, criterion in enumerate(criteria):
            base = 1 + (position + contract.person_id) % 2 + (1 if criterion.group == CriterionGroup.SOFT else 0)
            level = min(4, base + step)
            if step == 0 and criterion.group == CriterionGroup.TRADE and position % 3 == 0:
                level = None  # not yet observed at the first evaluation
            levels[criterion.pk] = level
        services.evaluation_create(
            actor=evaluator,
            person=contract.person,
            grid=grid,
            evaluated_on=day,
            evaluator=evaluator,
            levels=levels,
            comment=COMMENTS[min(step, len(COMMENTS) - 1)],
            today=today,
        )
