"""The rules of the support services, with their French messages, at a frozen date."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.organisations.tests.factories import OrganisationFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.support import rules, services
from tremplin.support.enums import Confidentiality, DiagnosisKind, ObjectiveStatus, ReferralOutcome
from tremplin.support.enums import ObstacleCategory as C

TODAY = date(2026, 5, 15)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def person(structure):
    person = PersonFactory(structure=structure)
    ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 7, 4))
    return person


@pytest.fixture
def counsellor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure)


def line(category=C.MOBILITY, **extra):
    return {"category": category, "level": "medium", "treatment": "internal", **extra}


def messages(error: ValidationError) -> list[str]:
    return [m for ms in getattr(error, "message_dict", {None: error.messages}).values() for m in ms]


def test_entry_then_review(person, counsellor):
    entry = services.diagnosis_create(
        actor=counsellor,
        person=person,
        kind=DiagnosisKind.ENTRY,
        assessed_on=date(2026, 1, 20),
        obstacles=[line(), line(C.HOUSING, treatment="external")],
    )
    assert entry.obstacles.count() == 2
    review = services.diagnosis_create(
        actor=counsellor,
        person=person,
        kind=DiagnosisKind.REVIEW,
        assessed_on=date(2026, 4, 10),
        obstacles=[line(lifted_on=date(2026, 4, 1))],
    )
    assert review.obstacles.get().lifted_on == date(2026, 4, 1)


@pytest.mark.parametrize(
    ("kind", "assessed_on", "lines", "expected"),
    [
        (DiagnosisKind.ENTRY, date(2026, 5, 16), [], rules.ASSESSED_IN_FUTURE.format(today="15/05/2026")),
        (DiagnosisKind.REVIEW, date(2026, 3, 1), [], rules.REVIEW_WITHOUT_ENTRY),
        (DiagnosisKind.ENTRY, date(2026, 1, 20), [line(), line()], "Le frein « Mobilité » figure deux fois"),
        (
            DiagnosisKind.ENTRY,
            date(2026, 1, 20),
            [line(lifted_on=date(2026, 1, 21))],
            "après la date de l'évaluation (20/01/2026)",
        ),
    ],
)
def test_diagnosis_refusals(person, counsellor, kind, assessed_on, lines, expected):
    with pytest.raises(ValidationError) as error:
        services.diagnosis_create(actor=counsellor, person=person, kind=kind, assessed_on=assessed_on, obstacles=lines)
    assert any(expected in m for m in messages(error.value))


def test_review_order_and_single_entry(person, counsellor):
    services.diagnosis_create(
        actor=counsellor, person=person, kind="entry", assessed_on=date(2026, 1, 20), obstacles=[]
    )
    with pytest.raises(ValidationError) as error:
        services.diagnosis_create(
            actor=counsellor, person=person, kind="entry", assessed_on=date(2026, 2, 1), obstacles=[]
        )
    assert services.ENTRY_ALREADY in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.diagnosis_create(
            actor=counsellor, person=person, kind="review", assessed_on=date(2026, 1, 20), obstacles=[]
        )
    assert rules.REVIEW_NOT_AFTER.format(day="20/01/2026") in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.diagnosis_create(
            actor=counsellor,
            person=person,
            kind="review",
            assessed_on=date(2026, 3, 1),
            obstacles=[line(lifted_on=date(2026, 1, 10))],
        )
    assert rules.LIFTED_BEFORE_ENTRY.format(day="20/01/2026") in messages(error.value)


def test_partner_of_another_organisation_refused(person, counsellor):
    stranger = PartnerFactory(organisation=OrganisationFactory())
    with pytest.raises(ValidationError) as error:
        services.diagnosis_create(
            actor=counsellor,
            person=person,
            kind="entry",
            assessed_on=date(2026, 1, 20),
            obstacles=[line(partner=stranger)],
        )
    assert services.PARTNER_NOT_IN_ORGANISATION in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.partner_referral_create(person=person, partner=stranger, need="housing", referred_on=TODAY)
    assert services.PARTNER_NOT_IN_ORGANISATION in messages(error.value)


def test_objective_lifecycle(person, counsellor, make_member, structure):
    objective = services.objective_create(
        person=person, title="Passer le code", due_on=date(2026, 6, 1), owner=counsellor
    )
    assert objective.status == ObjectiveStatus.OPEN
    with pytest.raises(ValidationError) as error:
        services.objective_close(objective=objective, status="done", done_on=date(2026, 5, 16))
    assert rules.OBJECTIVE_DONE_IN_FUTURE.format(today="15/05/2026") in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.objective_close(objective=objective, status="done")
    assert services.DONE_ON_REQUIRED in messages(error.value)
    objective = services.objective_close(objective=objective, status="done", done_on=TODAY)
    assert objective.done_on == TODAY
    with pytest.raises(ValidationError) as error:
        services.objective_close(objective=objective, status="abandoned")
    assert rules.OBJECTIVE_NOT_OPEN.format(status="atteint") in messages(error.value)
    abandoned = services.objective_close(
        objective=services.objective_create(person=person, title="B", due_on=TODAY, owner=counsellor),
        status="abandoned",
        done_on=TODAY,
    )
    assert abandoned.done_on is None


def test_objective_owner_of_another_structure_refused(person, make_member, other_structure):
    stranger = make_member(Role.COUNSELLOR, other_structure)
    with pytest.raises(ValidationError) as error:
        services.objective_create(person=person, title="A", due_on=TODAY, owner=stranger)
    assert services.OWNER_NOT_IN_STRUCTURE in messages(error.value)


def test_overdue_is_the_day_after_due():
    assert not rules.is_overdue(due_on=TODAY, today=TODAY)
    assert rules.is_overdue(due_on=date(2026, 5, 14), today=TODAY)


def test_appointment_rules(person, counsellor):
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            actor=counsellor, person=person, held_on=date(2026, 5, 16), kind="individual", duration_minutes=30
        )
    assert rules.APPOINTMENT_IN_FUTURE.format(today="15/05/2026") in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            actor=counsellor,
            person=person,
            held_on=TODAY,
            kind="individual",
            duration_minutes=30,
            confidentiality=Confidentiality.SENSITIVE,
        )
    assert services.TOPIC_REQUIRED in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            actor=counsellor, person=person, held_on=TODAY, kind="phone", duration_minutes=30, topic="health"
        )
    assert services.TOPIC_ONLY_SENSITIVE in messages(error.value)
    with pytest.raises(ValidationError):
        services.appointment_create(actor=counsellor, person=person, held_on=TODAY, kind="phone", duration_minutes=0)
    appointment = services.appointment_create(
        actor=counsellor,
        person=person,
        held_on=TODAY,
        kind="individual",
        duration_minutes=45,
        notes="Suivi CMP",
        confidentiality=Confidentiality.SENSITIVE,
        topic="health",
    )
    assert appointment.is_sensitive


def test_referral_rules(person, structure):
    partner = PartnerFactory(organisation=structure.organisation, name="Soliha")
    with pytest.raises(ValidationError) as error:
        services.partner_referral_create(person=person, partner=partner, need="housing", referred_on=date(2026, 5, 16))
    assert rules.REFERRAL_IN_FUTURE.format(today="15/05/2026") in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.partner_referral_create(
            person=person, partner=partner, need="housing", referred_on=TODAY, outcome=ReferralOutcome.ACCEPTED
        )
    assert services.OUTCOME_DATE_REQUIRED in messages(error.value)
    referral = services.partner_referral_create(
        person=person, partner=partner, need="housing", referred_on=date(2026, 5, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.partner_referral_update_outcome(referral=referral, outcome="done", outcome_on=date(2026, 4, 30))
    assert rules.OUTCOME_BEFORE_REFERRAL.format(day="01/05/2026") in messages(error.value)
    with pytest.raises(ValidationError) as error:
        services.partner_referral_update_outcome(referral=referral, outcome="pending", outcome_on=TODAY)
    assert services.OUTCOME_DATE_PENDING in messages(error.value)
    referral = services.partner_referral_update_outcome(
        referral=referral, outcome="done", outcome_on=TODAY, comment="Logement obtenu"
    )
    assert (referral.outcome, referral.comment) == ("done", "Logement obtenu")
    partner.is_active = False
    partner.save()
    with pytest.raises(ValidationError) as error:
        services.partner_referral_create(person=person, partner=partner, need="housing", referred_on=TODAY)
    assert services.PARTNER_INACTIVE in messages(error.value)
