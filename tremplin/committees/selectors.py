"""Reads of the committees app: the lists, the period a committee file covers, and the file
itself (the figures of the period and the progress of each beneficiary, named or anonymised)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Min
from django.db.models.functions import Coalesce

from tremplin.contracts.models import Contract, Exit
from tremplin.organisations.models import Structure
from tremplin.reference.tables import MissingReference
from tremplin.reporting.indicators import compute_indicators
from tremplin.reporting.report import review_rows, sections
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.figures import entries_under_contract, sum_hours
from tremplin.worktime.selectors import contracts_covering

from . import rules
from .models import Committee

ZERO = Decimal(0)
ANONYMOUS_LABEL = "Salarié·e {n}"


def committee_list(structure: Structure) -> tuple[list[Committee], list[Committee]]:
    """The committees of the ACI: those still to hold (soonest first), then those held (latest first)."""
    committees = list(
        Committee.objects.filter(structure=structure).select_related("convention").order_by("planned_on", "pk")
    )
    upcoming = [c for c in committees if c.held_on is None]
    held = sorted((c for c in committees if c.held_on is not None), key=lambda c: (c.held_on, c.pk), reverse=True)
    return upcoming, held


def previous_committee(committee: Committee) -> Committee | None:
    """The committee of the same kind and subject (convention, else action) met before this one."""
    siblings = Committee.objects.filter(structure_id=committee.structure_id, kind=committee.kind).exclude(
        pk=committee.pk
    )
    if committee.convention_id:
        siblings = siblings.filter(convention_id=committee.convention_id)
    else:
        siblings = siblings.filter(convention__isnull=True, action_label=committee.action_label)
    return (
        siblings.annotate(met_on=Coalesce("held_on", "planned_on"))
        .filter(met_on__lt=committee.day)
        .order_by("-met_on", "-pk")
        .first()
    )


def file_period(committee: Committee) -> tuple[date, date]:
    previous = previous_committee(committee)
    return rules.file_period(
        day=committee.day,
        previous_day=previous.day if previous else None,
        convention_start=committee.convention.start if committee.convention_id else None,
    )


@dataclass(frozen=True)
class BeneficiaryRow:
    label: str  # the name on a comité de suivi, "Salarié·e 3" on a comité de pilotage
    entry: date  # the start of the person's first contract in the ACI
    contract_end: date | None
    job: str
    hours_worked: Decimal  # hours of kind "worked" in the period, inside the contract
    exit_date: date | None = None
    exit_reason: str = ""


def beneficiary_rows(structure: Structure, start: date, end: date, *, named: bool) -> list[BeneficiaryRow]:
    """One row per person under contract at least one day of [start, end], in order of entry.
    Anonymised rows carry no name and no birth date (the label is a rank). Four queries."""
    contracts = list(
        contracts_covering(structure, start, end).select_related("person").order_by("person_id", "start", "pk")
    )
    latest: dict[int, Contract] = {}
    for contract in contracts:
        latest[contract.person_id] = contract  # ordered by start: the last one wins
    person_ids = list(latest)
    entries = dict(
        Contract.objects.filter(structure=structure, person_id__in=person_ids)
        .values("person_id")
        .annotate(first=Min("start"))
        .values_list("person_id", "first")
    )
    hours = dict(
        entries_under_contract(structure, start, end)
        .filter(kind=EntryKind.WORKED, person_id__in=person_ids)
        .values("person_id")
        .annotate(total=sum_hours())
        .values_list("person_id", "total")
    )
    exits = {
        exit_.person_id: exit_
        for exit_ in Exit.objects.filter(
            contract__structure=structure, person_id__in=person_ids, exit_date__range=(start, end)
        ).order_by("exit_date")
    }
    ordered = sorted(latest.values(), key=lambda c: (entries[c.person_id], c.person_id))
    rows = []
    for n, contract in enumerate(ordered, start=1):
        exit_ = exits.get(contract.person_id)
        rows.append(
            BeneficiaryRow(
                label=str(contract.person) if named else ANONYMOUS_LABEL.format(n=n),
                entry=entries[contract.person_id],
                contract_end=contract.effective_end,
                job=contract.job_label,
                hours_worked=hours.get(contract.person_id) or ZERO,
                exit_date=exit_.exit_date if exit_ else None,
                exit_reason=exit_.get_reason_display() if exit_ else "",
            )
        )
    return rows


def committee_file(committee: Committee) -> dict:
    """What the committee file (PDF) shows: the period, the indicators of the period as the
    labelled rows of the annual review, and the beneficiaries (named for a comité de suivi,
    anonymised for a comité de pilotage)."""
    start, end = file_period(committee)
    context = {
        "committee": committee,
        "structure": committee.structure,
        "participants": list(committee.participants.all()),
        "start": start,
        "end": end,
        "named": committee.is_named,
        "beneficiaries": beneficiary_rows(committee.structure, start, end, named=committee.is_named),
    }
    try:
        rows = review_rows(compute_indicators([committee.structure], start, end))
    except MissingReference as error:
        context["indicators_error"] = str(error)
    else:
        context["sections"] = sections(rows)
    return context
