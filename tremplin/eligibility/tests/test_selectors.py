"""May this person be hired on a day, the person page block, the alerts, the timeline."""

from datetime import date
from types import SimpleNamespace

import pytest

from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility import selectors
from tremplin.eligibility.enums import ApprovalStatus, Criterion
from tremplin.eligibility.selectors import expiring_approvals, expiring_diagnoses, hiring_eligibility
from tremplin.eligibility.tests.factories import (
    ApprovalFactory,
    ApprovalProlongationFactory,
    ApprovalSuspensionFactory,
    EligibilityDiagnosisFactory,
    PrescriberDiagnosisFactory,
)
from tremplin.people.tests.factories import PersonFactory


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Léa", last_name="Morel")


# hiring_eligibility: diagnoses


def test_a_prescriber_diagnosis_allows_hiring_through_its_last_day(person):
    diagnosis = PrescriberDiagnosisFactory(
        person=person, made_on=date(2026, 1, 15), author_partner__name="Mission locale"
    )
    assert diagnosis.expires_on == date(2026, 7, 14)
    result = hiring_eligibility(person, date(2026, 7, 14))
    assert result.allowed
    assert result.diagnosis == diagnosis
    assert result.approval is None
    assert result.message == (
        "Embauche possible au 14/07/2026 : diagnostic d'éligibilité du 15/01/2026 "
        "(prescripteur : Mission locale), valable jusqu'au 14/07/2026."
    )
    assert hiring_eligibility(person, date(2026, 1, 15)).allowed


def test_the_day_after_expiry_hiring_is_refused(person):
    diagnosis = PrescriberDiagnosisFactory(person=person, made_on=date(2026, 1, 15))
    result = hiring_eligibility(person, date(2026, 7, 15))
    assert not result.allowed
    assert result.diagnosis == diagnosis
    assert result.message == (
        "Embauche impossible au 15/07/2026 : aucun PASS IAE valide à cette date, et le dernier diagnostic "
        "d'éligibilité a expiré le 14/07/2026. Enregistrez un nouveau diagnostic ou le PASS IAE de la personne."
    )


def test_an_employer_diagnosis_allows_hiring_92_days(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 15))
    assert hiring_eligibility(person, date(2026, 4, 16)).allowed
    result = hiring_eligibility(person, date(2026, 4, 17))
    assert not result.allowed
    assert "a expiré le 16/04/2026" in result.message


def test_without_any_diagnosis(person):
    result = hiring_eligibility(person, date(2026, 2, 1))
    assert result == selectors.HiringEligibility(
        False,
        "Embauche impossible au 01/02/2026 : aucun PASS IAE valide à cette date, et aucun diagnostic "
        "d'éligibilité n'est enregistré. Enregistrez un diagnostic d'éligibilité ou le PASS IAE de la personne.",
    )


def test_a_diagnosis_made_after_the_day(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 3, 2))
    result = hiring_eligibility(person, date(2026, 3, 1))
    assert not result.allowed
    assert "et le diagnostic d'éligibilité n'a été fait que le 02/03/2026." in result.message


def test_a_valid_diagnosis_whose_criteria_do_not_meet_the_rule(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 5), criteria=[Criterion.QPV, Criterion.ZRR])
    result = hiring_eligibility(person, date(2026, 2, 1))
    assert not result.allowed
    assert result.message == (
        "Embauche impossible au 01/02/2026 : aucun PASS IAE valide à cette date, et le diagnostic d'éligibilité "
        "du 05/01/2026 ne permet pas l'embauche en ACI : il faut 1 critère de niveau 1, ou au moins 3 critères "
        "de niveau 2 (2 renseignés). Enregistrez un nouveau diagnostic ou le PASS IAE de la personne."
    )


def test_the_latest_valid_diagnosis_wins(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 5), criteria=[Criterion.QPV])
    good = EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 20))
    result = hiring_eligibility(person, date(2026, 2, 1))
    assert result.allowed
    assert result.diagnosis == good


# hiring_eligibility: PASS IAE


def test_a_pass_allows_hiring_through_its_end(person):
    approval = ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 1, 1))
    result = hiring_eligibility(person, date(2027, 12, 31))
    assert result.allowed
    assert result.approval == approval
    assert (
        result.message
        == "Embauche possible au 31/12/2027 : PASS IAE n° XXXXX2612345 valide du 01/01/2026 au 31/12/2027."
    )
    refused = hiring_eligibility(person, date(2028, 1, 1))
    assert not refused.allowed
    assert refused.approval == approval
    assert refused.message.startswith(
        "Embauche impossible au 01/01/2028 : aucun PASS IAE valide à cette date "
        "(le PASS IAE n° XXXXX2612345 a pris fin le 31/12/2027), et aucun diagnostic"
    )
    assert not hiring_eligibility(person, date(2025, 12, 31)).allowed


def test_a_suspension_moves_the_last_day_of_hiring(person):
    approval = ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 1, 1))
    ApprovalSuspensionFactory(approval=approval, start=date(2026, 6, 1), end=date(2026, 6, 20))
    assert hiring_eligibility(person, date(2028, 1, 20)).allowed
    assert not hiring_eligibility(person, date(2028, 1, 21)).allowed
    during = hiring_eligibility(person, date(2026, 6, 10))
    assert during.allowed
    assert during.message.endswith("au 20/01/2028. Il est suspendu du 01/06/2026 au 20/06/2026.")


def test_a_prolongation_moves_the_last_day_of_hiring(person):
    approval = ApprovalFactory(person=person, start=date(2026, 1, 1))
    ApprovalProlongationFactory(approval=approval, start=date(2028, 1, 1), end=date(2028, 12, 31))
    assert hiring_eligibility(person, date(2028, 12, 31)).allowed
    assert not hiring_eligibility(person, date(2029, 1, 1)).allowed


def test_a_pass_not_started_yet_and_an_expired_diagnosis(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2025, 9, 1))
    ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 3, 1))
    result = hiring_eligibility(person, date(2026, 2, 1))
    assert result.message == (
        "Embauche impossible au 01/02/2026 : aucun PASS IAE valide à cette date (le PASS IAE n° XXXXX2612345 "
        "ne commence que le 01/03/2026), et le dernier diagnostic d'éligibilité a expiré le 01/12/2025. "
        "Enregistrez un nouveau diagnostic ou le PASS IAE de la personne."
    )


def test_a_pass_wins_over_a_diagnosis(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 5))
    approval = ApprovalFactory(person=person, start=date(2026, 1, 1))
    assert hiring_eligibility(person, date(2026, 2, 1)).approval == approval


def test_hiring_eligibility_query_count(person, django_assert_num_queries):
    diagnosis = EligibilityDiagnosisFactory(person=person, criteria=[Criterion.QPV, Criterion.ZRR, Criterion.HOUSING])
    for made_on in (date(2025, 1, 1), date(2025, 6, 1)):
        EligibilityDiagnosisFactory(person=person, made_on=made_on)
    approval = ApprovalFactory(person=person, start=date(2023, 1, 1))
    ApprovalSuspensionFactory(approval=approval, start=date(2023, 6, 1), end=date(2023, 6, 5))
    ApprovalProlongationFactory(approval=approval)
    with django_assert_num_queries(5):
        result = hiring_eligibility(person, date(2026, 2, 1))
    assert result.diagnosis == diagnosis


# The person page


def test_summary_warns_when_the_pass_ends_within_60_days(person):
    approval = ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 1, 1))
    ApprovalSuspensionFactory(approval=approval, start=date(2026, 6, 1), end=date(2026, 6, 20))
    EligibilityDiagnosisFactory(person=person, made_on=date(2025, 12, 20))
    summary = selectors.person_eligibility_summary(person, date(2027, 11, 21))
    assert summary.hiring.allowed
    assert summary.current_approval.approval == approval
    assert summary.current_approval.effective_end == date(2028, 1, 20)
    assert summary.current_approval.status == ApprovalStatus.VALID
    assert summary.current_approval.days_left == 60
    assert summary.warnings == ("Le PASS IAE n° XXXXX2612345 prend fin le 20/01/2028, dans 60 jours.",)
    assert selectors.person_eligibility_summary(person, date(2027, 11, 20)).warnings == ()
    assert [d.valid for d in summary.diagnoses] == [False]
    assert summary.approvals[0].suspensions[0].end == date(2026, 6, 20)


def test_summary_of_a_candidate_with_a_diagnosis(person):
    EligibilityDiagnosisFactory(person=person, made_on=date(2026, 1, 15), criteria=[Criterion.RSA, Criterion.QPV])
    summary = selectors.person_eligibility_summary(person, date(2026, 3, 17))
    assert summary.current_approval is None
    (state,) = summary.diagnoses
    assert (state.level_1, state.level_2, state.meets_rule, state.valid) == (1, 1, True, True)
    assert summary.warnings == ("Le diagnostic d'éligibilité du 15/01/2026 expire le 16/04/2026, dans 30 jours.",)
    assert selectors.person_eligibility_summary(person, date(2026, 3, 16)).warnings == ()


def test_summary_statuses(person):
    approval = ApprovalFactory(person=person, start=date(2026, 1, 1))
    ApprovalSuspensionFactory(approval=approval, start=date(2026, 6, 1), end=date(2026, 6, 20))

    def status(day):
        return selectors.person_eligibility_summary(person, day).approvals[0].status

    assert status(date(2025, 12, 31)) == ApprovalStatus.FUTURE
    assert status(date(2026, 6, 20)) == ApprovalStatus.SUSPENDED
    assert status(date(2026, 6, 21)) == ApprovalStatus.VALID
    assert status(date(2028, 1, 21)) == ApprovalStatus.EXPIRED


# Alerts: PASS IAE


def test_expiring_approvals_window(structure):
    today = date(2027, 11, 1)  # a PASS started 01/01/2026 ends 31/12/2027, in 60 days
    inside = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    ApprovalFactory(person__structure=structure, start=date(2026, 1, 2))  # ends in 61 days
    ending_today = ApprovalFactory(person__structure=structure, start=date(2025, 11, 2))
    ApprovalFactory(person__structure=structure, start=date(2025, 11, 1))  # ended yesterday
    result = expiring_approvals(structure, today)
    assert [e.approval for e in result] == [ending_today, inside]
    assert [e.days_left for e in result] == [0, 60]
    assert [e.approval for e in expiring_approvals(structure, today, within_days=59)] == [ending_today]


def test_expiring_approvals_use_the_end_in_force(structure):
    today = date(2027, 11, 1)
    suspended = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    ApprovalSuspensionFactory(approval=suspended, start=date(2026, 6, 1), end=date(2026, 6, 1))  # ends in 61 days
    old = ApprovalFactory(person__structure=structure, start=date(2024, 1, 1))  # ended 30/12/2025
    ApprovalProlongationFactory(approval=old, start=date(2025, 12, 31), end=date(2026, 12, 30))
    ApprovalProlongationFactory(approval=old, start=date(2026, 12, 31), end=date(2027, 12, 1))
    result = expiring_approvals(structure, today)
    assert [(e.approval, e.effective_end) for e in result] == [(old, date(2027, 12, 1))]


def test_expiring_approvals_leave_out_people_who_left_and_renewed_pass(structure, other_structure):
    today = date(2027, 11, 1)
    hired = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    ContractFactory(person=hired.person, start=date(2027, 6, 1), initial_end=date(2028, 5, 31))
    candidate = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    left = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    ContractFactory(person=left.person, start=date(2026, 1, 5), initial_end=date(2026, 12, 31))
    renewed = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
    ApprovalFactory(person=renewed.person, start=date(2028, 1, 1))
    ApprovalFactory(person__structure=other_structure, start=date(2026, 1, 1))
    result = expiring_approvals(structure, today)
    assert {(e.approval, e.under_contract) for e in result} == {(hired, True), (candidate, False)}


def test_expiring_approvals_query_count(structure, django_assert_num_queries):
    for _ in range(3):
        approval = ApprovalFactory(person__structure=structure, start=date(2026, 1, 1))
        ApprovalSuspensionFactory(approval=approval, start=date(2026, 6, 1), end=date(2026, 6, 2))
        ContractFactory(person=approval.person, start=date(2027, 6, 1), initial_end=date(2028, 5, 31))
    with django_assert_num_queries(6):
        assert len(expiring_approvals(structure, date(2027, 11, 3))) == 3


# Alerts: diagnoses


def test_expiring_diagnoses_window_and_candidates_only(structure, other_structure):
    today = date(2026, 3, 17)  # an employer diagnosis of 15/01/2026 expires 16/04/2026, in 30 days
    inside = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
    EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 16))  # in 31 days
    last_day = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2025, 12, 16))  # 17/03/2026
    EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2025, 12, 15))  # expired yesterday
    hired = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
    ContractFactory(person=hired.person, start=date(2026, 4, 1), initial_end=date(2026, 9, 30))
    EligibilityDiagnosisFactory(person__structure=other_structure, made_on=date(2026, 1, 15))
    result = expiring_diagnoses(structure, today)
    assert [(e.diagnosis, e.days_left) for e in result] == [(last_day, 0), (inside, 30)]


def test_expiring_diagnoses_leave_out_renewed_diagnoses_and_pass_holders(structure):
    today = date(2026, 3, 17)
    renewed = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
    EligibilityDiagnosisFactory(person=renewed.person, made_on=date(2026, 3, 1))
    pass_holder = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
    ApprovalFactory(person=pass_holder.person, start=date(2026, 2, 1))
    not_meeting = EligibilityDiagnosisFactory(
        person__structure=structure, made_on=date(2026, 1, 15), criteria=[Criterion.QPV]
    )
    assert not_meeting.expires_on == date(2026, 4, 16)
    left = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
    ContractFactory(person=left.person, start=date(2025, 1, 6), initial_end=date(2025, 12, 31))
    assert [e.diagnosis for e in expiring_diagnoses(structure, today)] == [left]


def test_expiring_diagnoses_query_count(structure, django_assert_num_queries):
    for _ in range(3):
        diagnosis = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2026, 1, 15))
        ApprovalFactory(person=diagnosis.person, start=date(2024, 1, 1))
    with django_assert_num_queries(5):
        assert len(expiring_diagnoses(structure, date(2026, 3, 17))) == 3


# Adapters for the échéancier and the timeline


def test_eligibility_alerts(structure, person):
    ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 1, 1))
    ContractFactory(person=person, start=date(2027, 6, 1), initial_end=date(2028, 5, 31))
    candidate = EligibilityDiagnosisFactory(person__structure=structure, made_on=date(2027, 9, 1))
    scope = SimpleNamespace(structure=structure, is_structure_staff=True)
    alerts = selectors.due_alerts(scope, today=date(2027, 11, 1))
    assert [(a.day, a.kind, a.person, a.message) for a in alerts] == [
        (
            date(2027, 12, 31),
            "PASS IAE",
            person,
            "Le PASS IAE n° XXXXX2612345 prend fin le 31/12/2027 : demandez sa prolongation si le parcours continue.",
        ),
        (
            date(2027, 12, 1),
            "Diagnostic d'éligibilité",
            candidate.person,
            "Le diagnostic d'éligibilité expire le 01/12/2027 : embauchez avant cette date "
            "ou faites un nouveau diagnostic.",
        ),
    ]
    outsider = SimpleNamespace(structure=structure, is_structure_staff=False)
    assert selectors.due_alerts(outsider, today=date(2027, 11, 1)) == []


def test_timeline_names_no_criterion(person):
    EligibilityDiagnosisFactory(
        person=person, made_on=date(2026, 1, 5), criteria=[Criterion.JUSTICE, Criterion.RQTH, Criterion.AAH]
    )
    approval = ApprovalFactory(person=person, number="XXXXX2612345", start=date(2026, 2, 1))
    ApprovalSuspensionFactory(approval=approval, start=date(2026, 6, 1), end=date(2026, 6, 20))
    ApprovalProlongationFactory(approval=approval)
    events = selectors.timeline_events(person)
    assert [(e.day, e.title) for e in events] == [
        (date(2026, 1, 5), "Diagnostic d'éligibilité (Employeur (l'ACI))"),
        (date(2026, 2, 1), "PASS IAE n° XXXXX2612345"),
        (date(2028, 2, 1), "Prolongation du PASS IAE : Difficultés particulières (ACI et AI)"),
        (date(2026, 6, 1), "Suspension du PASS IAE : Contrat de travail rompu"),
    ]
    text = " ".join(f"{e.title} {e.detail}" for e in events)
    assert "Critères : 1 de niveau 1, 2 de niveau 2." in text
    for criterion in (Criterion.JUSTICE, Criterion.RQTH, Criterion.AAH):
        assert criterion.label not in text
