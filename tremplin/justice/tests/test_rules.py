"""The rules of justice measures at their boundaries (pure functions, no database)."""

from datetime import date
from decimal import Decimal

import pytest

from tremplin.justice import rules
from tremplin.justice.enums import MeasureKind, Offence


@pytest.mark.parametrize(
    "offence,hours,refused",
    [
        (Offence.DELIT, 19, True),
        (Offence.DELIT, 20, False),
        (Offence.DELIT, 400, False),
        (Offence.DELIT, 401, True),
        (Offence.CONTRAVENTION, 19, True),
        (Offence.CONTRAVENTION, 20, False),
        (Offence.CONTRAVENTION, 120, False),
        (Offence.CONTRAVENTION, 121, True),
    ],
)
def test_hours_ordered_within_the_law(offence, hours, refused):
    message = rules.check_hours_ordered(kind=MeasureKind.TIG, offence=offence, hours=hours)
    assert (message is not None) is refused
    if refused:
        assert message.startswith("Un TIG est de 20 à")
        assert f"{hours} h est refusé" in message


def test_contravention_message_names_its_maximum():
    message = rules.check_hours_ordered(kind=MeasureKind.TIG_PEDAGOGICAL, offence=Offence.CONTRAVENTION, hours=121)
    assert message == (
        "Un TIG est de 20 à 120 heures pour une contravention : 121 h est refusé (code pénal, art. 131-8 et 131-17)."
    )


def test_a_tig_needs_hours_and_a_placement_has_none():
    assert rules.check_hours_ordered(kind=MeasureKind.TIG, offence=Offence.DELIT, hours=None) == rules.HOURS_REQUIRED
    message = rules.check_hours_ordered(kind=MeasureKind.OUTSIDE_PLACEMENT, offence=Offence.DELIT, hours=40)
    assert message == "Un placement extérieur ne compte pas d'heures : il a une période (début et fin)."
    assert rules.check_hours_ordered(kind=MeasureKind.OUTSIDE_PLACEMENT, offence=Offence.DELIT, hours=None) is None


@pytest.mark.parametrize(
    "ordered_on,deadline",
    [
        (date(2026, 1, 15), date(2027, 7, 14)),
        (date(2026, 1, 1), date(2027, 6, 30)),
        (date(2026, 8, 31), date(2028, 2, 29)),  # no 31 February: last day of the month (leap year)
        (date(2025, 8, 31), date(2027, 2, 28)),
    ],
)
def test_default_deadline_is_18_months_date_to_date(ordered_on, deadline):
    assert rules.default_deadline(ordered_on) == deadline


def test_the_judge_may_set_an_earlier_deadline_never_a_later_one():
    ordered_on = date(2026, 1, 15)
    assert rules.check_deadline(ordered_on=ordered_on, deadline=date(2027, 7, 14)) is None
    assert rules.check_deadline(ordered_on=ordered_on, deadline=date(2026, 9, 30)) is None
    assert rules.check_deadline(ordered_on=ordered_on, deadline=ordered_on) is None
    assert rules.check_deadline(ordered_on=ordered_on, deadline=date(2027, 7, 15)) == (
        "Un TIG est exécuté dans les 18 mois de la décision : l'échéance ne peut dépasser le 14/07/2027 "
        "(le juge peut fixer une date plus proche)."
    )
    assert rules.check_deadline(ordered_on=ordered_on, deadline=date(2026, 1, 14)) == (
        "L'échéance (14/01/2026) ne peut précéder la décision du 15/01/2026."
    )


def test_attendance_days_between_the_decision_and_the_deadline():
    kwargs = {"ordered_on": date(2026, 1, 15), "deadline": date(2027, 7, 14), "today": date(2027, 8, 1)}
    assert rules.check_attendance_day(day=date(2026, 1, 15), **kwargs) is None
    assert rules.check_attendance_day(day=date(2027, 7, 14), **kwargs) is None
    assert rules.check_attendance_day(day=date(2026, 1, 14), **kwargs) == (
        "Les heures d'un TIG se font entre la décision (15/01/2026) et l'échéance (14/07/2027) : "
        "le 14/01/2026 est refusé."
    )
    assert "le 15/07/2027 est refusé" in rules.check_attendance_day(day=date(2027, 7, 15), **kwargs)


def test_attendance_is_recorded_once_done():
    kwargs = {"ordered_on": date(2026, 1, 15), "deadline": date(2027, 7, 14), "today": date(2026, 3, 2)}
    assert rules.check_attendance_day(day=date(2026, 3, 2), **kwargs) is None
    assert rules.check_attendance_day(day=date(2026, 3, 3), **kwargs) == (
        "Les heures sont saisies une fois faites : le 03/03/2026 est dans le futur."
    )


def test_ten_hours_a_day_at_most():
    day = date(2026, 3, 2)
    assert rules.check_day_limit(person="A", day=day, before=Decimal(3), hours=Decimal(7)) is None
    assert rules.check_day_limit(person="A", day=day, before=Decimal(0), hours=Decimal(10)) is None
    assert rules.check_day_limit(person="Ana B", day=day, before=Decimal(3), hours=Decimal("7.25")) == (
        "10 heures par jour au plus : Ana B a déjà 3 h le 02/03/2026, 7,25 h de plus donneraient 10,25 h."
    )


def test_never_beyond_the_hours_ordered():
    assert rules.check_total(done=Decimal(133), hours=Decimal(7), ordered=140) is None
    assert rules.check_total(done=Decimal("133.5"), hours=Decimal(7), ordered=140) == (
        "Les heures effectuées ne peuvent dépasser les heures ordonnées (140 h) : 133,5 h sont faites, "
        "il en reste 6,5 h."
    )


def test_a_tig_is_executed_when_all_its_hours_are_done():
    assert rules.check_completion(done=Decimal(140), ordered=140) is None
    assert rules.check_completion(done=Decimal("139.75"), ordered=140) == (
        "Un TIG est exécuté quand toutes ses heures sont faites : 139,75 h sur 140 h à ce jour."
    )


def test_the_period_of_a_placement():
    ordered_on = date(2026, 1, 15)
    assert (
        rules.check_period(
            kind=MeasureKind.OUTSIDE_PLACEMENT, ordered_on=ordered_on, start=date(2026, 2, 1), end=date(2026, 8, 1)
        )
        == {}
    )
    assert rules.check_period(kind=MeasureKind.OUTSIDE_PLACEMENT, ordered_on=ordered_on, start=None, end=None) == {
        "start": "Un placement extérieur a une date de début.",
        "end": "Un placement extérieur a une date de fin.",
    }
    assert (
        rules.check_period(kind=MeasureKind.OTHER_ADJUSTMENT, ordered_on=ordered_on, start=date(2026, 2, 1), end=None)
        == {}
    )
    errors = rules.check_period(
        kind=MeasureKind.OTHER_ADJUSTMENT, ordered_on=ordered_on, start=date(2026, 1, 1), end=date(2025, 12, 1)
    )
    assert set(errors) == {"start", "end"}


@pytest.mark.parametrize(
    "deadline,done,due",
    [
        (date(2026, 8, 14), Decimal(100), True),  # 60 days ahead
        (date(2026, 8, 15), Decimal(100), False),  # 61 days ahead
        (date(2026, 6, 1), Decimal(100), True),  # already past
        (date(2026, 7, 1), Decimal(140), False),  # all done
    ],
)
def test_deadline_alert(deadline, done, due):
    assert rules.deadline_alert_due(deadline=deadline, today=date(2026, 6, 15), done=done, ordered=140) is due
