"""The API's input parser: the JSON body and the query string are read as django-ninja does, then
refused with a French 422 when a text holds a NUL character (PostgreSQL cannot store it) or a
date lies outside the dates a pathway can hold (kernel.query.DATE_MIN..DATE_MAX), before any
schema or service sees them."""

from __future__ import annotations

import json
import re

from ninja.parser import Parser

from tremplin.kernel.query import parse_date

ISO_DATE = re.compile(r"^[0-9]{4,}-[0-9]{2}-[0-9]{2}")


class InputProblems(ValueError):
    """What the parser refused, as pydantic-shaped errors (errors.py answers them with a 422)."""

    def __init__(self, errors: list[dict]):
        super().__init__("input refused")
        self.errors = errors


def _problems(value, loc: tuple) -> list[dict]:
    if isinstance(value, dict):
        return [problem for key, item in value.items() for problem in _problems(item, (*loc, str(key)))]
    if isinstance(value, list):
        return [problem for index, item in enumerate(value) for problem in _problems(item, (*loc, index))]
    if isinstance(value, str):
        if "\x00" in value:
            return [{"loc": loc, "type": "string_nul", "msg": "NUL"}]
        if ISO_DATE.match(value) and parse_date(value[:10]) is None:  # a date, or a date and time
            return [{"loc": loc, "type": "date_out_of_range", "msg": "date"}]
    return []


def _check(data, location: str):
    problems = _problems(data, (location,))
    if problems:
        raise InputProblems(problems)
    return data


class CheckedParser(Parser):
    def parse_body(self, request):
        # django-ninja turns any exception of parse_body into a 400; errors.py finds this one as
        # the cause and answers 422 with the field, like any other input error
        return _check(json.loads(request.body), "body")

    def parse_querydict(self, data, list_fields, request):
        return _check(super().parse_querydict(data, list_fields, request), "query")
