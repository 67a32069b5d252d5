"""The CDDI rules through the services, at their boundaries, with frozen time."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tremplin.accounts.enums import Role
from tremplin.contracts import rules, services
from tremplin.contracts.enums import (
    EXIT_CATEGORY,
    ContractKind,
    DerogationKind,
    EarlyEndReason,
    ExitCategory,
    ExitReason,
    SuspensionKind,
)
from tremplin.contracts.models import Contract
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import ApprovalFactory, EligibilityDiagnosisFactory
from tremplin.people.tests.factories import PersonFactory

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


@pytest.fixture
def actor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure)


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Léa", last_name="Morel", birth_date=date(1990, 6, 15))


def hire(actor, person, start, end, hours="26", pay="12.02", eligible=True, **kwargs):
    if eligible:  # an employer's diagnosis made on the start day (valid 92 days)
        EligibilityDiagnosisFactory(person=person, made_on=start)
    return services.contract_create(
        actor=actor,
        person=person,
        start=start,
        end=end,
        weekly_hours=Decimal(hours),
        hourly_pay=Decimal(pay),
        job_label="Agent d'entretien des espaces verts",
        **kwargs,
    )


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def derogation(actor, person, kind, start, end, **kwargs):
    return services.derogation_record(
        actor=actor,
        structure=person.structure,
        person=person,
        kind=kind,
        reason="Décision de la DDETS",
        decision_date=date(2026, 11, 2),
        decided_by="DDETS de l'Hérault",
        start=start,
        end=end,
        **kwargs,
    )


# Eligibility


def test_hiring_needs_a_valid_diagnosis_or_pass(actor, person):
    with pytest.raises(ValidationError) as error:
        hire(actor, person, date(2026, 3, 1), date(2026, 6, 30), eligible=False)
    assert "Embauche impossible au 01/03/2026" in messages(error.value)
    EligibilityDiagnosisFactory(person=person, made_on=date(2025, 11, 1))  # expired on 31/01/2026
    with pytest.raises(ValidationError, match="a expiré le 31/01/2026"):
        hire(actor, person, date(2026, 3, 1), date(2026, 6, 30), eligible=False)
    ApprovalFactory(person=person, start=date(2026, 2, 1))
    hire(actor, person, date(2026, 3, 1), date(2026, 6, 30), eligible=False)


# Minimum duration


def test_exactly_four_months_is_accepted(actor, person):
    contract = hire(actor, person, date(2026, 3, 1), date(2026, 6, 30))
    assert contract.end == date(2026, 6, 30)
    assert contract.trial_period_end == date(2026, 3, 14)


def test_one_day_short_of_four_months_is_refused(actor, person):
    with pytest.raises(ValidationError) as error:
        hire(actor, person, date(2026, 3, 1), date(2026, 6, 29))
    assert rules.TOO_SHORT.format(start="01/03/2026", minimum="30/06/2026") in messages(error.value)
    assert not Contract.objects.exists()


def test_sentence_adjustment_allows_a_shorter_contract(actor, person):
    contract = hire(actor, person, date(2026, 3, 1), date(2026, 4, 30), sentence_adjustment=True)
    assert contract.sentence_adjustment


# The 24-month cap


def test_a_single_contract_of_24_months_to_the_day(actor, person):
    hire(actor, person, date(2025, 1, 1), date(2026, 12, 31))


def test_a_single_contract_one_day_over_24_months_is_refused(actor, person):
    with pytest.raises(ValidationError) as error:
        hire(actor, person, date(2025, 1, 1), date(2027, 1, 1))
    text = messages(error.value)
    assert "dépasserait 24 mois" in text
    assert "la limite est atteinte le 31/12/2026" in text
    assert "du 01/01/2027 au 01/01/2027" in text


def test_leap_year_start_on_29_february(actor, person):
    hire(actor, person, date(2024, 2, 29), date(2026, 2, 28))
    other = PersonFactory(structure=person.structure)
    with pytest.raises(ValidationError):
        hire(actor, other, date(2024, 2, 29), date(2026, 3, 1))


def test_renewals_count_in_the_cap(actor, person):
    contract = hire(actor, person, date(2025, 1, 1), date(2025, 6, 30))
    services.contract_renew(actor=actor, contract=contract, until=date(2025, 12, 31))
    services.contract_renew(actor=actor, contract=contract, until=date(2026, 12, 31))
    with pytest.raises(ValidationError) as error:
        services.contract_renew(actor=actor, contract=contract, until=date(2027, 1, 31))
    assert "until" in error.value.message_dict
    assert "enregistrez d'abord une dérogation" in messages(error.value)
    contract.refresh_from_db()
    assert contract.end == date(2026, 12, 31)
    assert contract.initial_end == date(2025, 6, 30)
    assert [(a.previous_end, a.new_end) for a in contract.amendments.all()] == [
        (date(2025, 6, 30), date(2025, 12, 31)),
        (date(2025, 12, 31), date(2026, 12, 31)),
    ]


def test_back_to_back_contracts_share_the_cap(actor, person):
    hire(actor, person, date(2025, 1, 1), date(2025, 12, 31))
    hire(actor, person, date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="dépasserait 24 mois"):
        hire(actor, person, date(2027, 1, 1), date(2027, 4, 30))


def test_contracts_with_a_gap_add_up_their_days(actor, person):
    hire(actor, person, date(2024, 1, 1), date(2024, 12, 31))  # 366 days (leap year)
    second = hire(actor, person, date(2026, 1, 1), date(2026, 12, 30))  # 364 days
    # 24 months from 1 January 2024 are 731 days: one more day is allowed, not two.
    services.contract_renew(actor=actor, contract=second, until=date(2026, 12, 31))
    with pytest.raises(ValidationError, match="dépasserait 24 mois"):
        services.contract_renew(actor=actor, contract=second, until=date(2027, 1, 1))


def test_a_derogation_allows_the_renewal_then_its_end_stops_it(actor, person):
    person.rqth = True
    person.save()
    contract = hire(actor, person, date(2025, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError):
        services.contract_renew(actor=actor, contract=contract, until=date(2027, 6, 30))
    derogation(actor, person, DerogationKind.SENIOR_OR_RQTH, date(2027, 1, 1), date(2027, 12, 31))
    amendment = services.contract_renew(actor=actor, contract=contract, until=date(2027, 6, 30))
    assert amendment.derogations.count() == 1
    with pytest.raises(ValidationError) as error:
        services.contract_renew(actor=actor, contract=contract, until=date(2028, 1, 31))
    assert "du 01/01/2028 au 31/01/2028" in messages(error.value)


def test_training_derogation_goes_to_the_end_of_the_training(actor, person):
    contract = hire(actor, person, date(2025, 1, 1), date(2026, 12, 31))
    derogation(actor, person, DerogationKind.TRAINING, date(2027, 1, 1), date(2027, 3, 15))
    services.contract_renew(actor=actor, contract=contract, until=date(2027, 3, 15))
    with pytest.raises(ValidationError):
        services.contract_renew(actor=actor, contract=contract, until=date(2027, 3, 16))


def test_sixty_month_ceiling_even_with_successive_derogations(actor, person):
    person.rqth = True
    person.save()
    contract = hire(actor, person, date(2023, 1, 1), date(2024, 12, 31))
    for year in (2025, 2026, 2028):
        derogation(actor, person, DerogationKind.SENIOR_OR_RQTH, date(year, 1, 1), date(year, 12, 31))
    derogation(actor, person, DerogationKind.PARTICULAR_DIFFICULTIES, date(2027, 1, 1), date(2027, 12, 31))
    services.contract_renew(actor=actor, contract=contract, until=date(2027, 12, 31))  # 60 months
    with pytest.raises(ValidationError) as error:
        services.contract_renew(actor=actor, contract=contract, until=date(2028, 1, 1))
    assert "ne peut dépasser 60 mois" in messages(error.value)
    assert "la limite est atteinte le 31/12/2027" in messages(error.value)
    derogation(actor, person, DerogationKind.TRAINING, date(2028, 1, 1), date(2028, 2, 29))
    services.contract_renew(actor=actor, contract=contract, until=date(2028, 2, 29))


# Derogations


def test_derogation_is_12_months_at_most(actor, person):
    person.rqth = True
    person.save()
    with pytest.raises(ValidationError) as error:
        derogation(actor, person, DerogationKind.SENIOR_OR_RQTH, date(2027, 1, 1), date(2028, 1, 1))
    assert "jusqu'au 31/12/2027 au plus tard" in messages(error.value)


def test_derogation_decision_cannot_be_in_the_future(actor, person):
    with pytest.raises(ValidationError, match="ne peut être dans le futur"):
        services.derogation_record(
            actor=actor,
            structure=person.structure,
            person=person,
            kind=DerogationKind.TRAINING,
            reason="x",
            decision_date=date(2026, 11, 24),
            decided_by="DDETS",
            start=date(2027, 1, 1),
            end=date(2027, 2, 1),
        )


def test_senior_derogation_needs_50_or_rqth(actor, person):
    with pytest.raises(ValidationError) as error:
        derogation(actor, person, DerogationKind.SENIOR_OR_RQTH, date(2027, 1, 1), date(2027, 6, 30))
    assert "Léa Morel a 36 ans au 01/01/2027" in messages(error.value)
    senior = PersonFactory(structure=person.structure, birth_date=date(1976, 12, 31))
    derogation(actor, senior, DerogationKind.SENIOR_OR_RQTH, date(2027, 1, 1), date(2027, 6, 30))


# Weekly hours


def test_weekly_hours_between_20_and_35(actor, person):
    hire(actor, person, date(2026, 1, 1), date(2026, 6, 30), hours="35")
    other = PersonFactory(structure=person.structure)
    with pytest.raises(ValidationError) as error:
        hire(actor, other, date(2026, 1, 1), date(2026, 6, 30), hours="35.5")
    assert error.value.message_dict["weekly_hours"] == [rules.HOURS_ABOVE_MAX.format(hours="35,5")]
    with pytest.raises(ValidationError) as error:
        hire(actor, other, date(2026, 1, 1), date(2026, 6, 30), hours="19")
    assert "demande une dérogation individuelle (D5132-43-5) ou collective" in messages(error.value)
    hire(actor, other, date(2026, 1, 1), date(2026, 6, 30), hours="20")


def test_individual_low_hours_derogation_must_cover_the_whole_period(actor, person):
    derogation(actor, person, DerogationKind.LOW_HOURS_INDIVIDUAL, date(2026, 1, 1), date(2026, 5, 31))
    with pytest.raises(ValidationError):
        hire(actor, person, date(2026, 1, 1), date(2026, 6, 30), hours="15")
    hire(actor, person, date(2026, 1, 1), date(2026, 5, 31), hours="15", sentence_adjustment=False)


def test_collective_low_hours_derogation_covers_everyone(actor, person):
    services.derogation_record(
        actor=actor,
        structure=person.structure,
        kind=DerogationKind.LOW_HOURS_COLLECTIVE,
        reason="Public très éloigné de l'emploi",
        decision_date=date(2026, 1, 2),
        decided_by="Préfet de l'Hérault",
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
    )
    hire(actor, person, date(2026, 2, 1), date(2026, 7, 31), hours="18")


def test_change_of_hours_is_an_amendment_with_the_rule(actor, person):
    contract = hire(actor, person, date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError):
        services.contract_change_hours(
            actor=actor, contract=contract, effective_date=date(2026, 6, 1), weekly_hours=Decimal(18)
        )
    amendment = services.contract_change_hours(
        actor=actor, contract=contract, effective_date=date(2026, 6, 1), weekly_hours=Decimal(30)
    )
    contract.refresh_from_db()
    assert (amendment.previous_weekly_hours, contract.weekly_hours, contract.initial_weekly_hours) == (
        Decimal(26),
        Decimal(30),
        Decimal(26),
    )


# Pay


def test_pay_follows_the_smic_in_force_at_the_start(actor, person):
    hire(actor, person, date(2025, 7, 1), date(2025, 12, 31), pay="11.88")
    other = PersonFactory(structure=person.structure)
    with pytest.raises(ValidationError) as error:
        hire(actor, other, date(2026, 1, 1), date(2026, 6, 30), pay="11.88")
    assert error.value.message_dict["hourly_pay"] == [
        "Le salaire horaire (11,88 EUR) est inférieur au SMIC horaire en vigueur le 01/01/2026 (12,02 EUR)."
    ]


def test_no_known_smic_refuses(actor, person):
    with pytest.raises(ValidationError, match="Aucun SMIC horaire n'est connu au 01/01/2010"):
        hire(actor, person, date(2010, 1, 1), date(2010, 6, 30))


# Overlaps


def test_overlapping_contracts_are_refused(actor, person):
    hire(actor, person, date(2026, 1, 1), date(2026, 6, 30))
    with pytest.raises(ValidationError) as error:
        hire(actor, person, date(2026, 6, 30), date(2026, 12, 31))
    assert "déjà un contrat du 01/01/2026 au 30/06/2026" in messages(error.value)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only")
def test_postgresql_refuses_overlapping_rows_even_without_the_service(person):
    ContractFactory(person=person, start=date(2026, 1, 1), initial_end=date(2026, 6, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        ContractFactory(person=person, start=date(2026, 6, 1), initial_end=date(2026, 12, 31))


# CDI inclusion


def test_cdi_inclusion_rules(actor, structure):
    young = PersonFactory(structure=structure, birth_date=date(1970, 1, 2))  # 56 on 1 January 2027
    with pytest.raises(ValidationError, match="57 ans et plus"):
        hire(actor, young, date(2027, 1, 1), None, kind=ContractKind.CDI_INCLUSION)
    senior = PersonFactory(structure=structure, birth_date=date(1969, 6, 1))
    hire(actor, senior, date(2026, 1, 1), date(2026, 11, 30))  # 11 months of pathway
    with pytest.raises(ValidationError, match="au moins 12 mois de parcours"):
        hire(actor, senior, date(2026, 12, 1), None, kind=ContractKind.CDI_INCLUSION)
    services.contract_renew(actor=actor, contract=senior.contracts.get(), until=date(2026, 12, 31))
    with pytest.raises(ValidationError, match="au moins 24 heures"):
        hire(actor, senior, date(2027, 1, 1), None, kind=ContractKind.CDI_INCLUSION, hours="22")
    cdi = hire(actor, senior, date(2027, 1, 1), None, kind=ContractKind.CDI_INCLUSION, hours="24")
    assert cdi.end is None
    with pytest.raises(ValidationError, match="ne se renouvelle pas"):
        services.contract_renew(actor=actor, contract=cdi, until=date(2028, 1, 1))


# Suspensions, early end, exit


def test_suspensions_inside_the_contract_and_not_overlapping(actor, person):
    contract = hire(actor, person, date(2026, 1, 1), date(2026, 12, 31))
    services.suspension_record(
        actor=actor, contract=contract, kind=SuspensionKind.PMSMP, start=date(2026, 3, 2), end=date(2026, 3, 13)
    )
    with pytest.raises(ValidationError, match="couvre déjà la période du 02/03/2026 au 13/03/2026"):
        services.suspension_record(
            actor=actor, contract=contract, kind=SuspensionKind.OTHER, start=date(2026, 3, 13), end=date(2026, 3, 20)
        )
    with pytest.raises(ValidationError, match="pendant le contrat"):
        services.suspension_record(
            actor=actor, contract=contract, kind=SuspensionKind.OTHER, start=date(2026, 12, 20), end=date(2027, 1, 5)
        )


def test_early_end_to_a_cdi_then_exit_in_the_durable_category(actor, person):
    contract = hire(actor, person, date(2026, 1, 1), date(2026, 12, 31))
    services.contract_end_early(
        actor=actor, contract=contract, on=date(2026, 5, 31), reason=EarlyEndReason.HIRED_ELSEWHERE
    )
    exit_ = services.exit_record(
        actor=actor,
        contract=contract,
        reason=ExitReason.CDI,
        next_employer="Jardins du Midi",
        next_contract_type="CDI",
    )
    assert exit_.exit_date == date(2026, 5, 31)
    assert exit_.category == ExitCategory.DURABLE
    assert [(f.months_after, f.due_date) for f in exit_.follow_ups.all()] == [
        (3, date(2026, 8, 31)),
        (6, date(2026, 11, 30)),
    ]
    with pytest.raises(ValidationError, match="a pris fin le 31/05/2026"):
        services.contract_renew(actor=actor, contract=contract, until=date(2027, 1, 31))
    with pytest.raises(ValidationError, match="déjà enregistrée"):
        services.exit_record(actor=actor, contract=contract, reason=ExitReason.CDI)


def test_every_exit_reason_has_a_dgefp_category():
    assert set(EXIT_CATEGORY) == set(ExitReason)
    assert EXIT_CATEGORY[ExitReason.QUALIFYING_TRAINING] == ExitCategory.POSITIVE
    assert EXIT_CATEGORY[ExitReason.CDD_UNDER_6] == ExitCategory.TRANSITION
    assert EXIT_CATEGORY[ExitReason.INCARCERATION] == ExitCategory.WITHDRAWN


def test_no_exit_while_another_contract_follows(actor, person):
    first = hire(actor, person, date(2025, 1, 1), date(2025, 6, 30))
    hire(actor, person, date(2025, 7, 1), date(2025, 12, 31))
    with pytest.raises(ValidationError, match="autre contrat en cours"):
        services.exit_record(actor=actor, contract=first, reason=ExitReason.CDI)


def test_production_support_of_another_structure_is_refused(actor, person):
    from tremplin.organisations.tests.factories import ProductionSupportFactory

    with pytest.raises(ValidationError, match="n'appartient pas à l'ACI"):
        hire(actor, person, date(2026, 1, 1), date(2026, 6, 30), production_support=ProductionSupportFactory())


def test_an_exit_counts_after_more_than_91_days(actor, person):
    from tremplin.contracts.selectors import exit_count_reason, exit_counts
    from tremplin.worktime.tests.factories import TimesheetEntryFactory

    contract = hire(actor, person, date(2026, 1, 1), date(2026, 6, 30))
    services.contract_end_early(actor=actor, contract=contract, on=date(2026, 4, 2), reason=EarlyEndReason.TRIAL_PERIOD)
    exit_ = services.exit_record(actor=actor, contract=contract, reason=ExitReason.JOB_SEEKER)
    assert exit_count_reason(exit_) == "aucune heure travaillée saisie en 2026"
    TimesheetEntryFactory(contract=contract, day=date(2026, 1, 5), hours=1)
    assert exit_counts(exit_)  # 1 January - 2 April 2026: 92 days, and 1 hour worked in 2026
    other = PersonFactory(structure=person.structure)
    short = hire(actor, other, date(2026, 1, 1), date(2026, 6, 30))
    services.contract_end_early(actor=actor, contract=short, on=date(2026, 4, 1), reason=EarlyEndReason.TRIAL_PERIOD)
    # 1 January - 1 April: 91 days, not "more than 91".
    TimesheetEntryFactory(contract=short, day=date(2026, 1, 5), hours=7)
    assert not exit_counts(services.exit_record(actor=actor, contract=short, reason=ExitReason.JOB_SEEKER))


def test_a_derogation_decision_is_a_checked_document_stored_under_its_aci(actor, person, settings, tmp_path):
    # issue 13, defect 4: an HTML page was accepted as the decision, stored flat for every ACI
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    page = SimpleUploadedFile("decision.pdf", b"<html><script>alert(1)</script></html>", content_type="text/html")
    with pytest.raises(ValidationError, match="PDF, JPEG ou PNG seulement"):
        derogation(actor, person, DerogationKind.TRAINING, date(2027, 1, 1), date(2027, 3, 15), document=page)
    pdf = SimpleUploadedFile("décision préfet Martin.pdf", b"%PDF-1.7 decision", content_type="application/pdf")
    decision = derogation(actor, person, DerogationKind.TRAINING, date(2027, 1, 1), date(2027, 3, 15), document=pdf)
    assert decision.document.name.startswith(f"derogations/{person.structure_id}/")
    assert "Martin" not in decision.document.name  # a random name: the original names the person
