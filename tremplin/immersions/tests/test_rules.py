"""The PMSMP rules at their boundaries (decision 0014), under frozen time."""

from datetime import date

import pytest
import time_machine
from django.utils import timezone

from tremplin.immersions import rules
from tremplin.immersions.enums import ImmersionStatus, Objective
from tremplin.immersions.rules import Convention
from tremplin.kernel.dates import Period


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 3, 10), tick=False):
        yield


def d(day, month, year=2026):
    return date(year, month, day)


@pytest.mark.parametrize(
    "start,latest",
    [
        (d(15, 3), d(14, 4)),
        (d(1, 3), d(31, 3)),
        (d(31, 1), d(28, 2)),  # no 31 February: last day of the month
        (d(31, 1, 2028), d(29, 2, 2028)),
        (d(15, 12), d(14, 1, 2027)),
    ],
)
def test_one_month_date_to_date(start, latest):
    assert rules.latest_end(start) == latest
    assert rules.check_duration(start=start, end=latest) is None
    message = rules.check_duration(start=start, end=date.fromordinal(latest.toordinal() + 1))
    assert message == rules.TOO_LONG.format(start=start.strftime("%d/%m/%Y"), maximum=latest.strftime("%d/%m/%Y"))


def test_the_message_names_the_rule_and_the_last_day():
    assert rules.check_duration(start=d(15, 3), end=d(15, 4)) == (
        "Une PMSMP dure au plus 1 mois, de date à date (D5135-3) : commencée le 15/03/2026, "
        "elle finit au plus tard le 14/04/2026. Au-delà, renouvelez-la une fois pour le même objectif."
    )


def test_end_not_before_start():
    assert rules.check_dates(start=d(2, 3), end=d(2, 3)) is None
    assert rules.check_dates(start=d(2, 3), end=d(1, 3)) == rules.END_BEFORE_START.format(
        start="02/03/2026", end="01/03/2026"
    )


def test_within_the_contract():
    contract = Period(d(1, 2), d(31, 7))
    assert rules.check_within_contract(period=Period(d(1, 2), d(28, 2)), contract=contract) is None
    assert rules.check_within_contract(period=Period(d(2, 7), d(31, 7)), contract=contract) is None
    expected = rules.OUTSIDE_CONTRACT.format(start="01/02/2026", end="31/07/2026")
    assert rules.check_within_contract(period=Period(d(31, 1), d(20, 2)), contract=contract) == expected
    assert rules.check_within_contract(period=Period(d(20, 7), d(1, 8)), contract=contract) == expected


ORIGINAL = Convention(
    start=d(2, 3), end=d(13, 3), objective=Objective.CONFIRM, host_siret="11111111111111", host_name="Hôte"
)


def renewal(**overrides):
    arguments = {
        "start": d(16, 3),
        "objective": Objective.CONFIRM,
        "host_siret": "11111111111111",
        "original": ORIGINAL,
        "other_renewal": None,
    }
    return rules.check_renewal(**{**arguments, **overrides})


def test_a_first_renewal_with_the_same_objective_passes():
    assert renewal() == []
    assert renewal(start=d(14, 3)) == []  # the day after the end


def test_a_renewal_of_a_renewal_is_refused():
    original = Convention(**{**ORIGINAL.__dict__, "is_renewal": True})
    assert renewal(original=original) == [rules.RENEWAL_OF_RENEWAL.format(start="02/03/2026", end="13/03/2026")]


def test_a_second_renewal_is_refused():
    other = Convention(start=d(16, 3), end=d(27, 3), objective=Objective.CONFIRM, host_siret="11111111111111")
    assert renewal(start=d(30, 3), other_renewal=other) == [
        rules.RENEWAL_ALREADY.format(start="02/03/2026", end="13/03/2026", renewal_start="16/03/2026")
    ]


def test_a_renewal_with_another_objective_is_refused():
    assert renewal(objective=Objective.RECRUIT) == [
        "Une PMSMP ne se renouvelle que pour le même objectif (D5135-3) : « Confirmer un projet professionnel ». "
        "Pour un autre objectif, établissez une nouvelle convention."
    ]


def test_a_renewal_with_another_host_or_before_the_end_is_refused():
    assert renewal(host_siret="22222222222222") == [rules.RENEWAL_OTHER_HOST.format(host="Hôte")]
    assert renewal(start=d(13, 3)) == [rules.RENEWAL_NOT_AFTER.format(end="13/03/2026")]


def test_a_cancelled_convention_is_not_renewed():
    cancelled = Convention(**{**ORIGINAL.__dict__, "cancelled": True})
    assert renewal(original=cancelled) == [rules.RENEWAL_OF_CANCELLED]


def test_two_conventions_with_a_host_pass_the_third_in_12_months_fails():
    first = Period(d(5, 1), d(20, 1))
    second = Period(d(2, 3), d(13, 3))
    third = Period(d(1, 12), d(10, 12))
    assert rules.check_host_limits(period=second, others=[first]) == []
    messages = rules.check_host_limits(period=third, others=[first, second])
    assert len(messages) == 1
    assert messages[0].startswith("Au plus 2 conventions de PMSMP avec la même structure d'accueil (même SIRET)")
    assert "avec celle-ci, 3 conventions" in messages[0]
    assert "du 05/01/2026 au 20/01/2026, du 02/03/2026 au 13/03/2026" in messages[0]


def test_the_third_passes_12_months_after_the_end_of_the_first():
    first = Period(d(5, 1), d(20, 1))
    second = Period(d(2, 3), d(13, 3))
    # The window of 12 months from 20/01/2026 ends on 19/01/2027: it touches the first.
    assert rules.check_host_limits(period=Period(d(19, 1, 2027), d(25, 1, 2027)), others=[first, second])
    assert rules.check_host_limits(period=Period(d(20, 1, 2027), d(25, 1, 2027)), others=[first, second]) == []


def test_conventions_after_the_new_one_count_too():
    later = [Period(d(1, 6), d(5, 6)), Period(d(1, 9), d(5, 9))]
    assert rules.check_host_limits(period=Period(d(2, 3), d(6, 3)), others=later)


def test_sixty_days_with_a_host_over_12_months():
    first = Period(d(1, 1), d(30, 1))  # 30 days
    assert first.days == 30
    assert rules.check_host_limits(period=Period(d(1, 6), d(30, 6)), others=[first]) == []  # 60 days
    messages = rules.check_host_limits(period=Period(d(1, 7), d(31, 7)), others=[first])  # 61 days
    assert messages == [
        "Au plus 60 jours de PMSMP avec la même structure d'accueil (même SIRET) sur 12 mois consécutifs, "
        "renouvellements compris : avec celle-ci, 61 jours du 02/07/2025 au 01/07/2026 (du 01/01/2026 au 30/01/2026)."
    ]


def test_a_month_and_its_renewal_can_exceed_sixty_days():
    month = Period(d(15, 3), d(14, 4))  # 31 days
    assert month.days == 31
    assert rules.check_host_limits(period=Period(d(15, 4), d(14, 5)), others=[month])  # 31 + 30 = 61
    assert rules.check_host_limits(period=Period(d(15, 4), d(13, 5)), others=[month]) == []  # 31 + 29 = 60


def test_two_immersions_of_a_person_never_overlap():
    others = [Period(d(2, 3), d(13, 3))]
    assert rules.check_overlap(period=Period(d(14, 3), d(20, 3)), others=others) is None
    assert rules.check_overlap(period=Period(d(13, 3), d(20, 3)), others=others) == rules.OVERLAP.format(
        start="02/03/2026", end="13/03/2026"
    )


def test_in_progress_or_done_only_once_started():
    today = timezone.localdate()  # frozen: 10/03/2026
    assert rules.check_status(status=ImmersionStatus.IN_PROGRESS, start=d(10, 3), today=today) is None
    assert rules.check_status(status=ImmersionStatus.DONE, start=d(11, 3), today=today) == (
        "La PMSMP commence le 11/03/2026 : elle ne peut pas être « Réalisée » avant cette date."
    )
    assert rules.check_status(status=ImmersionStatus.PLANNED, start=d(11, 3), today=today) is None
    assert rules.check_status(status=ImmersionStatus.CANCELLED, start=d(11, 3), today=today) is None


def test_evaluation_between_start_and_today():
    today = timezone.localdate()
    assert rules.check_evaluation(evaluated_on=d(2, 3), start=d(2, 3), today=today) is None
    assert rules.check_evaluation(evaluated_on=d(10, 3), start=d(2, 3), today=today) is None
    assert rules.check_evaluation(evaluated_on=d(1, 3), start=d(2, 3), today=today)
    assert rules.check_evaluation(evaluated_on=d(11, 3), start=d(2, 3), today=today)


def test_outcome_not_before_start():
    assert rules.check_outcome(outcome_date=d(2, 3), start=d(2, 3)) is None
    assert rules.check_outcome(outcome_date=d(1, 3), start=d(2, 3)) == rules.OUTCOME_BEFORE_START.format(
        start="02/03/2026"
    )


def test_a_quarter_of_the_cddi_is_a_warning_only():
    contract = Period(d(1, 1), d(30, 4))  # 120 days: 25 % is 30 days
    assert rules.cddi_share_warning(contract=contract, immersions=[Period(d(1, 2), d(2, 3))]) is None  # 30 days
    warning = rules.cddi_share_warning(
        contract=contract, immersions=[Period(d(1, 2), d(2, 3)), Period(d(1, 4), d(1, 4))]
    )
    assert warning == rules.CDDI_SHARE_WARNING.format(days=31, percent="25,8", contract_days=120)
    assert warning.startswith("À vérifier")
