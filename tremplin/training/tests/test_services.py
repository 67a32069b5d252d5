"""The writes: the rules applied with the clock frozen, the structure copied from the person,
the enrolments kept within their programme's ACI."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.people.tests.factories import PersonFactory
from tremplin.training import rules, services
from tremplin.training.enums import Employment, ExamResult, PhaseKind, TrainingResult
from tremplin.training.models import TrainingAction

from .factories import EnrolmentFactory, QualificationProgrammeFactory, TrainingActionFactory

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def _fields(**overrides):
    fields = {
        "title": "CACES R482 catégorie A",
        "kind": "caces",
        "organisation": "AFTRAL Montpellier",
        "funder": "opco",
        "start": date(2026, 3, 2),
        "end": date(2026, 3, 4),
        "hours": Decimal(21),
        "certification": "CACES R482 A",
    }
    return fields | overrides


def messages_of(error) -> dict:
    return error.value.message_dict


def test_a_training_is_recorded_in_the_person_structure(director, person):
    training = services.training_create(actor=director, person=person, **_fields(title="  CACES R482 A  "))
    assert training.structure_id == person.structure_id
    assert training.title == "CACES R482 A"
    assert training.result == TrainingResult.IN_PROGRESS


def test_a_training_ending_today_may_get_its_result_today(director, person):
    training = services.training_create(
        actor=director,
        person=person,
        **_fields(end=TODAY, result=TrainingResult.PASSED, result_on=TODAY, hours=Decimal(60)),
    )
    assert training.result == TrainingResult.PASSED


def test_a_result_before_the_end_is_refused(director, person):
    with pytest.raises(ValidationError) as error:
        services.training_create(
            actor=director,
            person=person,
            **_fields(end=date(2026, 3, 11), result=TrainingResult.PASSED, result_on=TODAY),
        )
    assert messages_of(error) == {"result": [rules.RESULT_BEFORE_END.format(result="Réussie", end="11/03/2026")]}
    assert not TrainingAction.objects.exists()


def test_a_result_dated_tomorrow_is_refused(director, person):
    with pytest.raises(ValidationError) as error:
        services.training_create(
            actor=director, person=person, **_fields(result=TrainingResult.FAILED, result_on=date(2026, 3, 11))
        )
    assert messages_of(error) == {"result_on": ["La date du résultat (11/03/2026) ne peut être dans le futur."]}


def test_implausible_hours_are_refused_on_the_hours_field(director, person):
    with pytest.raises(ValidationError) as error:
        services.training_create(actor=director, person=person, **_fields(hours=Decimal("30.5")))
    assert list(messages_of(error)) == ["hours"]
    services.training_create(actor=director, person=person, **_fields(hours=Decimal(30)))


def test_end_before_start_is_refused(director, person):
    with pytest.raises(ValidationError) as error:
        services.training_create(actor=director, person=person, **_fields(end=date(2026, 3, 1)))
    assert messages_of(error) == {
        "end": ["La fin de la formation (01/03/2026) ne peut précéder son début (02/03/2026)."]
    }


def test_update_applies_the_same_rules(director, person):
    training = TrainingActionFactory(person=person, start=date(2026, 3, 2), end=date(2026, 3, 4), hours=21)
    with pytest.raises(ValidationError):
        services.training_update(training=training, **_fields(result=TrainingResult.PASSED, certification=""))
    training.refresh_from_db()
    services.training_update(training=training, **_fields(result=TrainingResult.PARTIAL, result_on=TODAY))
    training.refresh_from_db()
    assert training.result == TrainingResult.PARTIAL and training.result_on == TODAY


def test_programme_and_phases(director, structure):
    with pytest.raises(ValidationError) as error:
        services.programme_create(
            actor=director,
            structure=structure,
            name="AQI",
            certification="TP AR",
            start=date(2026, 1, 5),
            end=date(2026, 1, 5),
        )
    assert list(messages_of(error)) == ["end"]
    programme = services.programme_create(
        actor=director,
        structure=structure,
        name=" AQI – agent de restauration collective ",
        certification="Titre professionnel Agent de restauration",
        start=date(2026, 1, 5),
        end=date(2026, 6, 26),
    )
    assert programme.name == "AQI – agent de restauration collective"
    phase = services.phase_add(programme=programme, kind=PhaseKind.COMPANY, weeks=8)
    with pytest.raises(ValidationError):
        services.phase_add(programme=programme, kind=PhaseKind.COMPANY, weeks=0)
    services.phase_delete(phase=phase)
    assert not programme.phases.exists()


def test_enrolment_rules(director, structure, other_structure):
    programme = QualificationProgrammeFactory(structure=structure, start=date(2026, 1, 5), end=date(2026, 6, 26))
    stranger = PersonFactory(structure=other_structure)
    with pytest.raises(ValidationError) as error:
        services.enrolment_create(actor=director, programme=programme, person=stranger, enrolled_on=date(2026, 1, 5))
    assert messages_of(error) == {"person": [rules.ENROLMENT_OTHER_STRUCTURE]}
    person = PersonFactory(structure=structure, first_name="Céline", last_name="Masson")
    enrolment = services.enrolment_create(
        actor=director, programme=programme, person=person, enrolled_on=date(2026, 1, 5)
    )
    with pytest.raises(ValidationError) as error:
        services.enrolment_create(actor=director, programme=programme, person=person, enrolled_on=date(2026, 1, 5))
    assert messages_of(error) == {"person": ["Céline Masson est déjà inscrit·e à ce programme."]}
    with pytest.raises(ValidationError) as error:
        services.enrolment_update(
            enrolment=enrolment, enrolled_on=date(2026, 1, 5), left_on=date(2026, 3, 11), employment=Employment.NO
        )
    assert messages_of(error) == {"left_on": ["La fin de parcours (11/03/2026) ne peut être dans le futur."]}
    services.enrolment_update(
        enrolment=enrolment,
        enrolled_on=date(2026, 1, 5),
        exam_result=ExamResult.PASSED,
        left_on=TODAY,
        employment=Employment.YES,
        job="CDI agent de restauration",
    )
    enrolment.refresh_from_db()
    assert enrolment.finished and enrolment.job == "CDI agent de restauration"


def test_employment_needs_the_end_of_the_pathway(director, structure):
    enrolment = EnrolmentFactory(programme__structure=structure)
    with pytest.raises(ValidationError) as error:
        services.enrolment_update(enrolment=enrolment, enrolled_on=enrolment.enrolled_on, employment=Employment.YES)
    assert messages_of(error) == {"employment": [rules.EMPLOYMENT_BEFORE_END]}
