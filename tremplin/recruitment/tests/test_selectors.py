"""What each reader sees of referrals: the ACI's staff, and a prescriber."""

from dataclasses import fields
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment import selectors, services
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.tests.factories import InformationSessionFactory, PartnerFactory, ReferralFactory

PARIS = ZoneInfo("Europe/Paris")
S = ReferralState


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=PARIS), tick=False):
        yield


@pytest.fixture
def partner(structure):
    return PartnerFactory(organisation=structure.organisation, name="Mission locale de Montpellier")


@pytest.fixture
def membership(structure, partner):
    return MembershipFactory(role=Role.PRESCRIBER, structure=structure, partner=partner)


def test_staff_list_the_referrals_of_their_structure_by_state(structure, other_structure):
    received = ReferralFactory(structure=structure, referred_on=date(2026, 11, 2))
    interview = ReferralFactory(structure=structure, state=S.INTERVIEW, referred_on=date(2026, 11, 10))
    ReferralFactory(structure=other_structure)
    assert list(selectors.referrals_for_structure(structure)) == [interview, received]
    assert list(selectors.referrals_for_structure(structure, state=S.INTERVIEW)) == [interview]


def test_a_prescriber_sees_their_partner_referrals_to_their_structure_only(structure, partner, membership):
    mine = ReferralFactory(structure=structure, partner=partner)
    by_staff = ReferralFactory(structure=structure, partner=partner, referred_on=date(2026, 10, 1))
    # Another partner of the same organisation, to the same ACI.
    ReferralFactory(structure=structure, partner=PartnerFactory(organisation=structure.organisation))
    # A direct application to the same ACI.
    ReferralFactory(structure=structure, partner=None)
    # The same partner, to a sibling ACI of the organisation.
    sibling = StructureFactory(organisation=structure.organisation)
    ReferralFactory(structure=sibling, partner=partner)
    assert [row.pk for row in selectors.referrals_for_prescriber(membership)] == [mine.pk, by_staff.pk]


def test_a_prescriber_sees_a_first_name_an_initial_and_the_state(structure, partner, membership):
    person = PersonFactory(structure=structure, first_name="Léa", last_name="éloi")
    referral = ReferralFactory(structure=structure, partner=partner, person=person)
    [row] = selectors.referrals_for_prescriber(membership)
    assert (row.first_name, row.last_name_initial, row.person_label) == ("Léa", "É", "Léa É.")
    assert (row.referred_on, row.state, row.state_label, row.updated_on) == (
        referral.referred_on,
        S.RECEIVED,
        "Reçue",
        date(2026, 11, 23),
    )


def test_a_prescriber_sees_a_refusal_without_its_reason(structure, partner, membership, make_member):
    referral = ReferralFactory(structure=structure, partner=partner, state=S.INTERVIEW)
    counsellor = make_member(Role.COUNSELLOR, structure)
    services.referral_transition(
        actor=counsellor,
        referral=referral,
        to_state=S.REFUSED,
        refusal_reason=RefusalReason.INCOMPATIBLE,
        comment="Suivi addictologie en cours",
    )
    [row] = selectors.referrals_for_prescriber(membership)
    assert row.state_label == "Refusée"
    assert {f.name for f in fields(row)} == {
        "pk",
        "first_name",
        "last_name_initial",
        "referred_on",
        "state",
        "state_label",
        "updated_on",
    }
    values = " ".join(str(getattr(row, f.name)) for f in fields(row))
    assert "incompatible" not in values.lower()
    assert "addictologie" not in values


@pytest.mark.parametrize(
    "change",
    [{"role": Role.COUNSELLOR}, {"partner": None}, {"is_active": False}],
    ids=["not-a-prescriber", "no-partner", "inactive"],
)
def test_no_referral_for_a_membership_that_is_not_an_active_prescriber(structure, partner, membership, change):
    ReferralFactory(structure=structure, partner=partner)
    for name, value in change.items():
        setattr(membership, name, value)
    membership.save()
    assert selectors.referrals_for_prescriber(membership) == []


def test_the_prescriber_list_is_one_query(structure, partner, membership, django_assert_num_queries):
    for _ in range(3):
        ReferralFactory(structure=structure, partner=partner)
    with django_assert_num_queries(1):
        assert len(selectors.referrals_for_prescriber(membership)) == 3


def test_history_oldest_first(structure, make_member):
    actor = make_member(Role.COUNSELLOR, structure)
    referral = services.referral_create(
        actor=actor,
        structure=structure,
        person=PersonFactory(structure=structure),
        referred_on=date(2026, 11, 20),
        reason="Orientation",
    )
    with time_machine.travel(datetime(2026, 11, 24, 14, 0, tzinfo=PARIS), tick=False):
        services.referral_transition(actor=actor, referral=referral, to_state=S.INTERVIEW)
    with time_machine.travel(datetime(2026, 11, 26, 9, 0, tzinfo=PARIS), tick=False):
        services.referral_transition(actor=actor, referral=referral, to_state=S.WAITING_LIST)
    history = selectors.referral_history(referral)
    assert [(t.from_state, t.to_state) for t in history] == [
        (None, S.RECEIVED),
        (S.RECEIVED, S.INTERVIEW),
        (S.INTERVIEW, S.WAITING_LIST),
    ]
    assert str(history[1]) == "Reçue → Entretien le 24/11/2026 14:00"


def test_staff_see_the_possible_duplicate_of_a_prescriber_submission(structure, partner):
    known = PersonFactory(structure=structure, first_name="Karim", last_name="Benali", birth_date=date(1985, 3, 2))
    membership = MembershipFactory(role=Role.PRESCRIBER, structure=structure, partner=partner)
    referral = services.referral_submit_by_prescriber(
        actor=membership.user,
        membership=membership,
        identity={"first_name": "KARIM", "last_name": "Benali", "birth_date": date(1985, 3, 2), "sex": "M"},
        referred_on=date(2026, 11, 23),
        reason="Orientation",
    )
    assert selectors.referral_possible_duplicates(referral) == [known]


def test_sessions_with_their_number_of_invited_people(structure, make_member):
    actor = make_member(Role.COUNSELLOR, structure)
    past = InformationSessionFactory(structure=structure, starts_at=datetime(2026, 11, 2, 9, 0, tzinfo=PARIS))
    coming = InformationSessionFactory(structure=structure)
    services.session_invite(actor=actor, session=coming, referral=ReferralFactory(structure=structure))
    assert [(s, s.invited_count) for s in selectors.information_sessions_for_structure(structure)] == [
        (past, 0),
        (coming, 1),
    ]
    assert list(selectors.information_sessions_for_structure(structure, upcoming_only=True)) == [coming]
    assert [a.referral.structure for a in selectors.session_attendances(coming)] == [structure]
