"""The rules of the timesheets through the services, at their boundaries, with frozen time."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tremplin.accounts.enums import Role
from tremplin.contracts.enums import AmendmentKind
from tremplin.contracts.models import Amendment
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime import rules, selectors, services
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.models import MonthValidation, PlannedDay, TimesheetCorrection, TimesheetEntry
from tremplin.worktime.tests.factories import SuspensionFactory, TimesheetEntryFactory

TODAY = date(2026, 6, 15)
H = Decimal


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def supervisor(make_member, structure):
    return make_member(Role.SUPERVISOR, structure)


@pytest.fixture
def contract(structure, support):
    person = PersonFactory(structure=structure, first_name="Léa", last_name="Morel")
    return ContractFactory(
        person=person,
        production_support=support,
        start=date(2026, 3, 2),  # a Monday
        initial_end=date(2026, 8, 31),
        initial_weekly_hours=H(35),
    )


def record(actor, contract, day, hours, kind=EntryKind.WORKED, **kwargs):
    return services.timesheet_record(actor=actor, contract=contract, day=day, kind=kind, hours=H(hours), **kwargs)


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


# Inside the contract


def test_a_day_of_the_contract_is_recorded(supervisor, contract, support):
    result = record(supervisor, contract, date(2026, 3, 2), "7", production_support=support)
    entry = result.entry
    assert (entry.person, entry.structure, entry.hours, entry.created_by) == (
        contract.person,
        contract.structure,
        H(7),
        supervisor,
    )
    assert result.warnings == []  # below the contract, but the week is not complete


def test_recording_again_replaces_the_line(supervisor, contract):
    record(supervisor, contract, date(2026, 3, 2), "7")
    record(supervisor, contract, date(2026, 3, 2), "6.5", comment="Parti plus tôt")
    entry = TimesheetEntry.objects.get()
    assert (entry.hours, entry.comment) == (H("6.5"), "Parti plus tôt")


def test_day_before_start_is_refused(supervisor, contract):
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 1), "7")
    assert error.value.message_dict == {
        "day": [rules.OUTSIDE_CONTRACT.format(day="01/03/2026", start="02/03/2026", end="31/08/2026")]
    }
    assert not TimesheetEntry.objects.exists()


def test_last_day_is_recorded_and_the_day_after_refused(supervisor, contract):
    record(supervisor, contract, date(2026, 8, 31), "7")
    with pytest.raises(ValidationError, match="en dehors du contrat"):
        record(supervisor, contract, date(2026, 9, 1), "7")


def test_day_after_an_early_end_is_refused(supervisor, contract):
    contract.ended_on = date(2026, 4, 10)
    contract.save()
    record(supervisor, contract, date(2026, 4, 10), "7")
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 4, 13), "7")
    assert message(error.value) == rules.OUTSIDE_CONTRACT.format(day="13/04/2026", start="02/03/2026", end="10/04/2026")


def test_support_of_another_structure_is_refused(supervisor, contract):
    elsewhere = ProductionSupportFactory(structure=StructureFactory())
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 2), "7", production_support=elsewhere)
    assert error.value.message_dict == {"production_support": [rules.SUPPORT_NOT_IN_STRUCTURE]}


def test_negative_hours_are_refused(supervisor, contract):
    with pytest.raises(ValidationError, match="négatif"):
        record(supervisor, contract, date(2026, 3, 2), "-1")


# Suspension


def test_worked_hours_during_a_suspension_are_refused(supervisor, contract):
    SuspensionFactory(contract=contract, start=date(2026, 3, 16), end=date(2026, 3, 20))
    record(supervisor, contract, date(2026, 3, 13), "7")  # the Friday before
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 16), "7")
    assert error.value.message_dict == {
        "kind": [
            rules.DURING_SUSPENSION.format(
                start="16/03/2026", end="20/03/2026", kind="heures travaillées", day="16/03/2026"
            )
        ]
    }
    with pytest.raises(ValidationError, match="suspendu"):
        record(supervisor, contract, date(2026, 3, 20), "7", kind=EntryKind.PAID_LEAVE)
    record(supervisor, contract, date(2026, 3, 16), "7", kind=EntryKind.SUSPENSION)
    record(supervisor, contract, date(2026, 3, 23), "7")  # the Monday after


def test_suspension_kind_needs_a_recorded_suspension(supervisor, contract):
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 16), "7", kind=EntryKind.SUSPENSION)
    assert message(error.value) == rules.NO_SUSPENSION.format(day="16/03/2026")


def test_public_holiday_kind_only_on_a_public_holiday(supervisor, contract):
    record(supervisor, contract, date(2026, 5, 14), "7", kind=EntryKind.PUBLIC_HOLIDAY)  # Ascension
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 5, 13), "7", kind=EntryKind.PUBLIC_HOLIDAY)
    assert message(error.value) == rules.NOT_A_PUBLIC_HOLIDAY.format(day="13/05/2026", department="34")


# 10 hours a day, 48 hours a week


def test_ten_hours_a_day_is_accepted_and_a_quarter_more_refused(supervisor, contract):
    record(supervisor, contract, date(2026, 3, 2), "10")
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 3), "10.25")
    assert error.value.message_dict == {"hours": [rules.DAY_OVER_MAX.format(total="10,25", day="03/03/2026")]}


def test_the_day_adds_every_paid_kind_of_the_person(supervisor, contract):
    day = date(2026, 3, 3)
    record(supervisor, contract, day, "6")
    record(supervisor, contract, day, "4", kind=EntryKind.TRAINING)  # 10 h: accepted
    record(supervisor, contract, day, "3", kind=EntryKind.SICK_LEAVE)  # unpaid: not counted
    with pytest.raises(ValidationError, match="10,25 h le 03/03/2026"):
        record(supervisor, contract, day, "0.25", kind=EntryKind.PAID_LEAVE)
    record(supervisor, contract, day, "6")  # replacing a line does not count it twice


def test_forty_eight_hours_a_week_is_accepted_and_half_an_hour_more_refused(supervisor, contract):
    for day in (2, 3, 4, 5):
        record(supervisor, contract, date(2026, 3, day), "10")
    result = record(supervisor, contract, date(2026, 3, 6), "8")  # 48 h from Monday to Friday
    assert result.warnings == [
        rules.WEEK_ABOVE_CONTRACT.format(monday="02/03/2026", total="48", expected="35", weekly="35")
    ]
    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 3, 7), "0.5")  # Saturday
    assert error.value.message_dict == {
        "hours": [rules.WEEK_OVER_MAX.format(total="48,5", monday="02/03/2026", sunday="08/03/2026")]
    }
    record(supervisor, contract, date(2026, 3, 9), "10")  # next ISO week


def test_week_below_the_contract_warns_once_every_day_has_a_line(supervisor, contract):
    for day in (2, 3, 4, 5):
        assert record(supervisor, contract, date(2026, 3, day), "6").warnings == []
    result = record(supervisor, contract, date(2026, 3, 6), "6")
    assert result.warnings == [
        rules.WEEK_BELOW_CONTRACT.format(monday="02/03/2026", total="30", expected="35", weekly="35")
    ]
    # An absence carries the planned hours: the week adds up.
    result = record(supervisor, contract, date(2026, 3, 6), "5", kind=EntryKind.AUTHORISED_ABSENCE)
    assert result.warnings == []


def test_week_warning_uses_the_weekly_hours_in_force(supervisor, contract):
    Amendment.objects.create(
        contract=contract,
        kind=AmendmentKind.HOURS,
        effective_date=date(2026, 4, 6),
        previous_weekly_hours=H(35),
        new_weekly_hours=H(26),
        created_by=supervisor,
    )
    for day in (6, 7, 8, 9):
        record(supervisor, contract, date(2026, 4, day), "5.2")
    assert record(supervisor, contract, date(2026, 4, 10), "5.2").warnings == []


# Validated month and corrections


def test_month_validation_refusals(supervisor, structure):
    with pytest.raises(ValidationError) as error:
        services.month_validate(actor=supervisor, structure=structure, month=date(2026, 5, 2))
    assert message(error.value) == rules.NOT_FIRST_DAY.format(day="02/05/2026")
    with pytest.raises(ValidationError) as error:
        services.month_validate(actor=supervisor, structure=structure, month=date(2026, 6, 1))
    assert message(error.value) == rules.MONTH_NOT_OVER.format(month="juin 2026", first_day_after="01/07/2026")
    services.month_validate(actor=supervisor, structure=structure, month=date(2026, 5, 1))
    with pytest.raises(ValidationError) as error:
        services.month_validate(actor=supervisor, structure=structure, month=date(2026, 5, 1))
    assert message(error.value) == rules.MONTH_ALREADY_VALIDATED.format(month="mai 2026")


def test_a_validated_month_is_locked_then_corrected_with_a_reason(supervisor, make_member, structure, contract):
    hr = make_member(Role.ADMIN_STAFF, structure)
    record(supervisor, contract, date(2026, 5, 4), "7")
    correction_needed = TimesheetEntry.objects.get()
    services.month_validate(actor=hr, structure=structure, month=date(2026, 5, 1))

    with pytest.raises(ValidationError) as error:
        record(supervisor, contract, date(2026, 5, 4), "5")
    assert error.value.message_dict == {"day": [rules.MONTH_LOCKED.format(month="mai 2026")]}
    with pytest.raises(ValidationError, match="mai 2026 est validé"):
        record(supervisor, contract, date(2026, 5, 5), "7")  # a new line too
    record(supervisor, contract, date(2026, 6, 1), "7")  # June is open

    with pytest.raises(ValidationError) as error:
        services.timesheet_correct(
            actor=hr, contract=contract, day=date(2026, 5, 4), kind=EntryKind.WORKED, new_hours=H(5), reason="  "
        )
    assert error.value.message_dict == {"reason": [rules.REASON_REQUIRED]}

    correction = services.timesheet_correct(
        actor=hr,
        contract=contract,
        day=date(2026, 5, 4),
        kind=EntryKind.WORKED,
        new_hours=H(5),
        reason="Départ à 14 h oublié par l'encadrant",
    )
    correction_needed.refresh_from_db()
    assert correction_needed.hours == H(5)
    assert (correction.entry, correction.previous_hours, correction.new_hours, correction.created_by) == (
        correction_needed,
        H(7),
        H(5),
        hr,
    )
    # A line that did not exist: the correction creates it, with no previous hours.
    correction = services.timesheet_correct(
        actor=hr,
        contract=contract,
        day=date(2026, 5, 5),
        kind=EntryKind.SICK_LEAVE,
        new_hours=H(7),
        reason="Arrêt reçu après la validation",
    )
    assert correction.previous_hours is None
    assert correction.entry.kind == EntryKind.SICK_LEAVE
    assert TimesheetCorrection.objects.count() == 2


def test_a_correction_keeps_the_rules_but_the_lock(supervisor, structure, contract):
    MonthValidation.objects.create(structure=structure, month=date(2026, 5, 1), validated_by=supervisor)
    with pytest.raises(ValidationError, match="10,5 h le 04/05/2026"):
        services.timesheet_correct(
            actor=supervisor,
            contract=contract,
            day=date(2026, 5, 4),
            kind=EntryKind.WORKED,
            new_hours=H("10.5"),
            reason="Heures supplémentaires",
        )
    assert not TimesheetCorrection.objects.exists()


def test_a_correction_of_an_open_month_is_refused(supervisor, contract):
    with pytest.raises(ValidationError) as error:
        services.timesheet_correct(
            actor=supervisor, contract=contract, day=date(2026, 6, 1), kind=EntryKind.WORKED, new_hours=H(5), reason="x"
        )
    assert message(error.value) == rules.MONTH_NOT_LOCKED.format(month="juin 2026")


def test_a_line_recorded_before_a_suspension_can_be_set_to_zero(supervisor, structure, contract):
    TimesheetEntryFactory(contract=contract, day=date(2026, 5, 18), hours=H(7))
    SuspensionFactory(contract=contract, start=date(2026, 5, 18), end=date(2026, 5, 22))
    MonthValidation.objects.create(structure=structure, month=date(2026, 5, 1), validated_by=supervisor)
    correction = services.timesheet_correct(
        actor=supervisor,
        contract=contract,
        day=date(2026, 5, 18),
        kind=EntryKind.WORKED,
        new_hours=H(0),
        reason="Suspension enregistrée après coup",
    )
    assert correction.entry.hours == 0


# Confirm a week as planned


def confirm(actor, contracts, monday):
    return services.timesheet_confirm_week_as_planned(actor=actor, contracts=contracts, week_start=monday)


def lines(contract):
    return sorted(TimesheetEntry.objects.filter(contract=contract).values_list("day", "kind", "hours"))


def test_confirm_week_fills_the_planned_days_with_the_public_holiday_and_is_idempotent(supervisor, contract, support):
    other = ContractFactory(
        person=PersonFactory(structure=contract.structure), start=date(2026, 5, 13), initial_weekly_hours=H(26)
    )
    result = confirm(supervisor, [contract, other], date(2026, 5, 11))
    assert lines(contract) == [
        (date(2026, 5, 11), EntryKind.WORKED, H(7)),
        (date(2026, 5, 12), EntryKind.WORKED, H(7)),
        (date(2026, 5, 13), EntryKind.WORKED, H(7)),
        (date(2026, 5, 14), EntryKind.PUBLIC_HOLIDAY, H(7)),  # Ascension
        (date(2026, 5, 15), EntryKind.WORKED, H(7)),
    ]
    assert lines(other) == [  # hired on Wednesday 13 May, 26 h a week
        (date(2026, 5, 13), EntryKind.WORKED, H("5.2")),
        (date(2026, 5, 14), EntryKind.PUBLIC_HOLIDAY, H("5.2")),
        (date(2026, 5, 15), EntryKind.WORKED, H("5.2")),
    ]
    assert len(result.created) == 8
    assert TimesheetEntry.objects.get(contract=contract, day=date(2026, 5, 14)).comment == "Ascension"
    assert {e.production_support for e in TimesheetEntry.objects.filter(contract=contract)} == {support}
    assert result.warnings == []

    again = confirm(supervisor, [contract, other], date(2026, 5, 11))
    assert again.created == []
    assert len(lines(contract)) == 5 and len(lines(other)) == 3


def test_confirm_week_leaves_the_days_already_recorded(supervisor, contract):
    record(supervisor, contract, date(2026, 5, 12), "7", kind=EntryKind.SICK_LEAVE)
    record(supervisor, contract, date(2026, 5, 13), "4")
    confirm(supervisor, [contract], date(2026, 5, 11))
    assert lines(contract)[1:3] == [
        (date(2026, 5, 12), EntryKind.SICK_LEAVE, H(7)),
        (date(2026, 5, 13), EntryKind.WORKED, H(4)),
    ]


def test_confirm_week_in_alsace_moselle_gives_good_friday(supervisor, support):
    moselle = StructureFactory(department="57")
    herault = StructureFactory(department="34")
    contracts = [
        ContractFactory(person=PersonFactory(structure=s), start=date(2026, 3, 2), initial_weekly_hours=H(35))
        for s in (moselle, herault)
    ]
    confirm(supervisor, contracts, date(2026, 3, 30))
    friday = date(2026, 4, 3)
    assert TimesheetEntry.objects.get(contract=contracts[0], day=friday).kind == EntryKind.PUBLIC_HOLIDAY
    assert TimesheetEntry.objects.get(contract=contracts[1], day=friday).kind == EntryKind.WORKED
    confirm(supervisor, contracts, date(2026, 3, 30))
    assert TimesheetEntry.objects.count() == 10


def test_confirm_week_skips_suspended_days_the_end_and_validated_months(supervisor, structure, contract):
    SuspensionFactory(contract=contract, start=date(2026, 6, 2), end=date(2026, 6, 3))
    contract.ended_on = date(2026, 6, 4)
    contract.save()
    MonthValidation.objects.create(structure=structure, month=date(2026, 5, 1), validated_by=supervisor)
    confirm(supervisor, [contract], date(2026, 5, 25))  # Monday 25 May is Pentecost Monday
    assert lines(contract) == []  # May validated
    confirm(supervisor, [contract], date(2026, 6, 1))
    assert [day for day, _, _ in lines(contract)] == [date(2026, 6, 1), date(2026, 6, 4)]


def test_confirm_week_follows_the_planning(supervisor, contract, structure):
    services.planning_prefill(actor=supervisor, contract=contract)
    assert [(p.weekday, p.hours) for p in PlannedDay.objects.filter(contract=contract)] == [(n, H(7)) for n in range(5)]
    other_support = ProductionSupportFactory(structure=structure, name="Maraîchage")
    services.planning_set_day(actor=supervisor, contract=contract, weekday=2, hours=H(0))
    services.planning_set_day(
        actor=supervisor, contract=contract, weekday=3, hours=H("10"), production_support=other_support
    )
    result = confirm(supervisor, [contract], date(2026, 3, 2))
    assert [(e.day.weekday(), e.hours) for e in result.created] == [(0, H(7)), (1, H(7)), (3, H(10)), (4, H(7))]
    assert result.created[2].production_support == other_support
    assert result.warnings == []  # the week follows the planning (31 h)...
    contract.refresh_from_db()
    assert selectors.planning_warning(contract, today=TODAY) == rules.PLANNING_DIFFERS.format(total="31", weekly="35")


def test_confirm_week_must_start_on_a_monday(supervisor, contract):
    with pytest.raises(ValidationError) as error:
        confirm(supervisor, [contract], date(2026, 3, 3))
    assert message(error.value) == rules.NOT_MONDAY.format(day="03/03/2026", weekday="mardi")


def test_confirm_week_refuses_when_the_planned_hours_break_a_rule(supervisor, contract):
    """Thursday fits (47 h) but Friday does not: the week total counts the lines the same bulk
    confirmation adds in memory."""
    record(supervisor, contract, date(2026, 3, 7), "10")  # Saturday
    for day in (2, 3, 4):
        record(supervisor, contract, date(2026, 3, day), "10")
    with pytest.raises(ValidationError, match="Léa Morel : .*54 h la semaine du 02/03/2026"):
        confirm(supervisor, [contract], date(2026, 3, 2))  # Thursday and Friday at 7 h: 47 + 7 = 54
    assert TimesheetEntry.objects.count() == 4


def team_of(structure, support, size):
    return [
        ContractFactory(
            person=PersonFactory(structure=structure),
            production_support=support,
            start=date(2026, 3, 2),
            initial_weekly_hours=H(26),
        )
        for _ in range(size)
    ]


@pytest.mark.parametrize("size", [2, 8])
def test_confirm_week_is_one_bulk_write_whatever_the_team(
    supervisor, structure, support, size, django_assert_num_queries
):
    contracts = team_of(structure, support, size)
    # Lock the people, read the contracts (+3 prefetches), the lines, the validated months and the
    # paid hours, one insert of the lines, one of their audit entries, the week's lines for the
    # warnings; 2 for the savepoint of the transaction.
    with django_assert_num_queries(13):
        result = confirm(supervisor, contracts, date(2026, 3, 9))
    assert len(result.created) == 5 * size
    assert TimesheetEntry.objects.count() == 5 * size


def test_a_confirmed_line_has_the_audit_entry_of_a_single_save(supervisor, structure, support):
    from auditlog.context import set_actor
    from auditlog.models import LogEntry

    confirmed, recorded = team_of(structure, support, 2)
    with set_actor(supervisor, remote_addr="192.0.2.7"):
        confirm(supervisor, [confirmed], date(2026, 3, 9))
        record(supervisor, recorded, date(2026, 3, 9), "5.20", production_support=support)
    lines = LogEntry.objects.get_for_model(TimesheetEntry)
    bulk = lines.get(object_id=TimesheetEntry.objects.get(contract=confirmed, day=date(2026, 3, 9)).pk)
    single = lines.get(object_id=TimesheetEntry.objects.get(contract=recorded, day=date(2026, 3, 9)).pk)
    assert lines.count() == 5 + 1

    def shape(entry):
        changes = {
            k: v for k, v in entry.changes.items() if k not in ("id", "contract", "person", "created_at", "updated_at")
        }
        return (entry.action, entry.object_repr, entry.actor, entry.remote_addr, changes, set(entry.additional_data))

    assert shape(bulk) == shape(single)
    assert bulk.changes["person"] == [None, str(confirmed.person)]


def test_planning_limits(supervisor, contract):
    with pytest.raises(ValidationError) as error:
        services.planning_set_day(actor=supervisor, contract=contract, weekday=0, hours=H("10.25"))
    assert message(error.value) == rules.PLANNING_DAY_OVER_MAX.format(hours="10,25")
    for weekday in range(4):
        services.planning_set_day(actor=supervisor, contract=contract, weekday=weekday, hours=H(10))
    services.planning_set_day(actor=supervisor, contract=contract, weekday=4, hours=H(8))
    with pytest.raises(ValidationError) as error:
        services.planning_set_day(actor=supervisor, contract=contract, weekday=5, hours=H("0.5"))
    assert message(error.value) == rules.PLANNING_WEEK_OVER_MAX.format(total="48,5")
    with pytest.raises(ValidationError, match="0 \\(lundi\\)"):
        services.planning_set_day(actor=supervisor, contract=contract, weekday=7, hours=H(1))


# Database invariants


def test_one_line_per_contract_day_and_kind(contract):
    TimesheetEntryFactory(contract=contract, day=date(2026, 3, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        TimesheetEntryFactory(contract=contract, day=date(2026, 3, 2))
    TimesheetEntryFactory(contract=contract, day=date(2026, 3, 2), kind=EntryKind.TRAINING)


@pytest.mark.parametrize("hours", ["-0.25", "24.25"])
def test_hours_of_a_line_stay_within_a_day(contract, hours):
    with pytest.raises(IntegrityError), transaction.atomic():
        TimesheetEntryFactory(contract=contract, hours=H(hours))


def test_a_month_is_its_first_day(structure, supervisor):
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthValidation.objects.create(structure=structure, month=date(2026, 5, 2), validated_by=supervisor)
