"""The services apply the rules (frozen time for every date rule) and keep the hours exact."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.accounts.tests.factories import UserFactory
from tremplin.justice import services
from tremplin.justice.enums import Activity, MeasureKind, MeasureStatus, Offence, Presence
from tremplin.justice.models import JusticeAttendance, OrientationAttendance
from tremplin.justice.selectors import hours_done
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory

from .factories import JusticeAttendanceFactory, JusticeMeasureFactory, OrientationSessionFactory, SpipFactory


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Mehdi", last_name="Cherif")


@pytest.fixture
def spip(structure):
    return SpipFactory(organisation=structure.organisation, name="SPIP de l'Hérault")


@pytest.fixture
def actor(db):
    return UserFactory()


def messages_of(error: ValidationError) -> list[str]:
    return [message for messages in error.value.message_dict.values() for message in messages]


def tig(person, spip, actor, **kwargs):
    fields = {"kind": MeasureKind.TIG, "offence": Offence.DELIT, "ordered_on": date(2026, 1, 15), "hours_ordered": 140}
    return services.measure_create(actor=actor, person=person, spip=spip, **(fields | kwargs))


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_tig_gets_the_18_month_deadline_unless_the_judge_set_an_earlier_one(person, spip, actor):
    measure = tig(person, spip, actor)
    assert measure.deadline == date(2027, 7, 14)
    assert measure.structure == person.structure and measure.status == MeasureStatus.IN_PROGRESS
    earlier = tig(person, spip, actor, deadline=date(2026, 12, 31))
    assert earlier.deadline == date(2026, 12, 31)
    with pytest.raises(ValidationError) as error:
        tig(person, spip, actor, deadline=date(2027, 7, 15))
    assert "l'échéance ne peut dépasser le 14/07/2027" in messages_of(error)[0]


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_hours_ordered_at_the_limits(person, spip, actor):
    assert tig(person, spip, actor, hours_ordered=400).hours_ordered == 400
    assert tig(person, spip, actor, hours_ordered=120, offence=Offence.CONTRAVENTION).hours_ordered == 120
    for hours, offence in ((401, Offence.DELIT), (121, Offence.CONTRAVENTION), (19, Offence.DELIT)):
        with pytest.raises(ValidationError) as error:
            tig(person, spip, actor, hours_ordered=hours, offence=offence)
        assert f"{hours} h est refusé" in error.value.message_dict["hours_ordered"][0]


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_decision_in_the_future_is_refused(person, spip, actor):
    with pytest.raises(ValidationError) as error:
        tig(person, spip, actor, ordered_on=date(2026, 3, 3))
    assert error.value.message_dict["ordered_on"] == ["La date de la décision (03/03/2026) ne peut être dans le futur."]


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_placement_has_a_period_and_no_hours(person, spip, actor):
    measure = services.measure_create(
        actor=actor,
        person=person,
        spip=spip,
        kind=MeasureKind.OUTSIDE_PLACEMENT,
        offence=Offence.DELIT,
        ordered_on=date(2026, 1, 15),
        start=date(2026, 2, 1),
        end=date(2026, 7, 31),
    )
    assert measure.hours_ordered is None and measure.deadline is None
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            actor=actor, measure=measure, day=date(2026, 2, 2), hours=Decimal(7), activity=Activity.TIG_WORK
        )
    assert "ne compte pas d'heures de présence" in error.value.messages[0]


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_the_partner_must_be_a_spip(person, actor):
    france_travail = PartnerFactory(organisation=person.structure.organisation, kind="france_travail")
    with pytest.raises(ValidationError) as error:
        tig(person, france_travail, actor)
    assert error.value.message_dict["spip"] == [services.NOT_A_SPIP]


@time_machine.travel(date(2027, 8, 1), tick=False)
def test_attendance_between_the_decision_and_the_deadline(person, spip, actor):
    measure = tig(person, spip, actor, ordered_on=date(2026, 1, 15))
    for day in (date(2026, 1, 15), date(2027, 7, 14)):
        services.attendance_record(actor=actor, measure=measure, day=day, hours=Decimal(7), activity="tig_work")
    for day in (date(2026, 1, 14), date(2027, 7, 15)):
        with pytest.raises(ValidationError) as error:
            services.attendance_record(actor=actor, measure=measure, day=day, hours=Decimal(7), activity="tig_work")
        assert error.value.message_dict["day"][0].startswith("Les heures d'un TIG se font entre la décision")
    assert hours_done(measure) == Decimal(14)


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_attendance_in_the_future_is_refused(person, spip, actor):
    measure = tig(person, spip, actor)
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            actor=actor, measure=measure, day=date(2026, 3, 3), hours=Decimal(7), activity="tig_work"
        )
    assert "dans le futur" in error.value.message_dict["day"][0]


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_ten_hours_a_day_across_the_measures_of_the_person(person, spip, actor):
    first = tig(person, spip, actor)
    second = tig(person, spip, actor, kind=MeasureKind.TIG_PEDAGOGICAL, hours_ordered=60)
    day = date(2026, 2, 7)
    services.attendance_record(actor=actor, measure=first, day=day, hours=Decimal("6.5"), activity="tig_work")
    services.attendance_record(actor=actor, measure=second, day=day, hours=Decimal("3.5"), activity="tig_workshop")
    with pytest.raises(ValidationError) as error:
        services.attendance_record(actor=actor, measure=second, day=day, hours=Decimal("0.25"), activity="tig_work")
    assert error.value.message_dict["hours"] == [
        "10 heures par jour au plus : Mehdi Cherif a déjà 10 h le 07/02/2026, 0,25 h de plus donneraient 10,25 h."
    ]


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_the_total_never_goes_above_the_hours_ordered_and_stays_exact(person, spip, actor):
    measure = tig(person, spip, actor, hours_ordered=20)
    for index, hours in enumerate(["6.67", "6.67", "6.66"]):
        services.attendance_record(
            actor=actor, measure=measure, day=date(2026, 2, 1 + index), hours=Decimal(hours), activity="tig_work"
        )
    assert hours_done(measure) == Decimal("20.00")
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            actor=actor, measure=measure, day=date(2026, 2, 10), hours=Decimal("0.01"), activity="tig_work"
        )
    assert error.value.message_dict["hours"] == [
        "Les heures effectuées ne peuvent dépasser les heures ordonnées (20 h) : 20 h sont faites, il en reste 0 h."
    ]


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_a_tig_is_executed_only_with_all_its_hours(person, spip, actor):
    measure = tig(person, spip, actor, hours_ordered=30)
    JusticeAttendanceFactory(measure=measure, day=date(2026, 2, 2), hours=Decimal(10))
    JusticeAttendanceFactory(measure=measure, day=date(2026, 2, 3), hours=Decimal(10))
    JusticeAttendanceFactory(measure=measure, day=date(2026, 2, 4), hours=Decimal(6))
    terms = {"offence": Offence.DELIT, "ordered_on": date(2026, 1, 15), "spip": spip, "hours_ordered": 30}
    with pytest.raises(ValidationError) as error:
        services.measure_update(measure=measure, status=MeasureStatus.COMPLETED, **terms)
    assert error.value.message_dict["status"] == [
        "Un TIG est exécuté quand toutes ses heures sont faites : 26 h sur 30 h à ce jour."
    ]
    with pytest.raises(ValidationError) as error:
        services.measure_update(measure=measure, status=MeasureStatus.IN_PROGRESS, **(terms | {"hours_ordered": 25}))
    assert error.value.message_dict["hours_ordered"] == [
        "26 h sont déjà effectuées : les heures ordonnées ne peuvent être moins nombreuses."
    ]
    completed = services.measure_update(
        measure=measure, status=MeasureStatus.COMPLETED, **(terms | {"hours_ordered": 26, "notes": "Fin du TIG"})
    )
    assert completed.status == MeasureStatus.COMPLETED and completed.hours_ordered == 26
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            actor=actor, measure=measure, day=date(2026, 2, 5), hours=Decimal("0.5"), activity="tig_work"
        )
    assert error.value.messages == ["Cette mesure est exécutée : aucune heure ne peut plus y être ajoutée."]


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_an_earlier_deadline_cannot_leave_hours_outside(person, spip, actor):
    measure = tig(person, spip, actor)
    JusticeAttendanceFactory(measure=measure, day=date(2026, 5, 2))
    terms = {"offence": Offence.DELIT, "ordered_on": date(2026, 1, 15), "spip": spip, "hours_ordered": 140}
    with pytest.raises(ValidationError) as error:
        services.measure_update(measure=measure, status="in_progress", deadline=date(2026, 4, 30), **terms)
    assert "le 02/05/2026 est refusé" in error.value.message_dict["deadline"][0]


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_presence_at_a_session_adds_and_removes_its_hours(person, spip, actor, structure):
    measure = tig(person, spip, actor)
    session = OrientationSessionFactory(structure=structure, day=date(2026, 3, 10), hours=Decimal("3.5"))
    row = services.session_record_presence(actor=actor, session=session, measure=measure, presence=Presence.PRESENT)
    assert row.attendance.hours == Decimal("3.5") and row.attendance.activity == Activity.SOA_SESSION
    assert hours_done(measure) == Decimal("3.5")
    services.session_record_presence(actor=actor, session=session, measure=measure, presence=Presence.EXCUSED)
    assert hours_done(measure) == 0 and not JusticeAttendance.objects.exists()
    services.session_record_presence(actor=actor, session=session, measure=measure, presence=Presence.PRESENT)
    services.session_record_presence(actor=actor, session=session, measure=measure, presence=Presence.PRESENT)
    assert hours_done(measure) == Decimal("3.5") and OrientationAttendance.objects.count() == 1


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_presence_follows_the_attendance_rules(person, spip, actor, structure, other_structure):
    measure = tig(person, spip, actor, hours_ordered=20)
    JusticeAttendanceFactory(measure=measure, day=date(2026, 3, 1), hours=Decimal(10))
    JusticeAttendanceFactory(measure=measure, day=date(2026, 3, 2), hours=Decimal(8))
    session = OrientationSessionFactory(structure=structure, day=date(2026, 3, 10), hours=Decimal(3))
    with pytest.raises(ValidationError) as error:
        services.session_record_presence(actor=actor, session=session, measure=measure, presence=Presence.PRESENT)
    assert "ne peuvent dépasser les heures ordonnées (20 h)" in error.value.messages[0]
    assert not OrientationAttendance.objects.exists()
    future = OrientationSessionFactory(structure=structure, day=date(2026, 3, 21))
    with pytest.raises(ValidationError) as error:
        services.session_record_presence(actor=actor, session=future, measure=measure, presence=Presence.ABSENT)
    assert "n'a pas encore eu lieu" in error.value.messages[0]
    elsewhere = OrientationSessionFactory(structure=other_structure, day=date(2026, 3, 10))
    with pytest.raises(ValidationError) as error:
        services.session_record_presence(actor=actor, session=elsewhere, measure=measure, presence=Presence.ABSENT)
    assert error.value.message_dict["measure"] == [services.SESSION_OTHER_STRUCTURE]


def test_factory_builds_a_consistent_measure(db):
    measure = JusticeMeasureFactory()
    measure.full_clean()
    assert measure.spip.organisation == measure.structure.organisation
