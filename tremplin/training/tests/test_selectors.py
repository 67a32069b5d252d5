"""The reads: the figures of a period against a hand count, the programme rates (the empty case
too), the list filters, the person page's block and timeline per role."""

from datetime import date
from decimal import Decimal

import pytest

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import build_scope
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.training import selectors
from tremplin.training.enums import Employment, ExamResult, PhaseKind, TrainingResult

from .factories import EnrolmentFactory, ProgrammePhaseFactory, QualificationProgrammeFactory, TrainingActionFactory

START, END = date(2026, 1, 1), date(2026, 3, 31)


def _training(person, start, end, hours, *, kind="other", certification="", result=TrainingResult.IN_PROGRESS, on=None):
    return TrainingActionFactory(
        person=person,
        start=start,
        end=end,
        hours=Decimal(hours),
        kind=kind,
        certification=certification,
        result=result,
        result_on=on,
    )


@pytest.fixture
def period_data(structure):
    """Two ACI counted (A = structure, B), one not (C). See the hand count in the test."""
    b, c = StructureFactory(), StructureFactory()
    p1, p2 = PersonFactory(structure=structure), PersonFactory(structure=structure)
    p3, p4 = PersonFactory(structure=b), PersonFactory(structure=b)
    # Meeting the period:
    _training(
        p1,
        date(2026, 2, 2),
        date(2026, 2, 4),
        "21",
        kind="caces",
        certification="CACES R482 A",
        result=TrainingResult.PASSED,
        on=date(2026, 2, 10),
    )
    _training(
        p1,
        date(2025, 12, 15),
        date(2026, 1, 1),
        "14",
        kind="safety",
        certification="SST",
        result=TrainingResult.FAILED,
        on=date(2026, 1, 5),
    )  # ends on the first day
    _training(p2, date(2026, 3, 30), date(2026, 4, 15), "35.1", kind="clea", certification="CléA")
    _training(p4, date(2026, 3, 31), date(2026, 3, 31), "7.2")  # starts on the last day
    # Not meeting it:
    _training(
        p2,
        date(2025, 10, 1),
        date(2025, 12, 31),
        "40",
        kind="refresher",
        result=TrainingResult.COMPLETED,
        on=date(2026, 1, 2),
    )
    _training(p3, date(2026, 4, 1), date(2026, 5, 1), "30", kind="driving_licence", certification="Permis B")
    _training(
        p3,
        date(2025, 9, 1),
        date(2025, 12, 20),
        "100",
        kind="professional_title",
        certification="TP AR",
        result=TrainingResult.PASSED,
        on=date(2025, 12, 31),
    )  # result the day before
    _training(
        p3,
        date(2025, 11, 1),
        date(2025, 11, 30),
        "50",
        kind="clea",
        certification="CléA",
        result=TrainingResult.PARTIAL,
        on=date(2026, 3, 31),
    )  # partial result on the last day
    _training(
        PersonFactory(structure=c),
        date(2026, 2, 1),
        date(2026, 2, 2),
        "14",
        certification="X",
        result=TrainingResult.PASSED,
        on=date(2026, 2, 3),
    )  # another ACI
    # Programmes
    aqi = QualificationProgrammeFactory(structure=structure, start=date(2025, 9, 1), end=date(2026, 2, 27))
    ProgrammePhaseFactory(programme=aqi, kind=PhaseKind.COMPANY, weeks=3)
    ProgrammePhaseFactory(programme=aqi, kind=PhaseKind.COMPANY, weeks=4)
    ProgrammePhaseFactory(programme=aqi, kind=PhaseKind.WORKSHOPS, weeks=4)
    done = {"left_on": date(2026, 2, 27)}
    EnrolmentFactory(programme=aqi, exam_result=ExamResult.PASSED, employment=Employment.YES, job="CDI", **done)
    EnrolmentFactory(programme=aqi, exam_result=ExamResult.PASSED, employment=Employment.NO, **done)
    EnrolmentFactory(programme=aqi, exam_result=ExamResult.FAILED, **done)
    EnrolmentFactory(
        programme=aqi,
        exam_result=ExamResult.PARTIAL,
        left_on=date(2026, 1, 15),
        left_early=True,
        employment=Employment.YES,
        job="CDD",
    )
    EnrolmentFactory(programme=aqi)
    QualificationProgrammeFactory(structure=b, name="AQI Sète 2026", start=date(2026, 3, 1), end=date(2026, 9, 30))
    old = QualificationProgrammeFactory(
        structure=structure, name="AQI 2025", start=date(2025, 1, 6), end=date(2025, 12, 31)
    )
    EnrolmentFactory(programme=old, exam_result=ExamResult.PASSED)
    return [structure.pk, b.pk]


def test_training_figures_match_the_hand_count(period_data, django_assert_num_queries):
    with django_assert_num_queries(4):
        figures = selectors.training_figures(period_data, START, END)
    assert figures == {
        "trainings": 4,
        "people_trained": 3,
        "hours": Decimal("77.30"),
        "by_kind": {"caces": 1, "clea": 1, "other": 1, "safety": 1},
        "certifications_aimed": 3,
        "certifications_passed": 1,
        "certifications_failed": 1,
        "certifications_partial": 1,
        "programmes": [
            {
                "name": "AQI – agent de restauration collective",
                "enrolled": 5,
                "sat_exam": 4,
                "passed": 2,
                "success_rate": Decimal("50.0"),
                "finished": 3,
                "employed": 1,
                "employment_rate": Decimal("33.3"),
            },
            {
                "name": "AQI Sète 2026",
                "enrolled": 0,
                "sat_exam": 0,
                "passed": 0,
                "success_rate": None,
                "finished": 0,
                "employed": 0,
                "employment_rate": None,
            },
        ],
    }


def test_training_figures_of_an_empty_period(structure, django_assert_num_queries):
    with django_assert_num_queries(4):
        figures = selectors.training_figures([structure.pk], START, END)
    assert figures["trainings"] == 0 and figures["hours"] == Decimal(0) and figures["by_kind"] == {}
    assert figures["programmes"] == []


def test_programme_figures_and_company_weeks(period_data, structure):
    aqi = structure.qualification_programmes.get(name__startswith="AQI –")
    figures = selectors.programme_figures(aqi)
    assert (figures.enrolled, figures.sat_exam, figures.passed, figures.finished, figures.employed) == (5, 4, 2, 3, 1)
    assert figures.success_rate_fr == "50,0\u00a0%" and figures.employment_rate_fr == "33,3\u00a0%"
    assert figures.company_weeks == 7 and figures.company_weeks_warning is None


def test_a_programme_without_anyone_has_no_rates_and_warns_on_company_weeks(structure):
    programme = QualificationProgrammeFactory(structure=structure)
    ProgrammePhaseFactory(programme=programme, kind=PhaseKind.COMPANY, weeks=5)
    figures = selectors.programme_figures(programme)
    assert figures.success_rate is None and figures.employment_rate is None
    assert figures.success_rate_fr == "—" and figures.employment_rate_fr == "—"
    assert "que 5 semaines en entreprise" in figures.company_weeks_warning


def _scope(make_member, role, structure):
    user = make_member(role, structure)
    return build_scope(user, None)


def test_training_list_filters(make_member, structure):
    person = PersonFactory(structure=structure)
    caces = TrainingActionFactory(person=person, kind="caces", start=date(2026, 2, 2), end=date(2026, 2, 4))
    sst = TrainingActionFactory(
        person=person,
        kind="safety",
        start=date(2026, 4, 1),
        end=date(2026, 4, 2),
        result=TrainingResult.PASSED,
        result_on=date(2026, 4, 2),
    )
    TrainingActionFactory()  # another ACI
    scope = _scope(make_member, Role.SUPERVISOR, structure)
    assert list(selectors.training_list(scope)) == [sst, caces]
    assert list(selectors.training_list(scope, selectors.TrainingFilters(kind="caces"))) == [caces]
    assert list(selectors.training_list(scope, selectors.TrainingFilters(result="passed"))) == [sst]
    period = selectors.TrainingFilters(start=date(2026, 2, 4), end=date(2026, 3, 31))
    assert list(selectors.training_list(scope, period)) == [caces]
    assert list(selectors.training_list(scope, selectors.TrainingFilters(start=date(2026, 2, 5)))) == [sst]


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF, Role.SUPERVISOR])
def test_person_section_and_timeline_for_staff(make_member, structure, role):
    person = PersonFactory(structure=structure)
    TrainingActionFactory(
        person=person,
        title="CACES R482 A",
        certification="CACES R482 A",
        start=date(2026, 2, 2),
        end=date(2026, 2, 4),
        hours=21,
        result=TrainingResult.PASSED,
        result_on=date(2026, 2, 10),
    )
    EnrolmentFactory(programme__structure=structure, person=person, left_on=date(2026, 6, 26))
    scope = _scope(make_member, role, structure)
    section = selectors.person_section(person, scope=scope)
    assert section.title == "Formations et qualification"
    assert section.context["hours_total"] == Decimal(21)
    assert section.context["can_manage_trainings"] is (role != Role.SUPERVISOR)
    titles = [event.title for event in selectors.timeline_events(person, scope=scope)]
    assert "Formation : CACES R482 A" in titles and "Certification obtenue : CACES R482 A" in titles
    # Programmes are for direction, counsellors and HR.
    has_programme = any(t.startswith("Entrée dans le programme") for t in titles)
    assert has_programme is (role != Role.SUPERVISOR)
    assert bool(section.context["enrolments"]) is (role != Role.SUPERVISOR)


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_see_nothing(make_member, structure, role):
    person = PersonFactory(structure=structure)
    TrainingActionFactory(person=person)
    scope = _scope(make_member, role, structure)
    assert selectors.person_section(person, scope=scope) is None
    assert selectors.timeline_events(person, scope=scope) == []
