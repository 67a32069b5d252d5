"""On PostgreSQL, expression indexes on the keys of auditlog's additional_data that scope the
audit page (structure) and filter it (person): without them every page reads the whole trail
(docs/performance.md). SQLite cannot use such an index for these lookups; nothing is done there."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS tremplin_audit_structure_idx ON auditlog_logentry "
    "((additional_data -> 'structure_id'), timestamp DESC)",
    "CREATE INDEX IF NOT EXISTS tremplin_audit_person_idx ON auditlog_logentry "
    "((additional_data -> 'person_id'), timestamp DESC)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS tremplin_audit_person_idx",
    "DROP INDEX IF EXISTS tremplin_audit_structure_idx",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
