from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tremplin.funding import rules
from tremplin.funding.validators import annex_department, validate_annex_number
from tremplin.kernel.numbers import as_decimal
from tremplin.reference.tables import MissingReference


@pytest.mark.parametrize("number", ["ACI034150012", "ACI02A260001", "ACI974240003", "EI034150012"])
def test_annex_numbers_in_the_format(number):
    validate_annex_number(number)


@pytest.mark.parametrize("number", ["", "ACI34150012", "ACI0341500123", "XYZ034150012", "aci034150012", "ACI034AB0012"])
def test_annex_numbers_out_of_the_format_are_refused_in_french(number):
    with pytest.raises(Exception, match="ACI034150012"):
        validate_annex_number(number)


def test_the_department_of_an_annex_number_is_written_as_the_structures():
    assert annex_department("ACI034150012") == "34"
    assert annex_department("ACI02A150012") == "2A"
    assert annex_department("ACI974150012") == "974"


def test_a_convention_lasts_one_to_three_years():
    assert rules.check_convention_dates(date(2025, 1, 1), date(2025, 12, 31)) is None  # exactly 1 year
    assert rules.check_convention_dates(date(2025, 1, 1), date(2027, 12, 31)) is None  # exactly 3 years
    assert rules.check_convention_dates(date(2025, 1, 1), date(2025, 12, 30)) == rules.CONVENTION_TOO_SHORT.format(
        start="01/01/2025", end="30/12/2025"
    )
    assert rules.check_convention_dates(date(2025, 1, 1), date(2028, 1, 1)) == rules.CONVENTION_TOO_LONG.format(
        start="01/01/2025", end="01/01/2028"
    )


def test_segments_follow_the_amendments_and_keep_a_figure_left_empty():
    segments = rules.segments(
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        etp=Decimal(10),
        modulated_part=Decimal(5),
        changes=[
            rules.Change(date(2025, 10, 1), None, Decimal(7)),
            rules.Change(date(2025, 7, 1), Decimal(12), None),
        ],
    )
    assert segments == [
        rules.Segment(date(2025, 1, 1), date(2025, 6, 30), Decimal(10), Decimal(5)),
        rules.Segment(date(2025, 7, 1), date(2025, 9, 30), Decimal(12), Decimal(5)),
        rules.Segment(date(2025, 10, 1), date(2025, 12, 31), Decimal(12), Decimal(7)),
    ]


def test_an_amendment_on_the_first_day_replaces_the_figures_of_the_annex():
    segments = rules.segments(
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        etp=Decimal(10),
        modulated_part=Decimal(5),
        changes=[rules.Change(date(2025, 1, 1), Decimal(11), None)],
    )
    assert segments == [rules.Segment(date(2025, 1, 1), date(2025, 12, 31), Decimal(11), Decimal(5))]


def test_etp_conventioned_is_the_average_of_the_posts_over_the_period():
    # Hand computation: 10 ETP for 181 days (January-June 2025) then 12 ETP for 184 days.
    segments = [
        rules.Segment(date(2025, 1, 1), date(2025, 6, 30), Decimal(10), Decimal(0)),
        rules.Segment(date(2025, 7, 1), date(2025, 12, 31), Decimal(12), Decimal(0)),
    ]
    expected = Fraction(10 * 181 + 12 * 184, 365)
    assert rules.etp_conventioned(segments, date(2025, 1, 1), date(2025, 12, 31)) == as_decimal(expected)
    assert round(rules.etp_conventioned(segments, date(2025, 1, 1), date(2025, 12, 31)), 2) == Decimal("11.01")
    # A period that runs past the annex: the uncovered days count for 0 post.
    assert rules.etp_conventioned(segments, date(2025, 12, 1), date(2026, 1, 31)) == as_decimal(Fraction(12 * 31, 62))


def test_projected_hours_extend_the_recent_pace_to_the_days_left():
    assert rules.projected_hours(
        hours_so_far=Decimal(21), recent_hours=Decimal(14), recent_days=91, remaining_days=245
    ) == Fraction(21) + Fraction(14 * 245, 91)
    assert rules.projected_hours(hours_so_far=Decimal(5), recent_hours=Decimal(0), recent_days=0, remaining_days=9) == 5


def test_modulated_part_of_the_first_day_else_of_an_annex_starting_within_the_part():
    segments = [rules.Segment(date(2025, 1, 10), date(2025, 12, 31), Decimal(2), Decimal(7))]
    assert rules.modulated_part_on(segments, date(2025, 1, 1), date(2025, 1, 31)) == Decimal(7)
    assert rules.modulated_part_on([], date(2025, 1, 1), date(2025, 1, 31)) == Decimal(0)


def test_aide_au_poste_of_a_part():
    # min(1.5, 1) = 1 x 24 000 / 12 x 15 / 30 x 1.10 = 1 100
    amount = rules.aide_au_poste_of_part(
        etp_realised=Fraction(3, 2),
        etp_conventioned=Fraction(1),
        socle=Decimal(24000),
        part_days=15,
        month_days=30,
        modulated_part=Decimal(10),
    )
    assert amount == 1100


def test_mayotte_has_its_own_socle_and_a_missing_one_names_the_territory_and_the_day():
    table = [(date(2025, 1, 1), Decimal(24000))]
    assert rules.territory_of("976") == "mayotte"
    assert rules.territory_of("34") == "mainland"
    assert rules.socle_on(table, date(2025, 3, 1), "mainland") == Decimal(24000)
    with pytest.raises(MissingReference, match=r"Mayotte\) n'est connu au 31/12/2024"):
        rules.socle_on(table, date(2024, 12, 31), "mayotte")
