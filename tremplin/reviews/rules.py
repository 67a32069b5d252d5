"""The rules of the reviews (bilans), as pure functions returning their French message (or None
when the rule holds)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from tremplin.kernel.formats import fr

REVIEW_SIGNED = "Ce bilan est signé : il ne peut plus être modifié."
TECHNICAL_SIGNED = "La partie technique est signée : elle ne peut plus être modifiée."
TECHNICAL_EMPTY = "La partie technique est vide : rédigez-la avant de la signer."
PROJECT_EMPTY = "Le projet professionnel doit être renseigné avant la signature du bilan."
REVIEW_IN_FUTURE = "La date du bilan ({day}) ne peut pas être dans le futur."
ENTRY_REVIEW_EXISTS = (
    "Un bilan d'entrée existe déjà pour ce parcours (bilan du {day}) : un seul bilan d'entrée par parcours en contrat."
)
EXIT_REVIEW_NEEDS_CONTRACT = (
    "Un bilan de sortie suppose un contrat : la personne n'a aucun contrat commencé dans l'ACI au {day}."
)
UNKNOWN_ROME_CODES = "Code ROME inconnu : {codes}."


def held_on_refusal(day: date, *, today: date) -> str | None:
    if day > today:
        return REVIEW_IN_FUTURE.format(day=fr(day))
    return None


def same_pathway(a: date, b: date, exit_dates: Iterable[date]) -> bool:
    """Two days belong to the same contract pathway when no exit falls between them (an exit
    on the earlier day closes that pathway)."""
    first, last = min(a, b), max(a, b)
    return not any(first <= exit_day < last for exit_day in exit_dates)


def entry_review_refusal(held_on: date, *, other_entry_days: Iterable[date], exit_dates: Iterable[date]) -> str | None:
    """One entry review per contract pathway: another entry review with no exit in between is refused."""
    exit_dates = list(exit_dates)
    for day in sorted(other_entry_days):
        if same_pathway(day, held_on, exit_dates):
            return ENTRY_REVIEW_EXISTS.format(day=fr(day))
    return None


def exit_review_refusal(held_on: date, *, contract_starts: Iterable[date]) -> str | None:
    if not any(start <= held_on for start in contract_starts):
        return EXIT_REVIEW_NEEDS_CONTRACT.format(day=fr(held_on))
    return None


def edit_refusal(*, signed: bool) -> str | None:
    return REVIEW_SIGNED if signed else None


def technical_edit_refusal(*, signed: bool, technical_signed: bool) -> str | None:
    """The technical part is locked by its own signature, and by the review's."""
    if signed:
        return REVIEW_SIGNED
    return TECHNICAL_SIGNED if technical_signed else None


def parse_rome_codes(text: str) -> list[str]:
    """ "a1203, G1602 ; g1602" -> ["A1203", "G1602"] (order kept, duplicates dropped)."""
    codes = [code.upper() for code in re.split(r"[\s,;]+", text or "") if code]
    return list(dict.fromkeys(codes))
