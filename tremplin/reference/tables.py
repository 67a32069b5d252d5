"""Dated reference tables as plain data: ((valid_from, value), oldest first), read once by
`selectors.py` and looked up here for every day of a period, without a query per day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


class MissingReference(LookupError):
    """A reference figure (annual hours, RSA amount, aide au poste socle) is not known on a day it
    is needed; the message says which one and on which day, in French."""


def value_in_force[Value](table: Sequence[tuple[date, Value]], day: date) -> Value | None:
    """The value of the latest row of a dated reference table ((valid_from, value), oldest first)
    in force on `day`, or None when the table starts later."""
    value = None
    for valid_from, row_value in table:
        if valid_from > day:
            break
        value = row_value
    return value


def required_value[Value](table: Sequence[tuple[date, Value]], day: date, missing: str) -> Value:
    """The value in force on `day`; raises MissingReference(`missing`) when the table starts later."""
    value = value_in_force(table, day)
    if value is None:
        raise MissingReference(missing)
    return value
