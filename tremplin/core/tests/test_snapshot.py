"""The copy of the test database that the demo tests and browser tests share: exact on both databases."""

from datetime import date
from decimal import Decimal

from tremplin.contracts.tests.factories import ContractFactory
from tremplin.core.tests.snapshot import DatabaseSnapshot
from tremplin.people.models import Person
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.models import TimesheetEntry


def rows_of(snapshot):
    return {table.name: table.rows for table in snapshot.tables}


def test_a_restored_snapshot_holds_exactly_the_rows_taken(structure, director):
    person = PersonFactory(structure=structure, last_name="Lefèvre", birth_date=date(1990, 2, 28))
    contract = ContractFactory(person=person, initial_weekly_hours=Decimal("26.5"))
    TimesheetEntry.objects.create(
        contract=contract,
        person=person,
        structure=structure,
        day=date(2026, 3, 2),
        hours=Decimal("5.20"),
        created_by=director,
    )
    taken = DatabaseSnapshot.take()
    assert any(rows_of(taken).values())

    Person.objects.filter(pk=person.pk).update(last_name="Changé", birth_date=date(2000, 1, 1))
    TimesheetEntry.objects.all().delete()
    PersonFactory(structure=structure)
    taken.restore()

    assert rows_of(DatabaseSnapshot.take()) == rows_of(taken)
    restored = Person.objects.get()
    assert (restored.last_name, restored.birth_date) == ("Lefèvre", date(1990, 2, 28))
    assert TimesheetEntry.objects.get().hours == Decimal("5.20")
    assert contract.__class__.objects.get().initial_weekly_hours == Decimal("26.5")
    PersonFactory(structure=structure)  # the ids go on after the restored ones (PostgreSQL's sequences)
