"""The service records a PMSMP that keeps the rules and refuses the others with their French
messages (decision 0014), under frozen time."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tremplin.contracts.tests.factories import ContractFactory
from tremplin.immersions import rules, services
from tremplin.immersions.enums import ImmersionStatus, Objective, Outcome
from tremplin.immersions.selectors import immersion_warnings
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory

from .factories import HostCompanyFactory, valid_siret

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def create(counsellor, person, contract, host, rome):
    def make(**overrides):
        arguments = {
            "actor": counsellor,
            "person": person,
            "contract": contract,
            "host": host,
            "tutor_name": "Julie Castan",
            "tutor_function": "Cheffe d'équipe",
            "objective": Objective.DISCOVER,
            "rome_job": rome,
            "place": "Lattes",
            "start": date(2026, 3, 2),
            "end": date(2026, 3, 13),
            "weekly_schedule": "Du lundi au vendredi, 8 h – 12 h et 13 h – 16 h",
            "total_hours": Decimal(70),
        }
        return services.immersion_create(**{**arguments, **overrides})

    return make


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.message_dict


def test_a_pmsmp_that_keeps_the_rules_is_recorded(create, person, counsellor):
    immersion = create()
    assert immersion.pk
    assert immersion.structure == person.structure
    assert immersion.referent == counsellor  # the person's counsellor by default
    assert immersion.status == ImmersionStatus.PLANNED
    assert immersion.days == 12


def test_one_month_exactly_passes_one_day_more_is_refused(create):
    assert create(start=date(2026, 3, 15), end=date(2026, 4, 14))
    errors = refusal(create, start=date(2026, 4, 20), end=date(2026, 5, 20))
    assert errors["end"] == [rules.TOO_LONG.format(start="20/04/2026", maximum="19/05/2026")]


def test_end_before_start_is_refused(create):
    errors = refusal(create, start=date(2026, 3, 13), end=date(2026, 3, 12))
    assert errors["end"] == [rules.END_BEFORE_START.format(start="13/03/2026", end="12/03/2026")]


def test_it_lies_within_the_cddi(create, contract):
    assert create(start=date(2026, 6, 20), end=date(2026, 7, 4))  # the contract's last day
    errors = refusal(create, start=date(2026, 7, 1), end=date(2026, 7, 5))
    assert rules.OUTSIDE_CONTRACT.format(start="05/01/2026", end="04/07/2026") in errors["start"]


def test_the_early_end_of_the_contract_counts(create, contract):
    contract.ended_on = date(2026, 3, 10)
    contract.save()
    errors = refusal(create)
    assert errors["start"] == [rules.OUTSIDE_CONTRACT.format(start="05/01/2026", end="10/03/2026")]


def test_without_contract_it_is_allowed(create):
    assert create(contract=None, start=date(2026, 8, 3), end=date(2026, 8, 7)).contract is None


def test_the_contract_and_the_host_belong_to_the_person(create, structure):
    other_contract = ContractFactory(person=PersonFactory(structure=structure))
    assert refusal(create, contract=other_contract)["contract"] == [rules.CONTRACT_OF_ANOTHER_PERSON]
    foreign_host = HostCompanyFactory(structure=StructureFactory())
    assert refusal(create, host=foreign_host)["host"] == [rules.HOST_OF_ANOTHER_STRUCTURE]


def test_renewable_once_with_the_same_objective(create):
    original = create(objective=Objective.CONFIRM)
    renewal = create(objective=Objective.CONFIRM, start=date(2026, 3, 16), end=date(2026, 3, 27), renewal_of=original)
    assert renewal.renewal_of == original
    # A second renewal of the same convention
    errors = refusal(
        create, objective=Objective.CONFIRM, start=date(2026, 3, 30), end=date(2026, 4, 3), renewal_of=original
    )
    assert (
        rules.RENEWAL_ALREADY.format(start="02/03/2026", end="13/03/2026", renewal_start="16/03/2026")
        in errors["renewal_of"]
    )
    # A renewal of the renewal
    errors = refusal(
        create, objective=Objective.CONFIRM, start=date(2026, 3, 30), end=date(2026, 4, 3), renewal_of=renewal
    )
    assert rules.RENEWAL_OF_RENEWAL.format(start="16/03/2026", end="27/03/2026") in errors["renewal_of"]


def test_a_renewal_with_another_objective_is_refused(create):
    original = create(objective=Objective.CONFIRM)
    errors = refusal(
        create, objective=Objective.RECRUIT, start=date(2026, 3, 16), end=date(2026, 3, 27), renewal_of=original
    )
    assert errors["renewal_of"] == [rules.RENEWAL_OTHER_OBJECTIVE.format(objective="Confirmer un projet professionnel")]


def test_a_renewal_of_another_persons_pmsmp_is_refused(create, structure, counsellor):
    original = create()
    other = PersonFactory(structure=structure)
    errors = refusal(
        create, person=other, contract=None, start=date(2026, 3, 16), end=date(2026, 3, 20), renewal_of=original
    )
    assert errors["renewal_of"] == [rules.RENEWAL_OF_ANOTHER_PERSON]


def test_two_conventions_with_a_host_pass_the_third_within_12_months_is_refused(create, structure):
    create(start=date(2026, 3, 2), end=date(2026, 3, 6))
    create(start=date(2026, 4, 6), end=date(2026, 4, 10))
    errors = refusal(create, start=date(2026, 6, 1), end=date(2026, 6, 5))
    assert len(errors["host"]) == 1 and "avec celle-ci, 3 conventions" in errors["host"][0]
    # With another host (another SIRET), the count is its own.
    assert create(host=HostCompanyFactory(structure=structure), start=date(2026, 6, 1), end=date(2026, 6, 5))


def test_a_renewal_counts_as_a_convention_of_its_own(create):
    original = create(objective=Objective.CONFIRM, start=date(2026, 3, 2), end=date(2026, 3, 6))
    create(objective=Objective.CONFIRM, start=date(2026, 3, 9), end=date(2026, 3, 13), renewal_of=original)
    errors = refusal(create, start=date(2026, 5, 4), end=date(2026, 5, 8))
    assert "avec celle-ci, 3 conventions" in errors["host"][0]


def test_sixty_days_with_a_host(create):
    create(start=date(2026, 3, 2), end=date(2026, 3, 31))  # 30 days
    errors = refusal(create, start=date(2026, 5, 1), end=date(2026, 5, 31))  # 31 days: 61
    assert "avec celle-ci, 61 jours" in errors["host"][0]
    assert create(start=date(2026, 5, 1), end=date(2026, 5, 30))  # 30 days: 60


def test_cancelled_conventions_do_not_count(create):
    first = create(start=date(2026, 3, 2), end=date(2026, 3, 6))
    create(start=date(2026, 4, 6), end=date(2026, 4, 10))
    services.immersion_update(immersion=first, status=ImmersionStatus.CANCELLED)
    assert create(start=date(2026, 6, 1), end=date(2026, 6, 5))


def test_every_broken_rule_is_named_at_once(create):
    create(start=date(2026, 3, 2), end=date(2026, 3, 6))
    create(start=date(2026, 4, 6), end=date(2026, 4, 10))
    errors = refusal(create, start=date(2026, 5, 4), end=date(2026, 6, 30))
    assert rules.TOO_LONG.format(start="04/05/2026", maximum="03/06/2026") in errors["end"]
    assert any("3 conventions" in message for message in errors["host"])
    assert any("jours" in message for message in errors["host"])


def test_two_pmsmp_of_a_person_never_overlap(create, structure):
    create()
    other_host = HostCompanyFactory(structure=structure, siret=valid_siret(9001))
    errors = refusal(create, host=other_host, start=date(2026, 3, 13), end=date(2026, 3, 20))
    assert errors["start"] == [rules.OVERLAP.format(start="02/03/2026", end="13/03/2026")]


def test_update_keeps_the_rules_and_leaves_itself_out(create):
    immersion = create()
    assert services.immersion_update(immersion=immersion, end=date(2026, 3, 20)).end == date(2026, 3, 20)
    errors = refusal(services.immersion_update, immersion=immersion, status=ImmersionStatus.DONE)
    assert errors["status"] == [rules.STATUS_NOT_STARTED.format(start="02/03/2026", status="Réalisée")]
    with pytest.raises(ValidationError):
        services.immersion_update(immersion=immersion, end=date(2026, 4, 3))


def test_evaluation_and_outcome(create):
    immersion = create(start=date(2026, 2, 16), end=date(2026, 2, 27), status=ImmersionStatus.DONE)
    services.immersion_evaluate(
        immersion=immersion, evaluated_on=date(2026, 2, 27), punctuality="4", integration="3", evaluation_text="Bien"
    )
    immersion.refresh_from_db()
    assert (immersion.evaluated_on, immersion.punctuality, immersion.skills) == (date(2026, 2, 27), "4", "")
    errors = refusal(services.immersion_evaluate, immersion=immersion, evaluated_on=date(2026, 3, 2))
    assert errors["evaluated_on"] == [rules.EVALUATION_DATE.format(start="16/02/2026", today="01/03/2026")]
    services.immersion_record_outcome(immersion=immersion, outcome=Outcome.HIRED_CDD, outcome_date=date(2026, 4, 1))
    immersion.refresh_from_db()
    assert immersion.is_hired
    errors = refusal(
        services.immersion_record_outcome, immersion=immersion, outcome=Outcome.NOT_HIRED, outcome_date=date(2026, 2, 1)
    )
    assert errors["outcome_date"] == [rules.OUTCOME_BEFORE_START.format(start="16/02/2026")]


def test_a_cancelled_pmsmp_has_no_evaluation(create):
    immersion = create()
    services.immersion_update(immersion=immersion, status=ImmersionStatus.CANCELLED)
    with pytest.raises(ValidationError) as caught:
        services.immersion_evaluate(immersion=immersion, evaluated_on=date(2026, 3, 1))
    assert caught.value.messages == [rules.CANCELLED_NO_FOLLOW_UP]


def test_a_quarter_of_the_cddi_warns_and_does_not_refuse(create, person):
    short = ContractFactory(person=person, start=date(2026, 8, 1), initial_end=date(2026, 11, 28))  # 120 days
    first = create(contract=short, start=date(2026, 8, 3), end=date(2026, 9, 1))  # 30 days
    assert immersion_warnings(first) == []
    other_host = HostCompanyFactory(structure=person.structure, siret=valid_siret(9002))
    second = create(contract=short, host=other_host, start=date(2026, 9, 7), end=date(2026, 9, 7))
    assert immersion_warnings(second) == [rules.CDDI_SHARE_WARNING.format(days=31, percent="25,8", contract_days=120)]


def test_host_company_siret_is_validated(counsellor, structure):
    with pytest.raises(ValidationError) as caught:
        services.host_company_create(
            actor=counsellor,
            structure=structure,
            name="Paysages du Lez",
            siret="12345678901234",
            address="1 rue",
            postal_code="34000",
            city="Montpellier",
            activity="Paysagiste",
        )
    assert "siret" in caught.value.message_dict
    host = services.host_company_create(
        actor=counsellor,
        structure=structure,
        name="Paysages du Lez",
        siret=f"{valid_siret(77)[:9]} {valid_siret(77)[9:]}",  # typed with a space
        address="1 rue",
        postal_code="34000",
        city="Montpellier",
        activity="Paysagiste",
        naf_code="81.30z",
    )
    assert (host.siret, host.naf_code) == (valid_siret(77), "81.30Z")
    with pytest.raises(ValidationError) as caught:
        services.host_company_update(host=host, naf_code="8130")
    assert "naf_code" in caught.value.message_dict
