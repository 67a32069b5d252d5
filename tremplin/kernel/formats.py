"""French formats of the pages, messages and files: dd/mm/yyyy, decimal comma."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def fr(day: date | None, *, missing: str = "…") -> str:
    """A date as dd/mm/yyyy; `missing` when there is none ("…" in a sentence, "" in a cell)."""
    return day.strftime("%d/%m/%Y") if day else missing


def hours_fr(value: Decimal) -> str:
    """Hours with a decimal comma and no trailing zero: 26, 4,4, 5,25."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
