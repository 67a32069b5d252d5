"""Reads of the dashboard: the structures a viewer may see figures of, and the ETP month by month
(realised against conventioned) for a chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.funding import rules as funding_rules
from tremplin.funding.selectors import segments_meeting
from tremplin.organisations.models import Structure
from tremplin.reference.selectors import annual_reference_hours_table
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime.selectors import paid_hours_by_structure_and_month

ACI, ORGANISATION = "aci", "organisation"


def perimeters(scope: Scope) -> list[tuple[str, str]]:
    """What the viewer may consolidate: the ACI of the context; all the ACI of the organisation for
    a director of the structure porteuse."""
    choices = [(ACI, scope.structure.name)]
    if scope.is_organisation_director and scope.has_role(Role.DIRECTOR):
        choices.append((ORGANISATION, f"{scope.structure.organisation.name} (tous ses ACI)"))
    return choices


def structures_of(scope: Scope, perimeter: str) -> list[Structure]:
    if perimeter == ORGANISATION and ORGANISATION in dict(perimeters(scope)):
        return list(Structure.objects.filter(organisation_id=scope.structure.organisation_id).order_by("name"))
    return [scope.structure]


@dataclass(frozen=True)
class MonthEtp:
    month: date
    etp_realised: Decimal
    etp_conventioned: Decimal


def monthly_etp(structures: list[Structure], start: date, end: date) -> list[MonthEtp]:
    """Per calendar month meeting [start, end] (its part in the period): ETP realised and ETP
    conventioned, summed over the ACI. Three queries. Raises MissingReferenceHours."""
    ids = [s.pk for s in structures]
    paid = paid_hours_by_structure_and_month(ids, start, end)
    segments = segments_meeting(ids, start, end)
    table = annual_reference_hours_table()
    result = []
    for month, part_start, part_end in worktime_rules.month_parts(start, end):
        hours = sum((paid.get((pk, month), Decimal(0)) for pk in ids), Decimal(0))
        full_time = worktime_rules.full_time_hours(part_start, part_end, table)
        conventioned = funding_rules.etp_conventioned(segments, part_start, part_end)
        result.append(MonthEtp(month, worktime_rules.etp(hours, full_time), conventioned))
    return result
