"""The pure rules of eligibility and of the PASS IAE, at their boundaries."""

from datetime import date

import pytest

from tremplin.eligibility import rules
from tremplin.eligibility.enums import LEVEL_1, LEVEL_2, AuthorKind, Criterion, ProlongationReason
from tremplin.kernel.dates import Period

# Criteria levels


def test_levels_split_the_criteria():
    assert {Criterion.RSA, Criterion.ASS, Criterion.AAH, Criterion.DETLD} == LEVEL_1
    assert len(LEVEL_2) == 14
    assert not LEVEL_1 & LEVEL_2
    assert set(Criterion) == LEVEL_1 | LEVEL_2


# Validity of a diagnosis


@pytest.mark.parametrize(
    "author_kind,made_on,expected",
    [
        (AuthorKind.PRESCRIBER, date(2026, 1, 15), date(2026, 7, 14)),  # 6 months, date to date
        (AuthorKind.PRESCRIBER, date(2025, 8, 31), date(2026, 2, 28)),  # no 31 February
        (AuthorKind.PRESCRIBER, date(2026, 3, 1), date(2026, 8, 31)),
        (AuthorKind.EMPLOYER, date(2026, 1, 15), date(2026, 4, 16)),  # 92 days, both ends included
        (AuthorKind.EMPLOYER, date(2026, 1, 1), date(2026, 4, 2)),
    ],
)
def test_diagnosis_expiry(author_kind, made_on, expected):
    assert rules.diagnosis_expiry(author_kind, made_on) == expected


def test_employer_diagnosis_lasts_exactly_92_days():
    made_on = date(2026, 1, 15)
    assert Period(made_on, rules.diagnosis_expiry(AuthorKind.EMPLOYER, made_on)).days == 92


# The ACI rule


@pytest.mark.parametrize(
    "criteria,expected",
    [
        ([Criterion.RSA], True),
        ([Criterion.DETLD], True),
        ([Criterion.AAH, Criterion.QPV], True),
        ([Criterion.QPV, Criterion.ZRR, Criterion.MOBILITY], True),
        ([Criterion.QPV, Criterion.ZRR], False),
        ([Criterion.QPV, Criterion.QPV, Criterion.ZRR], False),  # a criterion counts once
        ([], False),
    ],
)
def test_meets_aci_rule(criteria, expected):
    assert rules.meets_aci_rule(criteria) is expected


def test_aci_rule_message_names_what_is_missing():
    assert rules.aci_rule_message([Criterion.QPV, Criterion.ZRR]) == (
        "Les critères ne permettent pas l'embauche en ACI : il faut 1 critère de niveau 1, "
        "ou au moins 3 critères de niveau 2 (2 renseignés)."
    )
    assert "(1 renseigné)." in rules.aci_rule_message([Criterion.MOBILITY])
    assert "(aucun renseigné)." in rules.aci_rule_message([])
    assert rules.aci_rule_message([Criterion.RSA]) is None
    assert rules.aci_rule_message([Criterion.QPV, Criterion.ZRR, Criterion.HOUSING]) is None


def test_age_criteria_are_checked_against_the_birth_date():
    born = date(1976, 1, 16)
    kwargs = {"birth_date": born, "person": "Léa Morel"}
    assert rules.check_age_criteria(criteria=[Criterion.SENIOR_50], made_on=date(2026, 1, 16), **kwargs) is None
    assert rules.check_age_criteria(criteria=[Criterion.SENIOR_50], made_on=date(2026, 1, 15), **kwargs) == (
        "Le critère « 50 ans et plus » ne convient pas : Léa Morel a 49 ans au 15/01/2026."
    )
    young = {"birth_date": date(2000, 3, 1), "person": "Léa Morel"}
    assert rules.check_age_criteria(criteria=[Criterion.UNDER_26], made_on=date(2026, 2, 28), **young) is None
    assert "a 26 ans au 01/03/2026" in rules.check_age_criteria(
        criteria=[Criterion.UNDER_26], made_on=date(2026, 3, 1), **young
    )


# PASS IAE number


@pytest.mark.parametrize(
    "typed,expected",
    [("XXXXX2412345", "XXXXX2412345"), ("xxxxx 24 12345", "XXXXX2412345"), (" 999992412345 ", "999992412345")],
)
def test_approval_number_is_normalised(typed, expected):
    assert rules.normalise_approval_number(typed) == expected
    assert rules.check_approval_number(expected) is None


@pytest.mark.parametrize("number", ["XXXXX241234", "XXXXX24123456", "XXXXX-241234", "xxxxx2412345", "ÉXXXX2412345", ""])
def test_bad_approval_numbers_are_refused(number):
    assert rules.check_approval_number(number) == rules.APPROVAL_NUMBER_FORMAT.format(number=number)


# PASS IAE dates


@pytest.mark.parametrize(
    "start,expected",
    [
        (date(2026, 1, 1), date(2027, 12, 31)),
        (date(2024, 1, 1), date(2025, 12, 30)),  # 2024 is a leap year: 730 days end one day earlier
        (date(2026, 3, 15), date(2028, 3, 13)),  # 2028 is a leap year
    ],
)
def test_approval_initial_end(start, expected):
    assert rules.approval_initial_end(start) == expected
    assert Period(start, expected).days == 730


def test_a_suspension_pushes_the_end_back_by_its_days():
    initial_end = date(2027, 12, 31)
    twenty_days = Period(date(2026, 6, 1), date(2026, 6, 20))
    assert rules.approval_end(initial_end, [], [twenty_days]) == date(2028, 1, 20)
    one_day = Period(date(2026, 9, 1), date(2026, 9, 1))
    assert rules.approval_end(initial_end, [], [twenty_days, one_day]) == date(2028, 1, 21)
    assert rules.approval_end(initial_end, [], []) == initial_end


def test_a_prolongation_extends_the_pass_to_its_end():
    initial_end = date(2027, 12, 31)
    prolongation = Period(date(2028, 1, 1), date(2028, 12, 31))
    assert rules.approval_end(initial_end, [prolongation], []) == date(2028, 12, 31)
    # Suspended first: the prolongation starts the day after the pushed end, and ends the PASS.
    suspension = Period(date(2026, 6, 1), date(2026, 6, 20))
    after = Period(date(2028, 1, 21), date(2029, 1, 20))
    assert rules.approval_end(initial_end, [after], [suspension]) == date(2029, 1, 20)
    # Suspended during the prolongation: pushed again.
    during = Period(date(2028, 3, 1), date(2028, 3, 10))
    assert rules.approval_end(initial_end, [prolongation], [during]) == date(2029, 1, 10)


# Prolongations


def check(reason, start, end, approval_start=date(2026, 1, 1), suspended_days=0):
    return rules.check_prolongation(
        reason=reason, approval_start=approval_start, start=start, end=end, suspended_days=suspended_days
    )


@pytest.mark.parametrize("reason", list(ProlongationReason))
def test_a_prolongation_is_12_months_at_most(reason):
    assert check(reason, date(2028, 1, 1), date(2028, 12, 31)) is None
    assert check(reason, date(2028, 1, 1), date(2029, 1, 1)) == (
        "Une prolongation du PASS IAE vaut 12 mois au plus : commençant le 01/01/2028, "
        "elle finit le 31/12/2028 au plus tard."
    )


def test_a_prolongation_ends_after_it_starts():
    assert check(ProlongationReason.RQTH, date(2028, 1, 1), date(2027, 12, 31)) == (
        "La fin de la prolongation (31/12/2027) doit suivre son début (01/01/2028)."
    )


@pytest.mark.parametrize(
    "reason,last_allowed",
    [
        (ProlongationReason.RQTH, date(2030, 12, 31)),  # 5 years from 01/01/2026
        (ProlongationReason.PARTICULAR_DIFFICULTIES, date(2030, 12, 31)),  # 5 years
        (ProlongationReason.SENIOR_50, date(2032, 12, 31)),  # 7 years
    ],
)
def test_total_caps_from_the_start_of_the_pass(reason, last_allowed):
    step_start = date(last_allowed.year, 1, 1)
    assert check(reason, step_start, last_allowed) is None
    message = check(reason, step_start + rules.ONE_DAY, last_allowed + rules.ONE_DAY)
    assert message is not None
    assert f"doit finir le {last_allowed:%d/%m/%Y} au plus tard" in message
    assert "depuis son début (01/01/2026)" in message


def test_over_cap_message():
    assert check(ProlongationReason.RQTH, date(2030, 6, 1), date(2031, 1, 1)) == (
        "Pour le motif « Reconnaissance de la qualité de travailleur handicapé (RQTH) », le PASS IAE ne peut "
        "dépasser 5 ans au total depuis son début (01/01/2026) : la prolongation doit finir le 31/12/2030 au plus tard."
    )


def test_suspended_days_move_the_cap():
    assert check(ProlongationReason.RQTH, date(2030, 6, 1), date(2031, 1, 20), suspended_days=20) is None
    message = check(ProlongationReason.RQTH, date(2030, 6, 1), date(2031, 1, 21), suspended_days=20)
    assert "sans compter 20 jours de suspension" in message
    assert "doit finir le 20/01/2031 au plus tard" in message


@pytest.mark.parametrize("reason", [ProlongationReason.TRAINING_END, ProlongationReason.CDI_INCLUSION_57])
def test_training_end_and_cdi_inclusion_have_no_total_cap(reason):
    assert check(reason, date(2040, 1, 1), date(2040, 12, 31)) is None
    assert rules.prolongation_limit(reason=reason, approval_start=date(2026, 1, 1)) is None


def test_prolongation_person_requirements():
    kwargs = {"birth_date": date(1978, 1, 2), "rqth": False, "person": "Léa Morel"}
    senior = ProlongationReason.SENIOR_50
    assert rules.check_prolongation_person(reason=senior, start=date(2028, 1, 2), **kwargs) is None
    assert rules.check_prolongation_person(reason=senior, start=date(2028, 1, 1), **kwargs) == (
        "La prolongation pour les 50 ans et plus demande que la personne ait 50 ans au début de la prolongation : "
        "Léa Morel a 49 ans au 01/01/2028."
    )
    cdi = ProlongationReason.CDI_INCLUSION_57
    assert "a 56 ans au 01/01/2035" in rules.check_prolongation_person(reason=cdi, start=date(2035, 1, 1), **kwargs)
    assert rules.check_prolongation_person(reason=cdi, start=date(2035, 1, 2), **kwargs) is None
    rqth = ProlongationReason.RQTH
    assert "n'est pas enregistrée pour Léa Morel" in rules.check_prolongation_person(
        reason=rqth, start=date(2028, 1, 1), **kwargs
    )
    assert rules.check_prolongation_person(reason=rqth, start=date(2028, 1, 1), **{**kwargs, "rqth": True}) is None
    training = ProlongationReason.TRAINING_END
    assert rules.check_prolongation_person(reason=training, start=date(2028, 1, 1), **kwargs) is None
