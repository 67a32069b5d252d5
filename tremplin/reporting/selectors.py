"""Reads of the dashboard: the structures a viewer may see figures of, and the ETP month by month
(realised against conventioned) for a chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db import models

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.funding import rules as funding_rules
from tremplin.funding.selectors import segments_meeting
from tremplin.kernel.numbers import as_decimal
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime.figures import PaidEtp

from .indicators import rsa_cofinancing

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


def monthly_etp(structures: list[Structure], etp: PaidEtp) -> list[MonthEtp]:
    """Per calendar month meeting the period of `etp` (its part in the period): ETP realised and
    ETP conventioned, summed over the ACI. Two queries (the annexes)."""
    segments = segments_meeting([s.pk for s in structures], etp.start, etp.end)
    return [
        MonthEtp(month.month, month.etp, funding_rules.etp_conventioned(segments, part_start, part_end))
        for month, (_, part_start, part_end, _) in zip(etp.by_month(), etp.parts, strict=True)
    ]


@dataclass(frozen=True)
class RsaRow:
    person: Person
    shares: list[Decimal | None]  # per month of the period: the part of the month co-financed
    months: Decimal
    amount: Decimal


@dataclass(frozen=True)
class RsaReport:
    months: list[date]
    rows: list[RsaRow]
    total_months: Decimal
    total_amount: Decimal


def rsa_report(structures: list[Structure], start: date, end: date) -> RsaReport:
    """The Département's list: each employee who received RSA before hiring, the part of each month
    under contract and the co-financing (88 % of the RSA single-person amount). Four queries.
    Figures exact; round for display."""
    lines = rsa_cofinancing(structures, start, end)
    months = [month for month, _, _ in worktime_rules.month_parts(start, end)]
    people = Person.objects.in_bulk({line.person_id for line in lines})
    by_person: dict[int, list] = {}
    for line in lines:
        by_person.setdefault(line.person_id, []).append(line)
    rows = []
    for person_id, person_lines in by_person.items():
        share_of = {line.month: line.share for line in person_lines}
        rows.append(
            RsaRow(
                person=people[person_id],
                shares=[as_decimal(share_of[m]) if m in share_of else None for m in months],
                months=as_decimal(sum((line.share for line in person_lines), Fraction(0))),
                amount=as_decimal(sum((line.amount for line in person_lines), Fraction(0))),
            )
        )
    rows.sort(key=lambda row: (row.person.last_name.lower(), row.person.first_name.lower()))
    return RsaReport(
        months=months,
        rows=rows,
        total_months=as_decimal(sum((line.share for line in lines), Fraction(0))),
        total_amount=as_decimal(sum((line.amount for line in lines), Fraction(0))),
    )


@dataclass(frozen=True)
class TerritorialActivity:
    """Axis 4 of the dialogue de gestion: what the ACI produced and for whom over the period, and
    the money that funds it. Amounts of annexes and grants are those meeting the period, whole."""

    worksites: int  # chantiers with worked hours in the period
    workshops: int  # ateliers with worked hours in the period
    clients: int  # distinct clients of those supports
    worked_hours: Decimal  # hours worked on an atelier or chantier
    annex_amount: Decimal
    grants_amount: Decimal
    grants: int


def territorial_activity(structures: list[Structure], start: date, end: date) -> TerritorialActivity:
    """Three queries."""
    from tremplin.funding.models import FinancialAnnex, Grant
    from tremplin.organisations.enums import SupportKind
    from tremplin.worktime.enums import EntryKind
    from tremplin.worktime.figures import sum_hours
    from tremplin.worktime.models import TimesheetEntry

    ids = [s.pk for s in structures]
    rows = list(
        TimesheetEntry.objects.filter(
            structure_id__in=ids, day__range=(start, end), kind=EntryKind.WORKED, production_support__isnull=False
        )
        .values("production_support_id", "production_support__kind", "production_support__client")
        .annotate(total=sum_hours())
        .values_list("production_support_id", "production_support__kind", "production_support__client", "total")
    )
    kinds = {support_id: kind for support_id, kind, _, _ in rows}
    meeting = {"start__lte": end, "end__gte": start, "structure_id__in": ids}
    annexes = FinancialAnnex.objects.filter(**meeting).aggregate(total=sum_hours("amount"))["total"]
    grants = Grant.objects.filter(**meeting).aggregate(total=sum_hours("amount"), count=models.Count("pk"))
    return TerritorialActivity(
        worksites=sum(1 for kind in kinds.values() if kind == SupportKind.WORKSITE),
        workshops=sum(1 for kind in kinds.values() if kind == SupportKind.WORKSHOP),
        clients=len({client.strip().lower() for _, _, client, _ in rows if client and client.strip()}),
        worked_hours=sum((total for *_, total in rows), Decimal(0)),
        annex_amount=annexes or Decimal(0),
        grants_amount=grants["total"] or Decimal(0),
        grants=grants["count"],
    )
