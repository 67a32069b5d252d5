"""On PostgreSQL, the database itself refuses overlapping suspensions of one PASS IAE and
overlapping prolongations of one PASS IAE (exclusion constraints). SQLite has no such
constraint: there the services are the guard (and they are on PostgreSQL too)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE eligibility_approvalsuspension ADD CONSTRAINT approval_suspension_no_overlap
       EXCLUDE USING gist (approval_id WITH =, daterange(start, "end", '[]') WITH &&)""",
    """ALTER TABLE eligibility_approvalprolongation ADD CONSTRAINT approval_prolongation_no_overlap
       EXCLUDE USING gist (approval_id WITH =, daterange(start, "end", '[]') WITH &&)""",
]
BACKWARD = [
    "ALTER TABLE eligibility_approvalprolongation DROP CONSTRAINT IF EXISTS approval_prolongation_no_overlap",
    "ALTER TABLE eligibility_approvalsuspension DROP CONSTRAINT IF EXISTS approval_suspension_no_overlap",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("eligibility", "0001_initial")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
