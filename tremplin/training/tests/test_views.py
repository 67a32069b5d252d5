"""The training pages through HTTP: who reads, who writes, the French refusals, the rates as
shown, the query count of the lists."""

import html
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.training.enums import Employment, ExamResult, PhaseKind, TrainingResult
from tremplin.training.models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction

from .factories import EnrolmentFactory, ProgrammePhaseFactory, QualificationProgrammeFactory, TrainingActionFactory

TODAY = date(2026, 3, 10)


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Julien", last_name="Mercier")


@pytest.fixture
def training(person):
    return TrainingActionFactory(person=person, title="CACES R482 A", kind="caces")


@pytest.fixture
def programme(structure):
    return QualificationProgrammeFactory(structure=structure)


def login(client, make_member, role, structure):
    client.force_login(make_member(role, structure))
    return client


FORM = {
    "title": "CACES R482 catégorie A",
    "kind": "caces",
    "organisation": "AFTRAL Montpellier",
    "funder": "opco",
    "start": "2026-03-02",
    "end": "2026-03-04",
    "hours": "21,5",
    "certification": "CACES R482 A",
    "result": "in_progress",
    "result_on": "",
}


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF])
def test_managers_record_a_training_on_a_person(client, make_member, structure, person, role):
    login(client, make_member, role, structure)
    response = client.post(reverse("training:create", args=[person.pk]), FORM, follow=True)
    assert "La formation est enregistrée" in text(response)
    training = TrainingAction.objects.get()
    assert training.hours == Decimal("21.5") and training.person == person
    assert "CACES R482 catégorie A" in text(response)  # the person page's block


def test_a_refused_training_names_the_rule_and_keeps_what_was_typed(director_client, person):
    form = FORM | {"result": "passed", "result_on": "2026-03-10", "end": "2026-03-11"}
    response = director_client.post(reverse("training:create", args=[person.pk]), form)
    assert response.status_code == 200
    assert "ne s'enregistre qu'une fois la formation terminée : elle se termine le 11/03/2026" in text(response)
    assert 'value="AFTRAL Montpellier"' in text(response)
    assert not TrainingAction.objects.exists()


def test_update_a_training_with_its_result(director_client, training):
    form = FORM | {"end": "2026-03-04", "result": "passed", "result_on": "2026-03-05", "hours": "21"}
    response = director_client.get(reverse("training:update", args=[training.pk]))
    assert 'value="CACES R482 A"' in text(response)
    response = director_client.post(reverse("training:update", args=[training.pk]), form, follow=True)
    assert "La formation est enregistrée" in text(response)
    training.refresh_from_db()
    assert training.result == TrainingResult.PASSED and training.result_on == date(2026, 3, 5)


def test_supervisor_reads_the_list_but_does_not_write(client, make_member, structure, person, training):
    login(client, make_member, Role.SUPERVISOR, structure)
    response = client.get(reverse("training:list"))
    assert response.status_code == 200 and "CACES R482 A" in text(response)
    assert reverse("training:update", args=[training.pk]) not in text(response)
    assert client.get(reverse("training:create", args=[person.pk])).status_code == 404
    assert client.post(reverse("training:update", args=[training.pk]), FORM).status_code == 404
    assert client.get(reverse("training:programme_list")).status_code == 404
    page = text(client.get(reverse("people:detail", args=[person.pk])))
    assert "Formations et qualification" in page and "Ajouter une formation" not in page


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_get_404_everywhere(client, make_member, structure, person, training, programme, role):
    login(client, make_member, role, structure)
    phase = ProgrammePhaseFactory(programme=programme)
    enrolment = EnrolmentFactory(programme=programme, person=person)
    urls = [
        reverse("training:list"),
        reverse("training:create", args=[person.pk]),
        reverse("training:update", args=[training.pk]),
        reverse("training:programme_list"),
        reverse("training:programme_create"),
        reverse("training:programme_detail", args=[programme.pk]),
        reverse("training:programme_update", args=[programme.pk]),
        reverse("training:phase_add", args=[programme.pk]),
        reverse("training:enrol", args=[programme.pk]),
        reverse("training:phase_delete", args=[phase.pk]),
        reverse("training:enrolment_update", args=[enrolment.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert ProgrammePhase.objects.filter(pk=phase.pk).exists()


def test_list_filters_by_kind_and_result(director_client, person):
    TrainingActionFactory(person=person, title="CACES R482 A", kind="caces")
    TrainingActionFactory(
        person=person, title="SST initial", kind="safety", result="passed", result_on=date(2026, 3, 3)
    )
    page = text(director_client.get(reverse("training:list"), {"kind": "caces"}))
    assert "CACES R482 A" in page and "SST initial" not in page
    page = text(director_client.get(reverse("training:list"), {"result": "passed"}))
    assert "SST initial" in page and "CACES R482 A" not in page
    page = text(director_client.get(reverse("training:list"), {"start": "2026-04-01"}))
    assert "Aucune formation ne correspond" in page


def test_list_query_count_does_not_grow(director_client, structure, django_assert_max_num_queries):
    for _ in range(3):
        TrainingActionFactory(person=PersonFactory(structure=structure))
    with django_assert_max_num_queries(12) as captured:
        director_client.get(reverse("training:list"))
    few = len(captured)
    for _ in range(10):
        TrainingActionFactory(person=PersonFactory(structure=structure))
    with django_assert_max_num_queries(few):
        response = director_client.get(reverse("training:list"))
    assert "13 formations" in text(response)


def test_programme_list_query_count_does_not_grow(director_client, structure, django_assert_max_num_queries):
    programme = QualificationProgrammeFactory(structure=structure)
    EnrolmentFactory(programme=programme)
    with django_assert_max_num_queries(12) as captured:
        director_client.get(reverse("training:programme_list"))
    few = len(captured)
    for index in range(5):
        other = QualificationProgrammeFactory(structure=structure, name=f"AQI {index}")
        ProgrammePhaseFactory(programme=other)
        EnrolmentFactory(programme=other, exam_result=ExamResult.PASSED)
    with django_assert_max_num_queries(few):
        director_client.get(reverse("training:programme_list"))


def test_programme_journey(director_client, structure):
    response = director_client.post(
        reverse("training:programme_create"),
        {
            "name": "AQI – agent de restauration collective",
            "certification": "Titre professionnel Agent de restauration",
            "start": "2025-09-01",
            "end": "2026-02-27",
        },
        follow=True,
    )
    programme = QualificationProgramme.objects.get()
    assert response.redirect_chain[-1][0] == reverse("training:programme_detail", args=[programme.pk])
    page = text(response)
    assert "Taux de réussite à l'examen" in page and page.count("—") >= 2
    assert "ne compte que 0 semaine en entreprise" in page
    director_client.post(reverse("training:phase_add", args=[programme.pk]), {"kind": "company", "weeks": "8"})
    detail = reverse("training:programme_detail", args=[programme.pk])
    assert "semaine en entreprise" not in text(director_client.get(detail))
    hired = [PersonFactory(structure=structure) for _ in range(3)]
    for person in hired:
        ContractFactory(person=person)
    candidate = PersonFactory(structure=structure, last_name="Candidat")  # no contract: not offered
    page = text(director_client.get(reverse("training:enrol", args=[programme.pk])))
    assert "Candidat" not in page and hired[0].last_name in page
    for person in hired:
        director_client.post(
            reverse("training:enrol", args=[programme.pk]), {"person": person.pk, "enrolled_on": "2025-09-01"}
        )
    assert (
        director_client.post(
            reverse("training:enrol", args=[programme.pk]), {"person": candidate.pk, "enrolled_on": "2025-09-01"}
        ).status_code
        == 200
    )
    first, second, third = Enrolment.objects.order_by("pk")
    outcome = {"enrolled_on": "2025-09-01", "left_on": "2026-02-27"}
    director_client.post(
        reverse("training:enrolment_update", args=[first.pk]),
        outcome | {"exam_result": "passed", "employment": "yes", "job": "CDI agent de restauration"},
    )
    director_client.post(
        reverse("training:enrolment_update", args=[second.pk]), outcome | {"exam_result": "passed", "employment": "no"}
    )
    response = director_client.post(
        reverse("training:enrolment_update", args=[third.pk]),
        outcome | {"exam_result": "failed", "employment": "yes", "job": ""},
    )
    assert "Précisez l'emploi occupé" in text(response)
    director_client.post(
        reverse("training:enrolment_update", args=[third.pk]),
        outcome | {"exam_result": "failed", "employment": "unknown"},
    )
    page = text(director_client.get(reverse("training:programme_detail", args=[programme.pk])))
    assert "66,7 %" in page  # 2 passed of 3 who sat the exam
    assert "33,3 %" in page  # 1 employed of 3 who finished
    assert Enrolment.objects.get(pk=first.pk).employment == Employment.YES


def test_phase_delete_needs_a_post(director_client, programme):
    phase = ProgrammePhaseFactory(programme=programme, kind=PhaseKind.WORKSHOPS)
    response = director_client.get(reverse("training:phase_delete", args=[phase.pk]))
    assert response.status_code == 302 and ProgrammePhase.objects.filter(pk=phase.pk).exists()
    director_client.post(reverse("training:phase_delete", args=[phase.pk]))
    assert not ProgrammePhase.objects.filter(pk=phase.pk).exists()


def test_another_aci_programme_is_404(client, make_member, other_structure, programme):
    login(client, make_member, Role.COUNSELLOR, other_structure)
    assert client.get(reverse("training:programme_detail", args=[programme.pk])).status_code == 404
    assert client.get(reverse("training:programme_list")).status_code == 200
