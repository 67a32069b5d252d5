"""On PostgreSQL, the database itself refuses overlapping contracts of one person and
overlapping suspensions of one contract (exclusion constraints). SQLite has no such constraint:
there the services are the guard (and they are on PostgreSQL too)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE contracts_contract ADD CONSTRAINT contract_no_overlap_per_person
       EXCLUDE USING gist (person_id WITH =, daterange(start, COALESCE(ended_on, "end"), '[]') WITH &&)""",
    """ALTER TABLE contracts_suspension ADD CONSTRAINT suspension_no_overlap_per_contract
       EXCLUDE USING gist (contract_id WITH =, daterange(start, "end", '[]') WITH &&)""",
]
BACKWARD = [
    "ALTER TABLE contracts_suspension DROP CONSTRAINT IF EXISTS suspension_no_overlap_per_contract",
    "ALTER TABLE contracts_contract DROP CONSTRAINT IF EXISTS contract_no_overlap_per_person",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("contracts", "0002_initial")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
