"""The eligibility rules through the services, at their boundaries, with frozen time."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from tremplin.accounts.enums import Role
from tremplin.eligibility import rules, services
from tremplin.eligibility.enums import ApprovalSuspensionReason, AuthorKind, Criterion, ProlongationReason
from tremplin.eligibility.models import Approval, ApprovalSuspension, DiagnosisCriterion, EligibilityDiagnosis
from tremplin.eligibility.services import CriterionProof
from tremplin.eligibility.tests.factories import ApprovalFactory, PartnerFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def actor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure)


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Léa", last_name="Morel", birth_date=date(1990, 6, 15))


@pytest.fixture
def prescriber(structure):
    return PartnerFactory(organisation=structure.organisation, name="France Travail Montpellier")


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def diagnose(actor, person, criteria, made_on=date(2026, 1, 15), author_kind=AuthorKind.EMPLOYER, **kwargs):
    return services.diagnosis_create(
        actor=actor, person=person, author_kind=author_kind, made_on=made_on, criteria=criteria, **kwargs
    )


# Diagnoses


def test_a_prescriber_diagnosis_is_valid_six_months(actor, person, prescriber):
    diagnosis = diagnose(
        actor,
        person,
        [Criterion.RSA],
        author_kind=AuthorKind.PRESCRIBER,
        author_partner=prescriber,
        author_name="Karim Haddad",
    )
    assert diagnosis.expires_on == date(2026, 7, 14)
    assert diagnosis.author_partner == prescriber
    assert [c.criterion for c in diagnosis.criteria.all()] == [Criterion.RSA]
    assert diagnosis.get_additional_data() == {"structure_id": person.structure_id, "person_id": person.pk}


def test_an_employer_diagnosis_is_valid_92_days(actor, person):
    diagnosis = diagnose(actor, person, [Criterion.QPV, Criterion.MOBILITY, Criterion.HOUSING])
    assert diagnosis.expires_on == date(2026, 4, 16)
    assert diagnosis.criteria.count() == 3


def test_criteria_carry_their_proofs_and_count_once(actor, person):
    proof = SimpleUploadedFile("attestation.pdf", b"%PDF-1.4", content_type="application/pdf")
    diagnosis = diagnose(
        actor,
        person,
        [CriterionProof(Criterion.RSA, proof_note="Attestation CAF de janvier", proof=proof), Criterion.RSA],
    )
    line = DiagnosisCriterion.objects.get(diagnosis=diagnosis)
    assert line.proof_note == "Attestation CAF de janvier"
    assert line.proof.name.startswith(f"eligibility/proofs/{person.structure_id}/{person.pk}/")  # under its ACI


def test_two_level_2_criteria_are_refused(actor, person):
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.QPV, Criterion.MOBILITY])
    assert error.value.message_dict == {
        "criteria": [
            "Les critères ne permettent pas l'embauche en ACI : il faut 1 critère de niveau 1, "
            "ou au moins 3 critères de niveau 2 (2 renseignés)."
        ]
    }
    assert not EligibilityDiagnosis.objects.exists()


def test_no_criterion_is_refused(actor, person):
    with pytest.raises(ValidationError, match="aucun renseigné"):
        diagnose(actor, person, [])


def test_unknown_criterion_is_refused(actor, person):
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, ["lottery_winner"])
    assert error.value.message_dict == {"criteria": ["Critère d'éligibilité inconnu : « lottery_winner »."]}


def test_made_on_cannot_be_in_the_future(actor, person):
    diagnose(actor, person, [Criterion.RSA], made_on=TODAY)
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.RSA], made_on=date(2026, 11, 24))
    assert error.value.message_dict == {"made_on": ["La date du diagnostic (24/11/2026) ne peut être dans le futur."]}


def test_a_prescriber_diagnosis_names_a_prescriber_of_the_directory(actor, person, structure):
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.RSA], author_kind=AuthorKind.PRESCRIBER)
    assert error.value.message_dict == {"author_partner": [services.PRESCRIBER_REQUIRED]}
    foreign = PartnerFactory()  # another organisation's directory
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.RSA], author_kind=AuthorKind.PRESCRIBER, author_partner=foreign)
    assert error.value.message_dict == {"author_partner": [services.PARTNER_NOT_IN_DIRECTORY]}


def test_an_employer_diagnosis_names_no_prescriber(actor, person, prescriber):
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.RSA], author_partner=prescriber)
    assert error.value.message_dict == {"author_partner": [services.EMPLOYER_NO_PARTNER]}


def test_age_criteria_must_match_the_birth_date(actor, person):
    with pytest.raises(ValidationError) as error:
        diagnose(actor, person, [Criterion.SENIOR_50, Criterion.QPV, Criterion.MOBILITY])
    assert "Léa Morel a 35 ans au 15/01/2026" in messages(error.value)
    with pytest.raises(ValidationError, match="Moins de 26 ans"):
        diagnose(actor, person, [Criterion.UNDER_26, Criterion.QPV, Criterion.MOBILITY])


def test_the_database_requires_a_partner_for_a_prescriber_diagnosis(actor, person):
    with pytest.raises(IntegrityError), transaction.atomic():
        EligibilityDiagnosis.objects.create(
            person=person,
            author_kind=AuthorKind.PRESCRIBER,
            made_on=date(2026, 1, 15),
            expires_on=date(2026, 7, 14),
            created_by=actor,
        )


# PASS IAE


def record(actor, person, number="XXXXX2612345", start=date(2026, 1, 1)):
    return services.approval_record(actor=actor, person=person, number=number, start=start)


def test_a_pass_lasts_730_days(actor, person):
    approval = record(actor, person, number="xxxxx 26 12345")
    assert approval.number == "XXXXX2612345"
    assert approval.end == date(2027, 12, 31)
    assert approval.effective_end == date(2027, 12, 31)
    assert approval.get_additional_data() == {"structure_id": person.structure_id, "person_id": person.pk}


def test_a_bad_number_is_refused(actor, person):
    with pytest.raises(ValidationError) as error:
        record(actor, person, number="XXXXX26123")
    assert error.value.message_dict == {"number": [rules.APPROVAL_NUMBER_FORMAT.format(number="XXXXX26123")]}


def test_a_number_is_recorded_once(actor, person, structure):
    record(actor, person)
    other = PersonFactory(structure=structure)
    with pytest.raises(ValidationError) as error:
        record(actor, other, start=date(2026, 3, 1))
    assert error.value.message_dict == {"number": [services.APPROVAL_NUMBER_TAKEN]}


def test_the_same_number_may_be_recorded_in_another_aci(actor, person):
    """The same human, recorded in two ACI, keeps one PASS; neither ACI learns of the other."""
    record(actor, person)
    record(actor, PersonFactory(structure=StructureFactory()), start=date(2026, 3, 1))


def test_two_pass_of_one_person_cannot_overlap(actor, person):
    record(actor, person)
    with pytest.raises(ValidationError) as error:
        record(actor, person, number="XXXXX2799999", start=date(2027, 12, 31))
    assert error.value.message_dict == {
        "start": [
            "Cette personne a déjà le PASS IAE n° XXXXX2612345, valable du 01/01/2026 au 31/12/2027 : "
            "deux PASS IAE ne peuvent se chevaucher."
        ]
    }
    record(actor, person, number="XXXXX2799999", start=date(2028, 1, 1))


def test_the_database_refuses_a_badly_formed_number(actor, person):
    with pytest.raises(IntegrityError), transaction.atomic():
        Approval.objects.create(
            person=person, number="xxxxx2612345", start=date(2026, 1, 1), end=date(2027, 12, 31), created_by=actor
        )


# Suspensions


def suspend(actor, approval, start, end, reason=ApprovalSuspensionReason.CONTRACT_BROKEN):
    return services.approval_suspend(actor=actor, approval=approval, reason=reason, start=start, end=end)


def test_a_20_day_suspension_pushes_the_end_by_20_days(actor, person):
    approval = record(actor, person)
    suspension = suspend(actor, approval, date(2026, 6, 1), date(2026, 6, 20))
    assert suspension.get_additional_data() == {"structure_id": person.structure_id, "person_id": person.pk}
    approval = Approval.objects.get(pk=approval.pk)
    assert approval.end == date(2027, 12, 31)  # the initial end does not change
    assert approval.effective_end == date(2028, 1, 20)


def test_suspensions_cannot_overlap(actor, person):
    approval = record(actor, person)
    suspend(actor, approval, date(2026, 6, 1), date(2026, 6, 20))
    with pytest.raises(ValidationError) as error:
        suspend(actor, approval, date(2026, 6, 20), date(2026, 7, 10))
    assert error.value.message_dict == {
        "start": ["Une suspension du PASS IAE couvre déjà la période du 01/06/2026 au 20/06/2026."]
    }
    suspend(actor, approval, date(2026, 6, 21), date(2026, 7, 10))
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2028, 2, 9)


def test_a_suspension_starts_during_the_pass(actor, person):
    approval = record(actor, person)
    with pytest.raises(ValidationError) as error:
        suspend(actor, approval, date(2025, 12, 31), date(2026, 1, 10))
    assert error.value.message_dict == {
        "start": ["La suspension doit commencer pendant le PASS IAE (du 01/01/2026 au 31/12/2027)."]
    }
    with pytest.raises(ValidationError):
        suspend(actor, approval, date(2028, 1, 1), date(2028, 1, 10))
    suspend(actor, approval, date(2027, 12, 31), date(2028, 1, 10))  # its last day, then pushed
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2028, 1, 11)


def test_a_suspension_ends_after_it_starts(actor, person):
    approval = record(actor, person)
    with pytest.raises(ValidationError) as error:
        suspend(actor, approval, date(2026, 6, 20), date(2026, 6, 1))
    assert list(error.value.message_dict) == ["end"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints are PostgreSQL only")
def test_postgresql_refuses_overlapping_suspensions_written_outside_the_services(actor, person):
    approval = ApprovalFactory(person=person)
    ApprovalSuspension.objects.create(
        approval=approval, reason="contract_broken", start=date(2026, 6, 1), end=date(2026, 6, 20), created_by=actor
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ApprovalSuspension.objects.create(
            approval=approval,
            reason="contract_broken",
            start=date(2026, 6, 20),
            end=date(2026, 6, 30),
            created_by=actor,
        )


# Prolongations


def prolong(actor, approval, reason, end, **kwargs):
    return services.approval_prolong(
        actor=actor, approval=approval, reason=reason, end=end, decided_by="France Travail", **kwargs
    )


def test_a_prolongation_starts_the_day_after_the_end_in_force(actor, person):
    approval = record(actor, person)
    prolongation = prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2028, 12, 31))
    assert prolongation.start == date(2028, 1, 1)
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2028, 12, 31)
    assert prolongation.get_additional_data() == {"structure_id": person.structure_id, "person_id": person.pk}


def test_a_prolongation_after_a_suspension_starts_after_the_pushed_end(actor, person):
    approval = record(actor, person)
    suspend(actor, approval, date(2026, 6, 1), date(2026, 6, 20))
    prolongation = prolong(actor, approval, ProlongationReason.TRAINING_END, date(2028, 9, 30))
    assert prolongation.start == date(2028, 1, 21)
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2028, 9, 30)


def test_a_prolongation_is_12_months_at_most(actor, person):
    approval = record(actor, person)
    with pytest.raises(ValidationError) as error:
        prolong(actor, approval, ProlongationReason.TRAINING_END, date(2029, 1, 1))
    assert error.value.message_dict == {
        "end": [
            "Une prolongation du PASS IAE vaut 12 mois au plus : commençant le 01/01/2028, "
            "elle finit le 31/12/2028 au plus tard."
        ]
    }


def test_rqth_prolongations_stop_at_5_years(actor, person):
    person.rqth = True
    person.save()
    approval = record(actor, person)
    for year in (2028, 2029, 2030):
        prolong(actor, approval, ProlongationReason.RQTH, date(year, 12, 31))
    with pytest.raises(ValidationError) as error:
        prolong(actor, approval, ProlongationReason.RQTH, date(2031, 1, 1))
    assert "doit finir le 31/12/2030 au plus tard" in messages(error.value)
    # Another reason with a longer cap may go on, here a training in progress.
    prolong(actor, approval, ProlongationReason.TRAINING_END, date(2031, 3, 31))
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2031, 3, 31)


def test_senior_prolongations_stop_at_7_years(actor, structure):
    senior = PersonFactory(structure=structure, birth_date=date(1970, 1, 1))
    approval = record(actor, senior)
    for year in range(2028, 2033):
        prolong(actor, approval, ProlongationReason.SENIOR_50, date(year, 12, 31))
    with pytest.raises(ValidationError, match="ne peut dépasser 7 ans"):
        prolong(actor, approval, ProlongationReason.SENIOR_50, date(2033, 1, 1))


def test_suspended_days_do_not_count_in_the_cap(actor, person):
    approval = record(actor, person)
    suspend(actor, approval, date(2026, 6, 1), date(2026, 6, 20))
    prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2029, 1, 20))
    prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2030, 1, 20))
    prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2030, 6, 30))
    with pytest.raises(ValidationError, match="doit finir le 20/01/2031 au plus tard"):
        prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2031, 1, 21))
    prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2031, 1, 20))


def test_senior_and_cdi_inclusion_prolongations_need_the_age(actor, person):
    approval = record(actor, person)
    with pytest.raises(ValidationError) as error:
        prolong(actor, approval, ProlongationReason.SENIOR_50, date(2028, 12, 31))
    assert "Léa Morel a 37 ans au 01/01/2028" in error.value.message_dict["reason"][0]
    with pytest.raises(ValidationError, match="57 ans"):
        prolong(actor, approval, ProlongationReason.CDI_INCLUSION_57, date(2028, 12, 31))
    with pytest.raises(ValidationError, match="n'est pas enregistrée pour Léa Morel"):
        prolong(actor, approval, ProlongationReason.RQTH, date(2028, 12, 31))


def test_cdi_inclusion_prolongations_have_no_cap(actor, structure):
    person = PersonFactory(structure=structure, birth_date=date(1960, 1, 1))
    approval = record(actor, person)
    for year in range(2028, 2036):
        prolong(actor, approval, ProlongationReason.CDI_INCLUSION_57, date(year, 12, 31))
    assert Approval.objects.get(pk=approval.pk).effective_end == date(2035, 12, 31)


def test_prolongation_needs_a_decision_maker(actor, person):
    approval = record(actor, person)
    with pytest.raises(ValidationError) as error:
        services.approval_prolong(
            actor=actor, approval=approval, reason=ProlongationReason.TRAINING_END, end=date(2028, 6, 30), decided_by=""
        )
    assert "decided_by" in error.value.message_dict


def test_a_prolongation_decision_is_a_checked_document_stored_under_its_aci(actor, person, settings, tmp_path):
    # issue 13, defect 4: a 30 MB Windows executable was accepted as the decision
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    approval = record(actor, person)
    program = SimpleUploadedFile("decision.exe", b"MZ\x90\x00" + b"\x00" * (30 * 1024 * 1024))
    with pytest.raises(ValidationError, match="PDF, JPEG ou PNG seulement"):
        prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2028, 12, 31), document=program)
    big = SimpleUploadedFile("decision.pdf", b"%PDF-1.7" + b"0" * (11 * 1024 * 1024))
    with pytest.raises(ValidationError, match="dépasse 10 Mo"):
        prolong(actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2028, 12, 31), document=big)
    pdf = SimpleUploadedFile("decision.pdf", b"%PDF-1.7 decision")
    prolongation = prolong(
        actor, approval, ProlongationReason.PARTICULAR_DIFFICULTIES, date(2028, 12, 31), document=pdf
    )
    assert prolongation.document.name.startswith(f"eligibility/prolongations/{person.structure_id}/{person.pk}/")
