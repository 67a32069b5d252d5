"""The date rules of the support app, as pure functions returning the French message of the rule
broken, or None when it holds (used with `core.errors.raise_if`)."""

from __future__ import annotations

from datetime import date

from tremplin.kernel.formats import fr

ASSESSED_IN_FUTURE = "L'évaluation des freins ne peut pas être datée après aujourd'hui ({today})."
REVIEW_WITHOUT_ENTRY = "Une réévaluation suppose un diagnostic d'entrée : enregistrez-le d'abord."
REVIEW_NOT_AFTER = "La réévaluation doit suivre la dernière évaluation des freins ({day})."
ENTRY_AFTER_REVIEW = "Le diagnostic d'entrée doit précéder les réévaluations (première le {day})."
LIFTED_IN_FUTURE = "Un frein ne peut pas être levé après la date de l'évaluation ({day})."
LIFTED_BEFORE_ENTRY = "Un frein ne peut pas être levé avant le diagnostic d'entrée ({day})."
OBJECTIVE_DONE_IN_FUTURE = "Un objectif ne peut pas être atteint après aujourd'hui ({today})."
OBJECTIVE_NOT_OPEN = "Cet objectif est déjà clos ({status}) : il ne peut plus changer d'état."
APPOINTMENT_IN_FUTURE = "Le journal consigne des entretiens tenus : la date ne peut pas dépasser aujourd'hui ({today})."
REFERRAL_IN_FUTURE = "L'orientation ne peut pas être datée après aujourd'hui ({today})."
OUTCOME_IN_FUTURE = "La suite de l'orientation ne peut pas être datée après aujourd'hui ({today})."
OUTCOME_BEFORE_REFERRAL = "La suite ne peut pas précéder l'orientation ({day})."


def check_assessed_on(*, assessed_on: date, today: date) -> str | None:
    return ASSESSED_IN_FUTURE.format(today=fr(today)) if assessed_on > today else None


def check_review_order(*, assessed_on: date, entry_on: date | None, last_on: date | None) -> str | None:
    """A re-assessment comes after the entry diagnosis and after the last assessment."""
    if entry_on is None:
        return REVIEW_WITHOUT_ENTRY
    if last_on is not None and assessed_on <= last_on:
        return REVIEW_NOT_AFTER.format(day=fr(last_on))
    return None


def check_entry_order(*, assessed_on: date, first_review_on: date | None) -> str | None:
    if first_review_on is not None and assessed_on >= first_review_on:
        return ENTRY_AFTER_REVIEW.format(day=fr(first_review_on))
    return None


def check_lifted_on(*, lifted_on: date | None, assessed_on: date, entry_on: date) -> str | None:
    """A lifted obstacle was lifted between the entry diagnosis and the day of this assessment."""
    if lifted_on is None:
        return None
    if lifted_on > assessed_on:
        return LIFTED_IN_FUTURE.format(day=fr(assessed_on))
    if lifted_on < entry_on:
        return LIFTED_BEFORE_ENTRY.format(day=fr(entry_on))
    return None


def is_overdue(*, due_on: date, today: date) -> bool:
    """An open objective is overdue the day after its due date."""
    return due_on < today


def check_objective_done_on(*, done_on: date, today: date) -> str | None:
    return OBJECTIVE_DONE_IN_FUTURE.format(today=fr(today)) if done_on > today else None


def check_held_on(*, held_on: date, today: date) -> str | None:
    return APPOINTMENT_IN_FUTURE.format(today=fr(today)) if held_on > today else None


def check_referral_dates(*, referred_on: date, outcome_on: date | None, today: date) -> dict[str, str]:
    errors = {}
    if referred_on > today:
        errors["referred_on"] = REFERRAL_IN_FUTURE.format(today=fr(today))
    if outcome_on is not None:
        if outcome_on > today:
            errors["outcome_on"] = OUTCOME_IN_FUTURE.format(today=fr(today))
        elif outcome_on < referred_on:
            errors["outcome_on"] = OUTCOME_BEFORE_REFERRAL.format(day=fr(referred_on))
    return errors
