"""Values read from a query string or a posted field outside a form, the one way: a malformed
or out-of-range value is a French 400 (`BadQuery`) or, for a record id, a 404, never a server
error. Dates are those a pathway can hold (DATE_MIN..DATE_MAX): a year 10000 or 0001 would
overflow the date arithmetic of the rules."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import BadRequest
from django.http import Http404

from .formats import fr

DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
ID_MAX = 2**63 - 1  # the largest primary key of PostgreSQL's bigint (and SQLite's integer)

BAD_DATE = "« {value} » n'est pas une date valide pour « {name} » : attendu une date du {low} au {high} (aaaa-mm-jj)."
BAD_MONTH = "« {value} » n'est pas un mois valide : attendu aaaa-mm, de {low} à {high}."
BAD_NUMBER = "« {value} » n'est pas valide pour « {name} » : attendu un nombre entier de {low} à {high}."
NOT_FOUND = "Enregistrement introuvable."


class BadQuery(BadRequest):
    """A parameter of the request that cannot be read; its message (French) is shown on the 400 page."""


def parse_date(value: str) -> date | None:
    """An ISO date within DATE_MIN..DATE_MAX, else None."""
    try:
        day = date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None
    return day if DATE_MIN <= day <= DATE_MAX else None


def query_date(params, name: str, default: date | None = None) -> date | None:
    """The date `name` of `params` (request.GET or POST), `default` when absent or empty."""
    value = params.get(name, "")
    if not value.strip():
        return default
    day = parse_date(value)
    if day is None:
        raise BadQuery(BAD_DATE.format(value=value[:40], name=name, low=fr(DATE_MIN), high=fr(DATE_MAX)))
    return day


def parse_month(value: str) -> date | None:
    """The first day of the month "aaaa-mm" within DATE_MIN..DATE_MAX, else None."""
    return parse_date(f"{value}-01") if len(value) == 7 else None


def month_or_400(value: str) -> date:
    month = parse_month(value)
    if month is None:
        raise BadQuery(BAD_MONTH.format(value=value[:40], low=f"{DATE_MIN:%m/%Y}", high=f"{DATE_MAX:%m/%Y}"))
    return month


def query_int(params, name: str, *, low: int, high: int, default: int | None = None) -> int | None:
    value = params.get(name, "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise BadQuery(BAD_NUMBER.format(value=value[:40], name=name, low=low, high=high))
    return int(value)


def id_or_404(value) -> int:
    """A record id taken from a query string or a posted field: anything but an id is a 404."""
    text = "" if value is None else str(value)
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= ID_MAX:
        raise Http404(NOT_FOUND)
    return int(text)


def query_id(params, name: str) -> int | None:
    """The record id `name` of `params`, None when absent; 404 when it is not an id."""
    value = params.get(name)
    return None if not value else id_or_404(value)
