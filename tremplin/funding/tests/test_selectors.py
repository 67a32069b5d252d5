"""The FTE of an annex, against hand computations (domain.md section 12; 1 820 h a year)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tremplin.contracts.tests.factories import ContractFactory
from tremplin.funding import selectors
from tremplin.funding.models import AnnexAmendment
from tremplin.kernel.numbers import as_decimal
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.tests.factories import TimesheetEntryFactory

from .factories import FinancialAnnexFactory


@pytest.fixture
def annex(structure):
    return FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 12, 31), etp_conventioned=Decimal(2)
    )


@pytest.fixture
def contract(structure):
    return ContractFactory(person__structure=structure, start=date(2024, 6, 1), initial_end=date(2026, 5, 31))


def line(contract, day, hours, kind=EntryKind.WORKED):
    return TimesheetEntryFactory(contract=contract, day=day, hours=Decimal(hours), kind=kind)


def test_progress_against_a_hand_computation(annex, contract):
    line(contract, date(2025, 1, 5), 7)
    line(contract, date(2025, 2, 2), 7)
    line(contract, date(2025, 3, 3), 7, EntryKind.SICK_LEAVE)  # not paid
    line(contract, date(2025, 4, 30), 7)
    line(contract, date(2025, 5, 5), 7)  # after "today": not counted yet
    progress = selectors.annex_progress(annex, today=date(2025, 5, 2))
    assert progress.last_day == date(2025, 4, 30)
    # Cumulative: 21 h paid over 120 days (January-April 2025) at 1 820 h a year.
    assert progress.etp_realised_to_date == as_decimal(Fraction(21) / (Fraction(1820) * 120 / 365))
    assert round(progress.etp_realised_to_date, 4) == Decimal("0.0351")
    assert progress.etp_conventioned_to_date == Decimal(2)
    # Pace: 14 h over the 91 days from 30/01 to 30/04; 245 days left to 31/12.
    projected_hours = Fraction(21) + Fraction(14) * 245 / 91
    assert progress.etp_projected == as_decimal(projected_hours / 1820)
    assert round(progress.etp_projected, 4) == Decimal("0.0322")
    january, february, march, april, may = progress.months[:5]
    assert january.etp_realised == as_decimal(Fraction(7) / (Fraction(1820) * 31 / 365))
    assert march.hours_paid == 0
    assert april.etp_cumulative == progress.etp_realised_to_date
    assert may.etp_realised is None and may.etp_conventioned == 2
    assert len(progress.months) == 12


def test_progress_counts_the_amendments_day_by_day(annex, contract):
    AnnexAmendment.objects.create(
        annex=annex,
        effective_from=date(2025, 7, 1),
        etp_conventioned=Decimal(3),
        reason="Dialogue de gestion",
        created_by=annex.created_by,
    )
    line(contract, date(2025, 8, 1), 7)
    progress = selectors.annex_progress(annex, today=date(2025, 12, 31))
    assert progress.etp_conventioned == as_decimal(Fraction(2 * 181 + 3 * 184, 365))
    assert progress.months[6].etp_conventioned == 3  # July
    assert progress.months[5].etp_conventioned == 2  # June


def test_an_annex_without_hours_has_no_projection(annex):
    progress = selectors.annex_progress(annex, today=date(2025, 3, 1))
    assert progress.last_day is None
    assert progress.etp_projected is None
    assert progress.etp_conventioned == 2


def test_etp_conventioned_over_a_period_that_spans_two_annexes(structure, annex):
    FinancialAnnexFactory(
        convention=annex.convention, start=date(2026, 1, 1), end=date(2026, 12, 31), etp_conventioned=Decimal(4)
    )
    assert selectors.etp_conventioned(structure, date(2025, 12, 1), date(2026, 1, 31)) == as_decimal(
        Fraction(2 * 31 + 4 * 31, 62)
    )


def test_hours_of_another_structure_do_not_count(annex, other_structure):
    other = ContractFactory(person__structure=other_structure, start=date(2024, 6, 1), initial_end=date(2026, 5, 31))
    line(other, date(2025, 2, 3), 7)
    assert selectors.annex_progress(annex, today=date(2025, 6, 1)).last_day is None
