"""Each indicator against a hand computation (domain.md section 12; 1 820 h a year, 365 days in 2025)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tremplin.accounts.tests.factories import UserFactory
from tremplin.contracts.enums import ContractKind, ExitReason
from tremplin.eligibility.enums import Criterion
from tremplin.funding.models import AnnexAmendment
from tremplin.funding.tests.factories import FinancialAnnexFactory
from tremplin.kernel.numbers import as_decimal
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.enums import Sex
from tremplin.reference.tables import MissingReference
from tremplin.reporting.indicators import INDICATOR_NAMES, compute_indicators
from tremplin.worktime.enums import EntryKind

from .helpers import contract, diagnosis, leave, line

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def exact(value) -> Decimal:
    return as_decimal(Fraction(value))


def test_every_indicator_is_there_and_an_empty_structure_gives_zeros(structure):
    result = compute_indicators([structure], *YEAR)
    assert tuple(result) == INDICATOR_NAMES
    assert result["headcount"] == 0
    assert result["hours_paid"] == Decimal(0)
    assert result["etp_realised"] == Decimal(0)
    assert result["dynamic_exit_rate"] is None
    assert result["dynamic_exit_target"] is None
    assert result["average_pathway_months"] is None
    assert result["aide_au_poste_earned"] == Decimal(0)


def test_a_reversed_period_is_refused(structure):
    with pytest.raises(ValueError, match="précède son début"):
        compute_indicators([structure], date(2025, 2, 1), date(2025, 1, 31))


# People


@pytest.fixture
def people(structure, other_structure):
    # A: hired in 2024, contract spanning two years; 34 on 1 January 2025 -> 26_49; RSA and QPV.
    a = contract(
        structure, date(2024, 11, 1), date(2025, 4, 30), person__sex=Sex.FEMALE, person__birth_date=date(1990, 6, 15)
    )
    diagnosis(a.person, date(2024, 10, 15), [Criterion.RSA, Criterion.QPV])
    # B: hired on 10 March 2025, his 26th birthday (25 on 1 January) -> 26_49 (age at hiring).
    b = contract(
        structure, date(2025, 3, 10), date(2025, 9, 9), person__sex=Sex.MALE, person__birth_date=date(1999, 3, 10)
    )
    diagnosis(b.person, date(2025, 3, 1), [Criterion.UNDER_26, Criterion.DELD])
    # C: CDI inclusion from the last day of the period, 50 on 1 January 2025 -> 50_plus. Only the
    # diagnosis made by the end of the period counts (AAH), not the one of January 2026.
    c = contract(
        structure,
        date(2025, 12, 31),
        None,
        kind=ContractKind.CDI_INCLUSION,
        person__sex=Sex.FEMALE,
        person__birth_date=date(1975, 1, 1),
    )
    diagnosis(c.person, date(2025, 12, 1), [Criterion.AAH])
    diagnosis(c.person, date(2026, 1, 15), [Criterion.SENIOR_50, Criterion.RQTH])
    # Not counted: a contract over before the period, one starting after it, one ended early in
    # 2024, and a person of another ACI.
    contract(structure, date(2024, 1, 1), date(2024, 12, 31))
    contract(structure, date(2026, 1, 1), date(2026, 6, 30))
    contract(structure, date(2024, 6, 1), date(2025, 12, 31), ended_on=date(2024, 12, 31))
    other = contract(other_structure, date(2025, 1, 1), date(2025, 6, 30), person__sex=Sex.MALE)
    diagnosis(other.person, date(2024, 12, 1), [Criterion.RSA])
    return a, b, c


def test_people(structure, people):
    result = compute_indicators([structure], *YEAR)
    assert result["headcount"] == 3  # A, B, C
    assert result["new_hires"] == 2  # B, C (A's first contract started in 2024)
    assert result["people_by_sex"] == {"F": 2, "M": 1}
    assert result["people_by_age_band"] == {"under_26": 0, "26_49": 2, "50_plus": 1}
    assert result["criteria_counts"] == {
        "rsa": 1,
        "ass": 0,
        "aah": 1,
        "rqth": 0,  # the RQTH diagnosis is of 2026
        "qpv": 1,
        "zrr": 0,
        "under_26": 1,
        "over_50": 0,
        "deld": 1,
        "detld": 0,
        "low_education": 0,
    }


def test_a_second_contract_does_not_make_a_new_hire(structure):
    first = contract(structure, date(2024, 3, 1), date(2024, 8, 31))
    contract(structure, date(2025, 2, 1), date(2025, 7, 31), person=first.person)
    result = compute_indicators([structure], *YEAR)
    assert (result["headcount"], result["new_hires"]) == (1, 0)


def test_people_of_two_structures_add_up(structure, other_structure, people):
    result = compute_indicators([structure, other_structure], *YEAR)
    assert result["headcount"] == 4
    assert result["people_by_sex"] == {"F": 2, "M": 2}
    assert result["criteria_counts"]["rsa"] == 2


# Hours, ETP


def test_hours_and_etp(structure, other_structure):
    spanning = contract(structure, date(2024, 11, 1), date(2025, 4, 30))
    line(spanning, date(2024, 12, 30), 7)  # before the period
    line(spanning, date(2025, 1, 6), 7)
    line(spanning, date(2025, 1, 7), 7, EntryKind.PAID_LEAVE)
    line(spanning, date(2025, 1, 8), 3.5, EntryKind.TRAINING)
    line(spanning, date(2025, 1, 9), 7, EntryKind.SICK_LEAVE)  # not paid
    early = contract(structure, date(2025, 1, 1), date(2025, 6, 30), ended_on=date(2025, 1, 31))
    line(early, date(2025, 2, 3), 7)  # left after the early end: outside the contract
    line(contract(other_structure, date(2025, 1, 1), date(2025, 6, 30)), date(2025, 1, 6), 7)  # other ACI
    # Annexes: 2 ETP from 1 January to 30 June (181 days), 4 ETP from 1 July to 31 December (184).
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 6, 30), etp_conventioned=Decimal(2)
    )
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 7, 1), end=date(2025, 12, 31), etp_conventioned=Decimal(4)
    )

    result = compute_indicators([structure], *YEAR)
    assert result["hours_paid"] == Decimal("17.5")  # 7 + 7 + 3.5
    assert result["etp_realised"] == exact(Fraction("17.5") / 1820)
    assert result["etp_conventioned"] == exact(Fraction(2 * 181 + 4 * 184, 365))  # 1 098 / 365

    both = compute_indicators([structure, other_structure], *YEAR)
    assert both["hours_paid"] == Decimal("24.5")
    assert both["etp_realised"] == exact(Fraction("24.5") / 1820)  # summed ETP: same denominator
    assert both["etp_conventioned"] == result["etp_conventioned"]  # the other ACI has no annex


# Exits


@pytest.fixture
def exits(structure, other_structure):
    # X1: exit on the last day of the period, 214 days, durable.
    x1 = contract(structure, date(2025, 6, 1), date(2025, 12, 31))
    line(x1, date(2025, 6, 2), 7)
    leave(x1, date(2025, 12, 31), ExitReason.CDI)
    # X2: 1 March -> 31 May = 31 + 30 + 31 = 92 days > 91: counted, transition.
    x2 = contract(structure, date(2025, 3, 1), date(2025, 5, 31))
    line(x2, date(2025, 3, 3), 7)
    leave(x2, date(2025, 5, 31), ExitReason.CDD_UNDER_6)
    # X3: 1 March -> 30 May = 91 days: not counted.
    x3 = contract(structure, date(2025, 3, 1), date(2025, 5, 30))
    line(x3, date(2025, 3, 3), 7)
    leave(x3, date(2025, 5, 30), ExitReason.JOB_SEEKER)
    # X4: 1 September 2024 -> 28 February 2025 (181 days), death: counted, withdrawn (out of the rate).
    x4 = contract(structure, date(2024, 9, 1), date(2025, 2, 28))
    line(x4, date(2025, 1, 10), 7)
    leave(x4, date(2025, 2, 28), ExitReason.DEATH)
    # X5: 123 days but no hour worked in 2025 (only in 2024): not counted.
    x5 = contract(structure, date(2024, 10, 1), date(2025, 1, 31))
    line(x5, date(2024, 10, 10), 7)
    line(x5, date(2025, 1, 10), 7, EntryKind.PAID_LEAVE)  # not "worked"
    leave(x5, date(2025, 1, 31), ExitReason.JOB_SEEKER)
    # X8: 1 January -> 15 April (ended early; 105 days), qualifying training: counted, positive.
    x8 = contract(structure, date(2025, 1, 1), date(2025, 4, 30), ended_on=date(2025, 4, 15))
    line(x8, date(2025, 2, 3), 7)
    leave(x8, date(2025, 4, 15), ExitReason.QUALIFYING_TRAINING)
    # X9: 1 January -> 30 June (181 days), job seeker: counted, other.
    x9 = contract(structure, date(2025, 1, 1), date(2025, 6, 30))
    line(x9, date(2025, 1, 6), 7)
    leave(x9, date(2025, 6, 30), ExitReason.JOB_SEEKER)
    # After the period, and in another ACI: not in the figures of `structure`.
    x6 = contract(structure, date(2025, 6, 1), date(2026, 1, 1))
    line(x6, date(2025, 6, 2), 7)
    leave(x6, date(2026, 1, 1), ExitReason.CDI)
    x7 = contract(other_structure, date(2025, 1, 1), date(2025, 6, 30))
    line(x7, date(2025, 1, 6), 7)
    leave(x7, date(2025, 6, 30), ExitReason.CDI)


def test_exits(structure, exits):
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 6, 30), dynamic_exit_target=Decimal(60)
    )
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 7, 1), end=date(2025, 12, 31), dynamic_exit_target=Decimal(65)
    )
    result = compute_indicators([structure], *YEAR)
    assert result["exits_total"] == 7  # X1, X2, X3, X4, X5, X8, X9
    assert result["exits_counted"] == 5  # X1, X2, X4, X8, X9
    assert result["exits_by_category"] == {"durable": 1, "transition": 1, "positive": 1, "other": 1, "withdrawn": 1}
    # (1 + 1 + 1) / (5 - 1) = 75 %
    assert result["dynamic_exit_rate"] == Decimal(75)
    assert result["dynamic_exit_target"] == Decimal(65)  # the annex in force on 31 December
    # Days from the first contract's start: 213 + 91 + 90 + 180 + 122 + 104 + 180 = 980 over 7 exits
    # = 140 days = 140 / 30.4375 months = 2 240 / 487.
    assert result["average_pathway_months"] == exact(Fraction(2240, 487))


def test_exits_of_two_structures_recompute_the_rate(structure, other_structure, exits):
    FinancialAnnexFactory(convention__structure=structure, dynamic_exit_target=Decimal(60))
    FinancialAnnexFactory(convention__structure=other_structure, dynamic_exit_target=Decimal(70))
    result = compute_indicators([structure, other_structure], *YEAR)
    assert (result["exits_total"], result["exits_counted"]) == (8, 6)  # + X7 (181 days, durable)
    assert result["dynamic_exit_rate"] == Decimal(80)  # (2 + 1 + 1) / (6 - 1)
    # Targets weighed by the exits of each rate: (60 x 4 + 70 x 1) / 5 = 62
    assert result["dynamic_exit_target"] == Decimal(62)


def test_only_withdrawn_exits_give_no_rate_and_the_target_of_the_last_annex(structure):
    x = contract(structure, date(2024, 9, 1), date(2025, 2, 28))
    line(x, date(2025, 1, 10), 7)
    leave(x, date(2025, 2, 28), ExitReason.INCARCERATION)
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 6, 30), dynamic_exit_target=Decimal(55)
    )
    result = compute_indicators([structure], *YEAR)
    assert result["exits_by_category"]["withdrawn"] == 1
    assert result["dynamic_exit_rate"] is None  # 0 / (1 - 1)
    assert result["dynamic_exit_target"] == Decimal(55)  # no annex on 31 December: the last one meeting


# RSA co-financing


def test_rsa_cofinancing_over_months_partly_in_the_period(structure):
    start, end = date(2025, 3, 15), date(2025, 5, 10)
    rsa = contract(structure, date(2025, 3, 20), date(2025, 12, 31))
    diagnosis(rsa.person, date(2025, 3, 1), [Criterion.RSA])
    contract(structure, date(2025, 1, 1), date(2025, 12, 31))  # no RSA criterion
    late = contract(structure, date(2025, 1, 1), date(2025, 12, 31))
    diagnosis(late.person, date(2025, 6, 1), [Criterion.RSA])  # diagnosis after the period

    result = compute_indicators([structure], start, end)
    # March: days 20..31 under contract = 12 / 31; April: 30 / 30; May: days 1..10 = 10 / 31.
    months = Fraction(12, 31) + 1 + Fraction(10, 31)
    assert result["rsa_cofinanced_months"] == exact(months)  # 53 / 31
    # 88 % of the RSA in force on the first day of each month: 635,71 (April 2024) for March,
    # 646,52 (April 2025) for April and May.
    amount = Fraction(88, 100) * (Fraction("635.71") * Fraction(12, 31) + Fraction("646.52") * (1 + Fraction(10, 31)))
    assert result["rsa_cofinancing_amount"] == exact(amount)


def test_a_new_share_of_the_departement_applies_from_its_date(structure):
    """The 88 % is a dated reference figure: a row from 1 May 2025 at 90 % (same amount) changes
    May only."""
    from tremplin.reference.models import RsaAmount

    RsaAmount.objects.create(
        valid_from=date(2025, 5, 1), single_person_amount=Decimal("646.52"), cofinancing_percent=90, source="test"
    )
    rsa = contract(structure, date(2025, 1, 1), date(2025, 12, 31))
    diagnosis(rsa.person, date(2024, 12, 1), [Criterion.RSA])
    result = compute_indicators([structure], date(2025, 4, 1), date(2025, 5, 31))
    amount = Fraction(88, 100) * Fraction("646.52") + Fraction(90, 100) * Fraction("646.52")
    assert result["rsa_cofinancing_amount"] == exact(amount)


def test_rsa_cofinancing_without_rsa_amount_says_so(structure):
    rsa = contract(structure, date(2023, 1, 1), date(2023, 6, 30))
    diagnosis(rsa.person, date(2022, 12, 1), [Criterion.RSA])
    with pytest.raises(MissingReference, match="RSA"):
        compute_indicators([structure], date(2023, 1, 1), date(2023, 1, 31))


# Aide au poste


def test_aide_au_poste_with_a_modulated_part_and_etp_realised_above_the_conventioned(structure):
    start, end = date(2025, 1, 1), date(2025, 2, 15)
    annex = FinancialAnnexFactory(
        convention__structure=structure,
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        etp_conventioned=Decimal(1),
        modulated_part=Decimal(5),
    )
    # From 10 February: 2 ETP and 8 % (the part of February starts on the 1st: 5 % applies).
    AnnexAmendment.objects.create(
        annex=annex,
        effective_from=date(2025, 2, 10),
        etp_conventioned=Decimal(2),
        modulated_part=Decimal(8),
        reason="Dialogue de gestion",
        created_by=UserFactory(),
    )
    worker = contract(structure, date(2024, 12, 1), date(2025, 12, 31))
    for day in range(2, 27):  # 25 days x 8 h = 200 h in January
        line(worker, date(2025, 1, day), 8)
    for day in range(3, 13):  # 10 days x 5 h = 50 h from 3 to 12 February
        line(worker, date(2025, 2, day), 5)

    result = compute_indicators([structure], start, end)
    socle = Fraction(23921)  # mainland, in force since 1 November 2024
    # January: ETP realised 200 / (1 820 x 31 / 365) = 1.29 > 1 conventioned: 1 x socle / 12 x 31/31 x 1.05
    january = 1 * socle / 12 * 1 * Fraction(105, 100)
    # 1..15 February: realised 50 / (1 820 x 15 / 365) = 0.67; conventioned (1 x 9 + 2 x 6) / 15 = 1.4
    realised = Fraction(50) / (Fraction(1820 * 15, 365))
    february = realised * socle / 12 * Fraction(15, 28) * Fraction(105, 100)
    assert result["aide_au_poste_earned"] == exact(january + february)
    # ETP conventioned over P: (1 x 40 + 2 x 6) / 46 days
    assert result["etp_conventioned"] == exact(Fraction(52, 46))


def test_aide_au_poste_in_mayotte(db):
    mayotte = StructureFactory(department="976")
    FinancialAnnexFactory(convention__structure=mayotte, etp_conventioned=Decimal(10), modulated_part=Decimal(0))
    worker = contract(mayotte, date(2025, 1, 1), date(2025, 12, 31))
    for day in range(6, 16):  # 10 days x 10 h = 100 h
        line(worker, date(2025, 1, day), 10)
    result = compute_indicators([mayotte], date(2025, 1, 1), date(2025, 1, 31))
    # 100 / (1 820 x 31 / 365) ETP x 18 070 / 12
    assert result["aide_au_poste_earned"] == exact(Fraction(100) / Fraction(1820 * 31, 365) * 18070 / 12)


# Queries


def test_the_number_of_queries_does_not_grow_with_the_people(structure, exits, django_assert_max_num_queries):
    FinancialAnnexFactory(convention__structure=structure)
    with django_assert_max_num_queries(16):
        compute_indicators([structure], *YEAR)


# Support, immersions and training (issue 4)


def test_obstacles_pmsmp_and_trainings_against_a_hand_count(structure, other_structure):
    from tremplin.immersions.enums import ImmersionStatus, Outcome
    from tremplin.immersions.tests.factories import ImmersionFactory
    from tremplin.support.enums import DiagnosisKind, ObstacleCategory, Treatment
    from tremplin.support.tests.factories import DiagnosisFactory, ObstacleFactory
    from tremplin.training.enums import TrainingResult
    from tremplin.training.tests.factories import TrainingActionFactory

    start, end = date(2025, 1, 1), date(2025, 6, 30)
    a = contract(structure, date(2024, 10, 1), date(2025, 9, 30))
    b = contract(structure, date(2025, 6, 30), date(2025, 12, 31))  # hired on the last day of P
    gone = contract(structure, date(2024, 1, 1), date(2024, 12, 31))  # no day under contract in P
    elsewhere = contract(other_structure, date(2025, 1, 1), date(2025, 12, 31))

    # a: housing (internal) at entry, re-assessed as "both" in March; mobility external.
    entry = DiagnosisFactory(person=a.person, assessed_on=date(2024, 10, 15))
    ObstacleFactory(diagnosis=entry, category=ObstacleCategory.HOUSING, treatment=Treatment.INTERNAL)
    ObstacleFactory(diagnosis=entry, category=ObstacleCategory.MOBILITY, treatment=Treatment.EXTERNAL)
    review = DiagnosisFactory(person=a.person, kind=DiagnosisKind.REVIEW, assessed_on=date(2025, 3, 10))
    ObstacleFactory(diagnosis=review, category=ObstacleCategory.HOUSING, treatment=Treatment.BOTH)
    # a re-assessment after the period does not count
    late = DiagnosisFactory(person=a.person, kind=DiagnosisKind.REVIEW, assessed_on=date(2025, 7, 1))
    ObstacleFactory(diagnosis=late, category=ObstacleCategory.HEALTH, treatment=Treatment.INTERNAL)
    # b: health internal (a sensitive category is counted like the others: no name here)
    ObstacleFactory(
        diagnosis__person=b.person, diagnosis__assessed_on=date(2025, 6, 30), category=ObstacleCategory.HEALTH
    )
    ObstacleFactory(diagnosis__person=gone.person, diagnosis__assessed_on=date(2024, 2, 1))
    ObstacleFactory(diagnosis__person=elsewhere.person, diagnosis__assessed_on=date(2025, 2, 1))

    # PMSMP: 2 starting in P (one hired by the host), one cancelled, one starting after P.
    ImmersionFactory(
        person=a.person,
        start=date(2025, 2, 3),
        end=date(2025, 2, 14),
        outcome=Outcome.HIRED_CDD,
        outcome_date=date(2025, 3, 1),
    )
    ImmersionFactory(person=a.person, start=date(2025, 6, 30), end=date(2025, 7, 11))
    ImmersionFactory(person=a.person, start=date(2025, 3, 3), end=date(2025, 3, 7), status=ImmersionStatus.CANCELLED)
    ImmersionFactory(
        person=a.person,
        start=date(2025, 7, 1),
        end=date(2025, 7, 4),
        outcome=Outcome.HIRED_CDI,
        outcome_date=date(2025, 8, 1),
    )
    ImmersionFactory(person=elsewhere.person, start=date(2025, 2, 3), end=date(2025, 2, 7))

    # Trainings: 3 meeting P; certifications passed dated in P: 1 (the other is dated after P).
    TrainingActionFactory(
        person=a.person, start=date(2024, 12, 1), end=date(2025, 1, 15),
        result=TrainingResult.PASSED, result_on=date(2025, 1, 20),
    )  # fmt: skip
    TrainingActionFactory(
        person=b.person, start=date(2025, 6, 30), end=date(2025, 7, 2),
        result=TrainingResult.PASSED, result_on=date(2025, 7, 3),
    )  # fmt: skip
    TrainingActionFactory(person=a.person, start=date(2025, 4, 1), end=date(2025, 4, 2), result=TrainingResult.FAILED,
                          result_on=date(2025, 4, 2))  # fmt: skip
    TrainingActionFactory(person=a.person, start=date(2024, 3, 1), end=date(2024, 3, 2))  # before P
    TrainingActionFactory(person=elsewhere.person, start=date(2025, 3, 1), end=date(2025, 3, 2))

    result = compute_indicators([structure], start, end)
    obstacles = result["obstacles_by_category"]
    assert obstacles["housing"] == {"identified": 1, "internal": 0, "external": 0, "both": 1}
    assert obstacles["mobility"] == {"identified": 1, "internal": 0, "external": 1, "both": 0}
    assert obstacles["health"] == {"identified": 1, "internal": 1, "external": 0, "both": 0}
    assert sum(c["identified"] for c in obstacles.values()) == 3
    assert set(obstacles) == {c.value for c in ObstacleCategory}
    assert (result["pmsmp_count"], result["pmsmp_hired"]) == (2, 1)
    assert (result["trainings_count"], result["certifications_passed"]) == (3, 1)
