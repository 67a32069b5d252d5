"""Done when: a 5 000-row file previews, applies and re-applies idempotently (in the background,
as a file of that size is)."""

import os
import time

import pytest
import time_machine

from tremplin.imports import services
from tremplin.imports.enums import ImportKind, ImportStatus
from tremplin.people.models import Person
from tremplin.recruitment.models import Referral

from .files import csv_bytes, people_rows, upload

ROWS = int(os.environ.get("TREMPLIN_IMPORT_ROWS", "5000"))


@pytest.mark.slow
@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_5000_row_file_previews_applies_and_reapplies_unchanged(structure, director):
    content = csv_bytes(people_rows(ROWS), bom=True)
    started = time.monotonic()

    batch = services.batch_upload(
        actor=director, structure=structure, kind=ImportKind.PEOPLE_REFERRALS, upload=upload(content)
    )
    assert batch.status == ImportStatus.PREVIEWED
    assert (batch.total_rows, batch.created_count, batch.error_count) == (ROWS, ROWS, 0)
    assert not Person.objects.filter(structure=structure).exists()  # a preview writes nothing

    batch = services.batch_apply(actor=director, batch=batch)
    assert batch.status == ImportStatus.APPLIED
    assert batch.created_count == ROWS
    assert Person.objects.filter(structure=structure).count() == ROWS
    assert Referral.objects.filter(structure=structure).count() == ROWS

    again = services.batch_upload(
        actor=director, structure=structure, kind=ImportKind.PEOPLE_REFERRALS, upload=upload(content)
    )
    assert again.sha256 == batch.sha256
    assert (again.unchanged_count, again.created_count, again.updated_count) == (ROWS, 0, 0)
    again = services.batch_apply(actor=director, batch=again)
    assert again.status == ImportStatus.APPLIED
    assert again.unchanged_count == ROWS
    assert Person.objects.filter(structure=structure).count() == ROWS
    assert Referral.objects.filter(structure=structure).count() == ROWS
    print(f"{ROWS} lignes : aperçu, import, nouvel aperçu et nouvel import en {time.monotonic() - started:.1f} s")
