"""Invariants held by the database, whatever writes the rows."""

import pytest
from django.db import IntegrityError, transaction

from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.models import ReferralTransition, SessionAttendance
from tremplin.recruitment.tests.factories import InformationSessionFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def test_a_refused_referral_without_reason_cannot_be_stored():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralFactory(state=ReferralState.REFUSED, refusal_reason="")


def test_a_refusal_reason_on_a_referral_that_is_not_refused_cannot_be_stored():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralFactory(state=ReferralState.INTERVIEW, refusal_reason=RefusalReason.NOT_MOBILE)


def test_an_unknown_state_cannot_be_stored():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralFactory(state="archived")


def test_a_refusal_in_the_history_has_a_reason():
    referral = ReferralFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralTransition.objects.create(
            referral=referral,
            from_state=ReferralState.RECEIVED,
            to_state=ReferralState.REFUSED,
            actor=referral.created_by,
        )


def test_a_session_has_at_least_one_seat():
    with pytest.raises(IntegrityError), transaction.atomic():
        InformationSessionFactory(capacity=0)


def test_one_invitation_per_session_and_referral():
    session = InformationSessionFactory()
    referral = ReferralFactory(structure=session.structure)
    SessionAttendance.objects.create(session=session, referral=referral)
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionAttendance.objects.create(session=session, referral=referral)


def test_audit_data_names_the_structure_and_the_person():
    referral = ReferralFactory()
    assert referral.get_additional_data() == {"structure_id": referral.structure_id, "person_id": referral.person_id}
