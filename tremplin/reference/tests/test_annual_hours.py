from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from tremplin.reference.models import AnnualReferenceHours
from tremplin.reference.selectors import annual_reference_hours_on, annual_reference_hours_table


def test_annual_hours_are_loaded_by_the_migration_with_their_source(db):
    row = AnnualReferenceHours.objects.get()
    assert (row.valid_from, row.hours) == (date(2014, 1, 1), Decimal(1820))
    assert "1 820" in row.source and "DGEFP" in row.source


def test_annual_hours_by_date(db):
    AnnualReferenceHours.objects.create(valid_from=date(2027, 1, 1), hours=Decimal(1607), source="Valeur fictive")
    assert annual_reference_hours_on(date(2013, 12, 31)) is None
    assert annual_reference_hours_on(date(2014, 1, 1)) == 1820
    assert annual_reference_hours_on(date(2026, 12, 31)) == 1820
    assert annual_reference_hours_on(date(2027, 1, 1)) == 1607
    assert annual_reference_hours_table() == [(date(2014, 1, 1), Decimal(1820)), (date(2027, 1, 1), Decimal(1607))]


def test_load_reference_is_idempotent(db):
    call_command("load_reference", stdout=StringIO())
    call_command("load_reference", stdout=StringIO())
    assert AnnualReferenceHours.objects.count() == 1
