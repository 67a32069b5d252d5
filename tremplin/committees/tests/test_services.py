from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.committees import rules, services
from tremplin.committees.enums import CommitteeKind, CommitteeMoment
from tremplin.committees.models import Committee
from tremplin.funding.tests.factories import ConventionFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.partners.tests.factories import PartnerFactory

from .factories import CommitteeFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2025, 6, 15), tick=False):
        yield


@pytest.fixture
def convention(structure):
    return ConventionFactory(
        structure=structure, reference="DDETS34-2025", start=date(2025, 1, 1), end=date(2027, 12, 31)
    )


def messages(error) -> list[str]:
    return [m for ms in error.value.message_dict.values() for m in ms]


def test_a_committee_cannot_be_held_in_the_future(director, structure, convention):
    with pytest.raises(ValidationError) as error:
        services.committee_create(
            actor=director,
            structure=structure,
            convention=convention,
            kind=CommitteeKind.STEERING,
            planned_on=date(2025, 6, 16),
            held_on=date(2025, 6, 16),
        )
    assert messages(error) == [rules.HELD_IN_FUTURE.format(held_on="16/06/2025")]
    committee = services.committee_create(
        actor=director,
        structure=structure,
        convention=convention,
        kind=CommitteeKind.STEERING,
        planned_on=date(2025, 6, 16),
        held_on=date(2025, 6, 15),
    )
    assert committee.held_on == date(2025, 6, 15)


def test_minutes_only_once_held(director, structure, convention):
    committee = CommitteeFactory(convention=convention)
    fields = {"convention": convention, "kind": committee.kind, "planned_on": committee.planned_on}
    with pytest.raises(ValidationError) as error:
        services.committee_update(actor=director, committee=committee, minutes="Tout va bien.", **fields)
    assert messages(error) == [rules.MINUTES_BEFORE_HELD]
    services.committee_update(
        actor=director, committee=committee, held_on=date(2025, 6, 2), minutes="Tout va bien.", **fields
    )
    committee.refresh_from_db()
    assert committee.minutes == "Tout va bien."


def test_a_committee_names_a_convention_of_its_aci_or_an_action(director, structure):
    with pytest.raises(ValidationError) as error:
        services.committee_create(actor=director, structure=structure, kind="steering", planned_on=date(2025, 7, 1))
    assert messages(error) == [rules.NO_CONVENTION_NOR_ACTION]
    foreign = ConventionFactory(structure=StructureFactory())
    with pytest.raises(ValidationError) as error:
        services.committee_create(
            actor=director, structure=structure, convention=foreign, kind="steering", planned_on=date(2025, 7, 1)
        )
    assert messages(error) == [rules.CONVENTION_OTHER_STRUCTURE]
    committee = services.committee_create(
        actor=director,
        structure=structure,
        action_label="Chantier des berges",
        kind="follow_up",
        planned_on=date(2025, 7, 1),
    )
    assert committee.subject == "Chantier des berges"


def test_participants_are_partners_of_the_organisation(director, structure, convention):
    ours = PartnerFactory(organisation=structure.organisation, name="Mission locale")
    theirs = PartnerFactory(name="France Travail ailleurs")
    with pytest.raises(ValidationError) as error:
        services.committee_create(
            actor=director,
            structure=structure,
            convention=convention,
            kind="steering",
            planned_on=date(2025, 7, 1),
            participants=[ours, theirs],
        )
    assert messages(error) == [rules.PARTNER_OTHER_ORGANISATION.format(partner="France Travail ailleurs")]
    committee = services.committee_create(
        actor=director,
        structure=structure,
        convention=convention,
        kind="steering",
        planned_on=date(2025, 7, 1),
        participants=[ours],
        other_participants="DDETS",
    )
    assert list(committee.participants.all()) == [ours]


def test_plan_creates_the_three_committees_unless_they_exist(director, convention):
    existing = services.committee_create(
        actor=director,
        structure=convention.structure,
        convention=convention,
        kind=CommitteeKind.STEERING,
        moment=CommitteeMoment.START,
        planned_on=date(2025, 1, 20),
    )
    created = services.committees_plan(actor=director, convention=convention, kind=CommitteeKind.STEERING)
    assert [(c.moment, c.planned_on) for c in created] == [
        (CommitteeMoment.MIDDLE, date(2026, 7, 2)),
        (CommitteeMoment.END, date(2027, 12, 31)),
    ]
    assert services.committees_plan(actor=director, convention=convention, kind=CommitteeKind.STEERING) == []
    assert Committee.objects.filter(convention=convention).count() == 3
    existing.refresh_from_db()
    assert existing.planned_on == date(2025, 1, 20)
    # The committees of the other kind are planned separately.
    assert len(services.committees_plan(actor=director, convention=convention, kind=CommitteeKind.FOLLOW_UP)) == 3


def test_a_second_committee_for_the_same_moment_is_refused(director, convention):
    services.committees_plan(actor=director, convention=convention)
    with pytest.raises(ValidationError) as error:
        services.committee_create(
            actor=director,
            structure=convention.structure,
            convention=convention,
            kind=CommitteeKind.STEERING,
            moment=CommitteeMoment.MIDDLE,
            planned_on=date(2026, 6, 1),
        )
    assert messages(error) == [
        rules.COMMITTEE_DUPLICATE.format(
            reference="DDETS34-2025", kind="comité de pilotage", moment="mi-parcours", day="02/07/2026"
        )
    ]


def test_decisions_once_held_and_due_after(director, convention):
    committee = CommitteeFactory(convention=convention)
    with pytest.raises(ValidationError) as error:
        services.decision_add(actor=director, committee=committee, text="Informer", owner="CIP")
    assert error.value.messages == [rules.DECISION_BEFORE_HELD]
    committee.held_on = date(2025, 6, 2)
    committee.save()
    with pytest.raises(ValidationError) as error:
        services.decision_add(
            actor=director, committee=committee, text="Informer", owner="CIP", due_on=date(2025, 6, 1)
        )
    assert messages(error) == [rules.DECISION_DUE_BEFORE_HELD.format(due_on="01/06/2025", held_on="02/06/2025")]
    decision = services.decision_add(
        actor=director, committee=committee, text="Informer", owner="CIP", due_on=date(2025, 9, 1)
    )
    assert list(committee.decisions.all()) == [decision]
    # A committee with decisions cannot go back to "not held".
    with pytest.raises(ValidationError) as error:
        services.committee_update(
            actor=director,
            committee=committee,
            convention=convention,
            kind=committee.kind,
            planned_on=committee.planned_on,
        )
    assert messages(error) == [rules.DECISION_BEFORE_HELD]
