"""The referral workflow through the services, with frozen time."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.kernel.uploads import DOCUMENT_SIZE, DOCUMENT_TYPE
from tremplin.people.models import Person
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment import services
from tremplin.recruitment.enums import HIRING_ONLY_STATES, TRANSITIONS, ReferralState, RefusalReason
from tremplin.recruitment.models import Referral, ReferralTransition, SessionAttendance
from tremplin.recruitment.tests.factories import InformationSessionFactory, PartnerFactory, ReferralFactory

PARIS = ZoneInfo("Europe/Paris")
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS)
S = ReferralState

ALLOWED = [(s, t) for s, targets in TRANSITIONS.items() for t in sorted(targets) if t not in HIRING_ONLY_STATES]
FORBIDDEN = [
    (s, t) for s in S for t in S if t not in TRANSITIONS[s] and t not in HIRING_ONLY_STATES
]  # every pair the table leaves out


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def actor(make_member, structure):
    return make_member(Role.COUNSELLOR, structure)


@pytest.fixture
def partner(structure):
    return PartnerFactory(organisation=structure.organisation, name="Mission locale de Montpellier")


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Léa", last_name="Morel", birth_date=date(1990, 6, 15))


def in_state(structure, state, **kwargs) -> Referral:
    reason = RefusalReason.NOT_MOBILE if state == S.REFUSED else ""
    return ReferralFactory(structure=structure, state=state, refusal_reason=reason, **kwargs)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def move(actor, referral, to_state, **kwargs):
    if to_state == S.REFUSED:
        kwargs.setdefault("refusal_reason", RefusalReason.LACKING_SKILLS)
    return services.referral_transition(actor=actor, referral=referral, to_state=to_state, **kwargs)


# Creation


def test_create_records_the_first_state_in_the_history(actor, structure, person, partner):
    referral = services.referral_create(
        actor=actor,
        structure=structure,
        person=person,
        partner=partner,
        referred_on=TODAY,
        reason="Reprise d'activité",
        referent_name="Camille Durand",
        referent_email="camille.durand@ml-montpellier.fr",
    )
    assert referral.state == S.RECEIVED
    assert not referral.is_direct_application
    [first] = referral.transitions.all()
    assert (first.from_state, first.to_state, first.actor, first.at) == (None, S.RECEIVED, actor, NOW)


def test_a_direct_application_has_no_partner(actor, structure, person):
    referral = services.referral_create(
        actor=actor, structure=structure, person=person, referred_on=TODAY, reason="Candidature spontanée"
    )
    assert referral.is_direct_application
    assert referral.partner is None


def test_a_partner_of_another_organisation_is_refused(actor, structure, person):
    stranger = PartnerFactory(name="France Travail Lyon")
    with pytest.raises(ValidationError) as error:
        services.referral_create(
            actor=actor, structure=structure, person=person, partner=stranger, referred_on=TODAY, reason="x"
        )
    assert error.value.message_dict == {"partner": [services.PARTNER_OTHER_ORGANISATION]}
    assert not Referral.objects.exists()


def test_a_referral_dated_tomorrow_is_refused(actor, structure, person):
    with pytest.raises(ValidationError) as error:
        services.referral_create(
            actor=actor, structure=structure, person=person, referred_on=TODAY + timedelta(days=1), reason="x"
        )
    assert error.value.message_dict == {"referred_on": [services.REFERRED_IN_FUTURE.format(day="24/11/2026")]}
    assert not ReferralTransition.objects.exists()


def test_a_person_of_another_structure_is_refused(actor, structure, other_structure):
    stranger = PersonFactory(structure=other_structure)
    with pytest.raises(ValidationError) as error:
        services.referral_create(actor=actor, structure=structure, person=stranger, referred_on=TODAY, reason="x")
    assert error.value.message_dict == {"person": [services.PERSON_OTHER_STRUCTURE]}


# The transition table


@pytest.mark.parametrize(("from_state", "to_state"), ALLOWED)
def test_every_allowed_transition(actor, structure, from_state, to_state):
    referral = in_state(structure, from_state)
    moved = move(actor, referral, to_state, comment="Après entretien")
    assert moved.state == to_state
    referral.refresh_from_db()
    assert referral.state == to_state
    last = referral.transitions.get()
    assert (last.from_state, last.to_state, last.actor, last.comment) == (
        from_state,
        to_state,
        actor,
        "Après entretien",
    )


@pytest.mark.parametrize(("from_state", "to_state"), FORBIDDEN)
def test_every_transition_outside_the_table_is_refused(actor, structure, from_state, to_state):
    referral = in_state(structure, from_state)
    with pytest.raises(ValidationError) as error:
        move(actor, referral, to_state)
    expected = services.TRANSITION_FORBIDDEN.format(current=S(from_state).label, target=S(to_state).label)
    assert error.value.message_dict == {"to_state": [expected]}
    referral.refresh_from_db()
    assert referral.state == from_state
    assert not referral.transitions.exists()


def test_the_forbidden_message_names_both_states(actor, structure):
    referral = in_state(structure, S.INTERVIEW)
    with pytest.raises(ValidationError) as error:
        move(actor, referral, S.INFO_SESSION)
    assert messages(error.value) == "Une orientation « Entretien » ne peut pas passer à « Information collective »."


def test_an_unknown_state_is_refused(actor, structure):
    with pytest.raises(ValidationError) as error:
        move(actor, in_state(structure, S.RECEIVED), "archived")
    assert error.value.message_dict == {"to_state": [services.UNKNOWN_STATE.format(state="archived")]}


@pytest.mark.parametrize("from_state", list(S))
def test_hired_is_refused_by_the_generic_transition(actor, structure, from_state):
    referral = in_state(structure, from_state)
    with pytest.raises(ValidationError) as error:
        move(actor, referral, S.HIRED)
    assert error.value.message_dict == {"to_state": [services.HIRED_THROUGH_HIRING]}
    assert "Embaucher" in services.HIRED_THROUGH_HIRING
    referral.refresh_from_db()
    assert referral.state == from_state


# Refusal


def test_a_refusal_needs_a_reason(actor, structure):
    referral = in_state(structure, S.INTERVIEW)
    with pytest.raises(ValidationError) as error:
        services.referral_transition(actor=actor, referral=referral, to_state=S.REFUSED)
    assert error.value.message_dict == {"refusal_reason": [services.REFUSAL_REASON_REQUIRED]}
    referral.refresh_from_db()
    assert referral.state == S.INTERVIEW


def test_a_refusal_reason_must_be_a_les_emplois_reason(actor, structure):
    with pytest.raises(ValidationError) as error:
        move(actor, in_state(structure, S.RECEIVED), S.REFUSED, refusal_reason="too_old")
    assert error.value.message_dict == {"refusal_reason": [services.REFUSAL_REASON_UNKNOWN]}


def test_the_reason_other_needs_a_comment(actor, structure):
    referral = in_state(structure, S.RECEIVED)
    with pytest.raises(ValidationError) as error:
        move(actor, referral, S.REFUSED, refusal_reason=RefusalReason.OTHER, comment="  ")
    assert error.value.message_dict == {"comment": [services.REFUSAL_OTHER_NEEDS_COMMENT]}
    move(actor, referral, S.REFUSED, refusal_reason=RefusalReason.OTHER, comment="Déménage hors du département")


def test_a_refusal_reason_is_given_only_when_refusing(actor, structure):
    with pytest.raises(ValidationError) as error:
        move(actor, in_state(structure, S.RECEIVED), S.INTERVIEW, refusal_reason=RefusalReason.NOT_MOBILE)
    assert error.value.message_dict == {"refusal_reason": [services.REFUSAL_REASON_ONLY_WHEN_REFUSING]}


def test_the_refusal_keeps_its_reason_and_reopening_clears_it_but_not_the_history(actor, structure):
    referral = in_state(structure, S.INTERVIEW)
    referral = move(actor, referral, S.REFUSED, refusal_reason=RefusalReason.DID_NOT_COME_TO_INTERVIEW)
    assert referral.refusal_reason == RefusalReason.DID_NOT_COME_TO_INTERVIEW
    referral = move(actor, referral, S.RECEIVED, comment="Est venue le lendemain, malade la veille")
    assert (referral.state, referral.refusal_reason) == (S.RECEIVED, "")
    assert list(referral.transitions.values_list("to_state", "refusal_reason")) == [
        (S.REFUSED, RefusalReason.DID_NOT_COME_TO_INTERVIEW),
        (S.RECEIVED, ""),
    ]


# Hiring


@pytest.mark.parametrize("from_state", [S.INTERVIEW, S.WAITING_LIST])
def test_the_hiring_flow_marks_the_referral_hired(actor, structure, from_state):
    referral = services.referral_mark_hired(actor=actor, referral=in_state(structure, from_state), comment="CDDI")
    assert referral.state == S.HIRED
    last = referral.transitions.get()
    assert (last.from_state, last.to_state, last.comment) == (from_state, S.HIRED, "CDDI")


@pytest.mark.parametrize("from_state", [S.RECEIVED, S.INFO_SESSION, S.HIRED, S.REFUSED, S.WITHDRAWN])
def test_the_hiring_flow_cannot_hire_from_other_states(actor, structure, from_state):
    referral = in_state(structure, from_state)
    with pytest.raises(ValidationError) as error:
        services.referral_mark_hired(actor=actor, referral=referral)
    assert messages(error.value) == services.HIRED_NOT_FROM.format(current=S(from_state).label)
    assert not referral.transitions.exists()


# Submission by a prescriber


@pytest.fixture
def prescriber_membership(structure, partner):
    user = UserFactory(first_name="Camille", last_name="Durand", email="camille.durand@ml-montpellier.fr")
    return MembershipFactory(user=user, role=Role.PRESCRIBER, structure=structure, partner=partner)


IDENTITY = {
    "first_name": "Karim",
    "last_name": "Benali",
    "birth_date": date(1985, 3, 2),
    "sex": "M",
    "email": "karim.benali@exemple.fr",
    "phone": "0601020304",
}


def submit(membership, identity=IDENTITY, **kwargs):
    return services.referral_submit_by_prescriber(
        actor=membership.user,
        membership=membership,
        identity=dict(identity),
        referred_on=kwargs.pop("referred_on", TODAY),
        reason="Souhaite travailler en extérieur",
        **kwargs,
    )


def test_a_prescriber_submission_creates_the_person_and_the_referral(structure, partner, prescriber_membership):
    referral = submit(prescriber_membership)
    person = referral.person
    assert (person.structure, person.first_name, person.last_name, person.birth_date) == (
        structure,
        "Karim",
        "Benali",
        date(1985, 3, 2),
    )
    assert (referral.structure, referral.partner, referral.state) == (structure, partner, S.RECEIVED)
    assert referral.created_by == prescriber_membership.user
    assert (referral.referent_name, referral.referent_email) == ("Camille Durand", "camille.durand@ml-montpellier.fr")
    assert referral.transitions.get().actor == prescriber_membership.user


def test_a_prescriber_names_another_referent(prescriber_membership):
    referral = submit(prescriber_membership, referent_name="Sam Petit", referent_phone="0467000000")
    assert (referral.referent_name, referral.referent_phone) == ("Sam Petit", "0467000000")


def test_a_prescriber_never_learns_that_the_person_is_known(structure, prescriber_membership):
    known = PersonFactory(structure=structure, first_name="Karim", last_name="BENALI", birth_date=date(1985, 3, 2))
    referral = submit(prescriber_membership)
    assert referral.person != known
    assert Person.objects.filter(last_name__iexact="benali").count() == 2


@pytest.mark.parametrize(
    "change",
    [
        {"role": Role.COUNSELLOR},
        {"partner": None},
        {"is_active": False},
    ],
    ids=["not-a-prescriber", "no-partner", "inactive"],
)
def test_only_an_active_prescriber_with_a_partner_submits(prescriber_membership, change):
    for name, value in change.items():
        setattr(prescriber_membership, name, value)
    prescriber_membership.save()
    with pytest.raises(ValidationError) as error:
        submit(prescriber_membership)
    assert messages(error.value) == services.NOT_A_PRESCRIBER
    assert not Person.objects.exists()


def test_a_prescriber_submits_only_as_themselves(prescriber_membership):
    with pytest.raises(ValidationError):
        services.referral_submit_by_prescriber(
            actor=UserFactory(),
            membership=prescriber_membership,
            identity=IDENTITY,
            referred_on=TODAY,
            reason="x",
        )


def test_a_prescriber_does_not_give_the_nir_or_eligibility(prescriber_membership):
    with pytest.raises(TypeError):
        submit(prescriber_membership, identity={**IDENTITY, "nir": "185037511312345"})
    with pytest.raises(TypeError):
        submit(prescriber_membership, identity={**IDENTITY, "rsa": True})


def test_an_incomplete_identity_creates_nothing(prescriber_membership):
    identity = {k: v for k, v in IDENTITY.items() if k != "birth_date"}
    with pytest.raises(ValidationError) as error:
        submit(prescriber_membership, identity=identity)
    assert "birth_date" in error.value.message_dict
    assert not Person.objects.exists()


def test_a_prescriber_referral_dated_in_the_future_creates_no_person(prescriber_membership):
    with pytest.raises(ValidationError):
        submit(prescriber_membership, referred_on=TODAY + timedelta(days=3))
    assert not Person.objects.exists()


# Information sessions


def test_create_a_session(actor, structure):
    starts_at = datetime(2026, 12, 1, 9, 30, tzinfo=PARIS)
    session = services.information_session_create(
        actor=actor, structure=structure, starts_at=starts_at, place="Locaux de Val Vert", capacity=10
    )
    assert (session.structure, session.starts_at, session.capacity, session.created_by) == (
        structure,
        starts_at,
        10,
        actor,
    )
    assert str(session) == "Information collective du 01/12/2026 à 09:30"


def test_a_session_without_seats_is_refused(actor, structure):
    with pytest.raises(ValidationError) as error:
        services.information_session_create(actor=actor, structure=structure, starts_at=NOW, place="Locaux", capacity=0)
    assert error.value.message_dict == {"capacity": [services.SESSION_CAPACITY]}


def test_inviting_a_received_referral_moves_it_to_the_information_session(actor, structure):
    session = InformationSessionFactory(structure=structure)
    referral = in_state(structure, S.RECEIVED)
    attendance = services.session_invite(actor=actor, session=session, referral=referral)
    assert attendance.attended is None
    referral.refresh_from_db()
    assert referral.state == S.INFO_SESSION
    last = referral.transitions.get()
    assert (last.from_state, last.to_state, last.actor) == (S.RECEIVED, S.INFO_SESSION, actor)
    assert "01/12/2026" in last.comment


@pytest.mark.parametrize("state", [S.INFO_SESSION, S.INTERVIEW, S.WAITING_LIST])
def test_inviting_a_referral_further_on_keeps_its_state(actor, structure, state):
    referral = in_state(structure, state)
    services.session_invite(actor=actor, session=InformationSessionFactory(structure=structure), referral=referral)
    referral.refresh_from_db()
    assert referral.state == state
    assert not referral.transitions.exists()


@pytest.mark.parametrize("state", [S.HIRED, S.REFUSED, S.WITHDRAWN])
def test_a_closed_referral_is_not_invited(actor, structure, state):
    with pytest.raises(ValidationError) as error:
        services.session_invite(
            actor=actor, session=InformationSessionFactory(structure=structure), referral=in_state(structure, state)
        )
    assert messages(error.value) == services.SESSION_REFERRAL_CLOSED.format(state=S(state).label)


def test_a_session_is_not_invited_beyond_its_capacity(actor, structure):
    session = InformationSessionFactory(structure=structure, capacity=2)
    for _ in range(2):
        services.session_invite(actor=actor, session=session, referral=in_state(structure, S.RECEIVED))
    third = in_state(structure, S.RECEIVED)
    with pytest.raises(ValidationError) as error:
        services.session_invite(actor=actor, session=session, referral=third)
    assert error.value.message_dict == {"session": [services.SESSION_FULL.format(day="01/12/2026 à 09:30", capacity=2)]}
    third.refresh_from_db()
    assert third.state == S.RECEIVED
    assert session.attendances.count() == 2


def test_a_person_is_invited_once_to_a_session(actor, structure):
    session = InformationSessionFactory(structure=structure)
    referral = in_state(structure, S.RECEIVED)
    services.session_invite(actor=actor, session=session, referral=referral)
    with pytest.raises(ValidationError) as error:
        services.session_invite(actor=actor, session=session, referral=referral)
    assert error.value.message_dict == {"session": [services.SESSION_ALREADY_INVITED]}


def test_a_session_of_another_structure_is_refused(actor, structure, other_structure):
    with pytest.raises(ValidationError) as error:
        services.session_invite(
            actor=actor,
            session=InformationSessionFactory(structure=other_structure),
            referral=in_state(structure, S.RECEIVED),
        )
    assert error.value.message_dict == {"session": [services.SESSION_OTHER_STRUCTURE]}


def test_attendance_is_recorded_once_the_session_has_started(actor, structure):
    session = InformationSessionFactory(structure=structure, starts_at=datetime(2026, 11, 23, 10, 0, tzinfo=PARIS))
    referral = in_state(structure, S.RECEIVED)
    services.session_invite(actor=actor, session=session, referral=referral)
    attendance = services.session_record_attendance(session=session, referral=referral, attended=False)
    assert attendance.attended is False
    attendance = services.session_record_attendance(session=session, referral=referral, attended=True)
    assert SessionAttendance.objects.get(pk=attendance.pk).attended is True


def test_attendance_is_not_recorded_before_the_session(actor, structure):
    session = InformationSessionFactory(structure=structure, starts_at=datetime(2026, 11, 23, 10, 1, tzinfo=PARIS))
    referral = in_state(structure, S.RECEIVED)
    services.session_invite(actor=actor, session=session, referral=referral)
    with pytest.raises(ValidationError) as error:
        services.session_record_attendance(session=session, referral=referral, attended=True)
    assert messages(error.value) == services.SESSION_NOT_STARTED.format(day="23/11/2026 à 10:01")


def test_attendance_of_someone_not_invited_is_refused(structure):
    session = InformationSessionFactory(structure=structure, starts_at=datetime(2026, 11, 20, 9, 0, tzinfo=PARIS))
    with pytest.raises(ValidationError) as error:
        services.session_record_attendance(session=session, referral=in_state(structure, S.RECEIVED), attended=True)
    assert messages(error.value) == services.SESSION_NOT_INVITED


# Attachments


def test_a_pdf_is_attached(actor, structure):
    referral = in_state(structure, S.RECEIVED)
    upload = SimpleUploadedFile("Fiche de liaison Benali.pdf", b"%PDF-1.7 contenu", content_type="application/pdf")
    attachment = services.attachment_add(actor=actor, referral=referral, upload=upload)
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "Fiche de liaison Benali.pdf",
        "application/pdf",
        16,
    )
    assert attachment.file.name.startswith(f"referrals/{structure.pk}/{referral.pk}/")
    assert "Benali" not in attachment.file.name


@pytest.mark.parametrize(
    ("name", "content"),
    [("cv.pdf", b"MZ\x90\x00 exe"), ("cv.exe", b"%PDF-1.7"), ("photo.png", b"\xff\xd8\xff\xe0jpeg")],
)
def test_a_file_that_is_not_pdf_jpeg_or_png_is_refused(actor, structure, name, content):
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=actor, referral=in_state(structure, S.RECEIVED), upload=SimpleUploadedFile(name, content)
        )
    assert error.value.message_dict == {"upload": [DOCUMENT_TYPE]}


def test_a_file_too_large_is_refused(actor, structure, settings):
    settings.TREMPLIN_UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=actor,
            referral=in_state(structure, S.RECEIVED),
            upload=SimpleUploadedFile("cv.pdf", b"%PDF-1.7 plus de dix octets"),
        )
    assert error.value.message_dict == {"upload": [DOCUMENT_SIZE]}
