"""The date rules of skills evaluations, as pure functions returning their French message (or
None when the rule holds)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta

from tremplin.kernel.formats import fr

# Evaluations with the technical supervisor about 3 times a year (domain.md section 4).
EVALUATION_INTERVAL_MONTHS = 4

EVALUATION_IN_FUTURE = "La date de l'évaluation ({day}) ne peut pas être dans le futur."
EVALUATION_NOT_UNDER_CONTRACT = (
    "Une évaluation porte sur le travail d'un·e salarié·e : la personne n'est pas sous contrat dans l'ACI le {day}."
)
GRID_OTHER_STRUCTURE = "Cette grille n'est pas une grille de l'ACI de la personne."
GRID_INACTIVE = "La grille « {name} » n'est plus en usage : choisissez une grille en usage."
EVALUATION_EMPTY = "Évaluez au moins un critère : ils sont tous « non évalué »."
EVALUATOR_NOT_IN_TEAM = "L'évaluateur·rice doit être membre de l'équipe de l'ACI (encadrant·e, CIP ou direction)."
UNKNOWN_CRITERION = "Ce critère n'appartient pas à la grille de l'évaluation."
GRID_NO_CRITERIA = "Une grille compte au moins un critère de savoir-être ou de savoir-faire."
CRITERION_DUPLICATE = "Le critère « {label} » figure deux fois dans la même famille."
UNKNOWN_ROME_CODE = "Code ROME inconnu : {code}."
CERTIFICATE_NO_CONTRACT = (
    "L'attestation de compétences suppose un contrat : la personne n'a encore eu aucun contrat dans l'ACI."
)
NOTICE_NO_EVALUATION = (
    "Aucune évaluation des compétences depuis le début du contrat le {start}, il y a plus de {months} mois : "
    "prévoyez-en une avec l'encadrant·e."
)
NOTICE_OVERDUE = (
    "Dernière évaluation des compétences le {day}, il y a plus de {months} mois : "
    "prévoyez la suivante avec l'encadrant·e."
)


def under_contract(day: date, periods: Iterable[tuple[date, date | None]]) -> bool:
    """Whether one of the (start, last day or None for an open-ended CDI) periods covers `day`."""
    return any(start <= day and (end is None or day <= end) for start, end in periods)


def check_evaluation_day(day: date, *, today: date, periods: Iterable[tuple[date, date | None]]) -> str | None:
    if day > today:
        return EVALUATION_IN_FUTURE.format(day=fr(day))
    if not under_contract(day, periods):
        return EVALUATION_NOT_UNDER_CONTRACT.format(day=fr(day))
    return None


def evaluation_due_on(*, last_evaluated_on: date | None, contract_start: date) -> date:
    """The day the next evaluation is due: 4 months after the last one (or after the start of the
    current contract when there is none, or the last one predates it)."""
    since = last_evaluated_on if last_evaluated_on and last_evaluated_on >= contract_start else contract_start
    return since + relativedelta(months=EVALUATION_INTERVAL_MONTHS)


def evaluation_notice(*, last_evaluated_on: date | None, contract_start: date | None, today: date) -> str | None:
    """The notice shown while under contract (`contract_start` is the start of the contract in
    force today, None when there is none) when the last evaluation is more than 4 months old."""
    if contract_start is None:
        return None
    due = evaluation_due_on(last_evaluated_on=last_evaluated_on, contract_start=contract_start)
    if today <= due:
        return None
    if last_evaluated_on and last_evaluated_on >= contract_start:
        return NOTICE_OVERDUE.format(day=fr(last_evaluated_on), months=EVALUATION_INTERVAL_MONTHS)
    return NOTICE_NO_EVALUATION.format(start=fr(contract_start), months=EVALUATION_INTERVAL_MONTHS)


def parse_criteria(text: str) -> list[str]:
    """One criterion a line; blank lines and surrounding spaces or bullets are dropped."""
    lines = (line.strip().lstrip("-•*").strip() for line in (text or "").splitlines())
    return [line for line in lines if line]


def duplicate_label(labels: list[str]) -> str | None:
    seen = set()
    for label in labels:
        key = label.casefold()
        if key in seen:
            return CRITERION_DUPLICATE.format(label=label)
        seen.add(key)
    return None
