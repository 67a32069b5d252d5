from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tremplin.accounts.tests.factories import UserFactory
from tremplin.funding import rules, services
from tremplin.funding.models import FinancialAnnex

from .factories import ConventionFactory, FinancialAnnexFactory


@pytest.fixture
def actor(db):
    return UserFactory()


@pytest.fixture
def convention(structure):
    return ConventionFactory(structure=structure, start=date(2025, 1, 1), end=date(2027, 12, 31))


def annex(actor, convention, **fields):
    values = {
        "number": "ACI034250012",
        "start": date(2025, 1, 1),
        "end": date(2025, 12, 31),
        "etp_conventioned": Decimal("12.50"),
        "dynamic_exit_target": Decimal(60),
        "modulated_part": Decimal("4.5"),
    }
    return services.annex_create(actor=actor, convention=convention, **(values | fields))


def messages(error) -> str:
    return " ".join(error.value.messages)


def test_a_convention_of_more_than_three_years_is_refused(actor, structure):
    with pytest.raises(ValidationError) as error:
        services.convention_create(
            actor=actor, structure=structure, reference="DDETS-1", start=date(2025, 1, 1), end=date(2028, 6, 30)
        )
    assert "au plus 3 ans" in messages(error)


def test_an_annex_is_recorded_with_its_figures(actor, convention):
    created = annex(actor, convention)
    assert created.structure == convention.structure
    assert created.etp_conventioned == Decimal("12.50")


def test_a_lowercase_number_is_stored_in_capitals(actor, convention):
    assert annex(actor, convention, number=" aci034250012 ").number == "ACI034250012"


def test_an_annex_number_in_the_wrong_format_is_refused(actor, convention):
    with pytest.raises(ValidationError) as error:
        annex(actor, convention, number="ACI-34-2025")
    assert "ACI034150012" in messages(error)


def test_an_annex_number_of_another_department_is_refused(actor, convention):
    with pytest.raises(ValidationError) as error:
        annex(actor, convention, number="ACI035250012")
    assert messages(error) == rules.ANNEX_WRONG_DEPARTMENT.format(
        number="ACI035250012", annex_department="35", department="34"
    )


def test_an_annex_outside_its_convention_is_refused(actor, convention):
    with pytest.raises(ValidationError) as error:
        annex(actor, convention, start=date(2027, 7, 1), end=date(2028, 6, 30))
    assert "comprise dans la convention" in messages(error)


def test_two_annexes_of_one_structure_may_not_overlap(actor, convention):
    annex(actor, convention)
    with pytest.raises(ValidationError) as error:
        annex(actor, convention, number="ACI034250013", start=date(2025, 12, 31), end=date(2026, 12, 31))
    assert "ACI034250012 couvre déjà la période du 01/01/2025 au 31/12/2025" in messages(error)
    annex(actor, convention, number="ACI034260001", start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert FinancialAnnex.objects.count() == 2


def test_a_modulated_part_above_ten_percent_is_refused(actor, convention):
    with pytest.raises(ValidationError) as error:
        annex(actor, convention, modulated_part=Decimal("10.5"))
    assert "entre 0 et 10 %" in messages(error)


def test_an_amendment_takes_effect_inside_the_annex(actor, convention):
    created = FinancialAnnexFactory(convention=convention)
    with pytest.raises(ValidationError) as error:
        services.annex_amend(
            actor=actor, annex=created, effective_from=date(2026, 1, 1), etp_conventioned=Decimal(11), reason="DDETS"
        )
    assert "le 01/01/2026 est en dehors" in messages(error)
    with pytest.raises(ValidationError) as error:
        services.annex_amend(actor=actor, annex=created, effective_from=date(2025, 7, 1), reason="rien")
    assert messages(error) == rules.AMENDMENT_EMPTY
    amendment = services.annex_amend(
        actor=actor, annex=created, effective_from=date(2025, 7, 1), etp_conventioned=Decimal(11), reason="Dialogue"
    )
    assert amendment.annex == created


def test_a_grant_ending_before_it_starts_is_refused(actor, structure):
    with pytest.raises(ValidationError) as error:
        services.grant_create(
            actor=actor,
            structure=structure,
            funder="region",
            funder_name="Région Occitanie",
            amount=Decimal(1000),
            start=date(2026, 3, 1),
            end=date(2026, 2, 1),
            purpose="Formation",
        )
    assert messages(error) == rules.GRANT_END_BEFORE_START.format(start="01/03/2026", end="01/02/2026")
