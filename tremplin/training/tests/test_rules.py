"""The pure rules: dates, plausible hours, results, enrolments, rates, at their boundaries."""

from datetime import date
from decimal import Decimal

import pytest

from tremplin.training import rules
from tremplin.training.enums import Employment, TrainingResult

D = date


def test_end_may_be_the_start_day_but_not_before():
    assert rules.check_training_dates(D(2026, 3, 2), D(2026, 3, 2)) is None
    assert rules.check_training_dates(D(2026, 3, 2), D(2026, 3, 1)) == (
        "La fin de la formation (01/03/2026) ne peut précéder son début (02/03/2026)."
    )


@pytest.mark.parametrize(
    ("hours", "start", "end", "ok"),
    [
        (Decimal("10"), D(2026, 3, 2), D(2026, 3, 2), True),  # one day: 10 h at most
        (Decimal("10.01"), D(2026, 3, 2), D(2026, 3, 2), False),
        (Decimal("20"), D(2026, 3, 2), D(2026, 3, 3), True),  # both ends count
        (Decimal("20.5"), D(2026, 3, 2), D(2026, 3, 3), False),
        (Decimal("0.5"), D(2026, 3, 2), D(2026, 3, 2), True),
    ],
)
def test_hours_are_at_most_ten_per_calendar_day(hours, start, end, ok):
    assert (rules.check_training_hours(hours, start, end) is None) is ok


def test_implausible_hours_say_the_maximum():
    message = rules.check_training_hours(Decimal("20.5"), D(2026, 3, 2), D(2026, 3, 3))
    assert message == (
        "20,5 h sur 2 jours (02/03/2026 – 03/03/2026) dépasse 10 heures de formation par jour : "
        "vérifiez les dates ou la durée (au plus 20 h sur cette période)."
    )


@pytest.mark.parametrize("hours", [Decimal(0), Decimal("-3"), None])
def test_hours_must_be_positive(hours):
    assert rules.check_training_hours(hours, D(2026, 3, 2), D(2026, 3, 3)) == rules.TRAINING_HOURS_NOT_POSITIVE


DAY = D(2026, 3, 3)


def _result(result, *, end=DAY, result_on=DAY, certification="CACES R482 A", today=DAY):
    return rules.check_training_result(
        result=result, start=D(2026, 3, 2), end=end, result_on=result_on, certification=certification, today=today
    )


def test_a_result_is_recorded_from_the_last_day_of_the_training():
    assert _result(TrainingResult.PASSED) is None  # ends today, result today
    assert _result(TrainingResult.PASSED, end=D(2026, 3, 4), result_on=D(2026, 3, 3)) == (
        "result",
        "Le résultat « Réussie » ne s'enregistre qu'une fois la formation terminée : elle se termine le 04/03/2026.",
    )


def test_a_result_needs_a_date_neither_future_nor_before_the_start():
    assert _result(TrainingResult.FAILED, result_on=None) == ("result_on", "Indiquez la date du résultat « Échec ».")
    assert _result(TrainingResult.FAILED, result_on=D(2026, 3, 4)) == (
        "result_on",
        "La date du résultat (04/03/2026) ne peut être dans le futur.",
    )
    assert _result(TrainingResult.FAILED, result_on=D(2026, 3, 1))[0] == "result_on"
    assert _result(TrainingResult.FAILED, result_on=D(2026, 3, 2)) is None


@pytest.mark.parametrize("result", [TrainingResult.PASSED, TrainingResult.FAILED, TrainingResult.PARTIAL])
def test_exam_results_need_a_certification_aimed_at(result):
    field, message = _result(result, certification="  ")
    assert field == "certification"
    assert message.startswith(f"Le résultat « {TrainingResult(result).label} » concerne une certification")


def test_completed_is_for_trainings_without_certification():
    assert _result(TrainingResult.COMPLETED, certification="") is None
    assert _result(TrainingResult.COMPLETED)[0] == "result"
    assert _result(TrainingResult.ABANDONED, certification="") is None
    assert _result(TrainingResult.ABANDONED) is None


def test_in_progress_has_no_result_date_and_may_end_later():
    assert _result(TrainingResult.IN_PROGRESS, end=D(2026, 9, 1), result_on=None) is None
    assert _result(TrainingResult.IN_PROGRESS, result_on=D(2026, 3, 3)) == (
        "result_on",
        rules.RESULT_DATE_IN_PROGRESS,
    )


def test_programme_end_after_start():
    assert rules.check_programme_dates(D(2026, 1, 5), D(2026, 1, 6)) is None
    assert rules.check_programme_dates(D(2026, 1, 5), D(2026, 1, 5)) == (
        "La fin du programme (05/01/2026) doit être postérieure à son début (05/01/2026)."
    )


def test_company_weeks_warn_below_six():
    assert rules.company_weeks_warning(6) is None
    assert rules.company_weeks_warning(5) == (
        "Le programme ne compte que 5 semaines en entreprise : un AQI prévoit au moins 6 à 8 semaines "
        "de mise en situation en entreprise."
    )
    assert "que 0 semaine en" in rules.company_weeks_warning(0)


def test_enrolment_dates():
    check = rules.check_enrolment_dates
    assert check(enrolled_on=D(2026, 6, 26), programme_end=D(2026, 6, 26), left_on=None, today=D(2026, 1, 1)) is None
    assert check(enrolled_on=D(2026, 6, 27), programme_end=D(2026, 6, 26), left_on=None, today=D(2026, 1, 1)) == (
        "enrolled_on",
        "L'inscription (27/06/2026) ne peut être postérieure à la fin du programme (26/06/2026).",
    )
    base = {"enrolled_on": D(2026, 1, 5), "programme_end": D(2026, 6, 26), "today": D(2026, 3, 1)}
    assert check(left_on=D(2026, 1, 5), **base) is None
    assert check(left_on=D(2026, 1, 4), **base)[0] == "left_on"
    assert check(left_on=D(2026, 3, 1), **base) is None
    assert check(left_on=D(2026, 3, 2), **base) == (
        "left_on",
        "La fin de parcours (02/03/2026) ne peut être dans le futur.",
    )


def test_enrolment_outcome():
    check = rules.check_enrolment_outcome
    assert check(left_on=None, left_early=False, employment=Employment.UNKNOWN, job="") is None
    assert check(left_on=None, left_early=True, employment=Employment.UNKNOWN, job="") == (
        "left_on",
        rules.LEFT_EARLY_WITHOUT_DATE,
    )
    assert check(left_on=None, left_early=False, employment=Employment.NO, job="")[0] == "employment"
    assert check(left_on=D(2026, 6, 26), left_early=False, employment=Employment.YES, job="") == (
        "job",
        rules.EMPLOYMENT_JOB_MISSING,
    )
    assert check(left_on=D(2026, 6, 26), left_early=False, employment=Employment.NO, job="CDI")[0] == "job"
    assert check(left_on=D(2026, 6, 26), left_early=False, employment=Employment.YES, job="CDI") is None


def test_rates_with_one_decimal_and_none_without_denominator():
    assert rules.rate(0, 0) is None
    assert rules.rate(2, 3) == Decimal("66.7")
    assert rules.rate(1, 3) == Decimal("33.3")
    assert rules.rate(1, 8) == Decimal("12.5")
    assert rules.rate(1, 16) == Decimal("6.3")  # 6.25 half up
    assert rules.rate(3, 3) == Decimal("100.0")
    assert rules.percent_fr(Decimal("66.7")) == "66,7\u00a0%"
    assert rules.percent_fr(Decimal("100.0")) == "100,0\u00a0%"
    assert rules.percent_fr(None) == "—"
