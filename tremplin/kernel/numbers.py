"""Exact arithmetic: figures are computed as fractions and become decimals only at the end."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def as_decimal(value: Fraction | int) -> Decimal:
    """A fraction as a Decimal, divided once at the context's 28 significant digits (round only
    for display)."""
    value = Fraction(value)
    return Decimal(value.numerator) / Decimal(value.denominator)
